import { GovButton } from '@gov-design-system-ce/react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Loading } from '../../../components/Display';
import { TextAreaField } from '../../../components/Field';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';
import type { Resolution } from '../../../lib/resolutions';
import { RadioGroup } from '../desk/fields';

type Closing = 'rejection' | 'withdrawal';

/**
 * The draft ends without decisions: the body did not pass it (POST …/rejection) or
 * the officers withdraw it (POST …/withdrawal), with the reason; asked first. Its
 * applications are then free for a new draft.
 */
export function CloseForm({ resolution, onClosed }: { resolution: Resolution; onClosed: (closing: Closing) => void }) {
  const { t } = useTranslation(['officer', 'common']);
  const [closing, setClosing] = useState<Closing>('rejection');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const close = useMutation({
    mutationFn: () =>
      closing === 'rejection'
        ? unwrap(api.POST('/api/v1/resolutions/{id}/rejection', { params: { path: { id: resolution.id } }, body: { reason: reason.trim() } }))
        : unwrap(api.POST('/api/v1/resolutions/{id}/withdrawal', { params: { path: { id: resolution.id } }, body: { reason: reason.trim() } })),
    onSuccess: () => onClosed(closing),
    onSettled: () => setConfirming(false),
  });
  const { byField } = useProblem(close.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!close.isPending) setConfirming(true);
  }

  const what = t(`officer:resolution.closing.${closing}`);
  return (
    <form noValidate onSubmit={submit} aria-labelledby="close-heading" className="desk-panel">
      <h2 id="close-heading">{t('officer:resolution.closeHeading')}</h2>
      <p>{t('officer:resolution.closeIntro')}</p>
      <ProblemSummary error={close.error} labels={{ reason: t('officer:resolution.closeReason') }} />
      <RadioGroup<Closing>
        name="closing"
        legend={t('officer:resolution.closeWhat')}
        required
        value={closing}
        onChange={setClosing}
        options={[
          { value: 'rejection', label: t('officer:resolution.closing.rejection') },
          { value: 'withdrawal', label: t('officer:resolution.closing.withdrawal') },
        ]}
      />
      <TextAreaField
        name="closeReason"
        rows={3}
        label={t('officer:resolution.closeReason')}
        required
        value={reason}
        errors={byField.get('reason')}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="actions">
        <GovButton nativeType="submit" type="outlined" color="error" disabled={close.isPending} loading={close.isPending ? 'true' : undefined}>
          {what}
        </GovButton>
        {close.isPending && <Loading label={t('common:state.saving')} />}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('officer:resolution.closeConfirmTitle')}
        confirmLabel={what}
        busy={close.isPending}
        onConfirm={() => close.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          <strong>{what}</strong>: {reason.trim() || '—'}
        </p>
        <p>{t('officer:resolution.closeConfirmText')}</p>
      </ConfirmDialog>
    </form>
  );
}
