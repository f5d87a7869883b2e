import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { InstantText, Loading } from '../../components/Display';
import { TextAreaField } from '../../components/Field';
import { ProblemSummary, useProblem } from '../../components/ProblemSummary';
import { RadioGroup } from './evaluation-ui';
import type { MyEvaluation } from './queries';

type Choice = 'none' | 'conflict';

/**
 * Step 1: the member says whether they have a conflict of interest with the applicant before
 * anything else; an affiliation with the applicant is a conflict the API records by itself, and
 * once the member has scored, their declaration is fixed.
 */
export function DeclarationSection({
  applicationId,
  callId,
  mine,
  organisationName,
}: {
  applicationId: string;
  callId: string;
  mine: MyEvaluation;
  organisationName: string | undefined;
}) {
  const { t } = useTranslation('commission');
  const organisation = organisationName ?? t('declaration.theApplicant');

  if (mine.automaticConflict) {
    return (
      <GovMessage color="warning" type="subtle">
        <p>
          <strong>{t('declaration.automaticTitle')}</strong>
        </p>
        <p>{t('declaration.automaticText', { organisation })}</p>
      </GovMessage>
    );
  }
  if (mine.sheet && mine.declaration) {
    return (
      <p>
        {t('declaration.declaredNone')} (<InstantText value={mine.declaration.declaredAt} />). {t('declaration.fixed')}
      </p>
    );
  }
  return <DeclarationForm applicationId={applicationId} callId={callId} mine={mine} organisation={organisation} />;
}

function DeclarationForm({ applicationId, callId, mine, organisation }: { applicationId: string; callId: string; mine: MyEvaluation; organisation: string }) {
  const { t } = useTranslation('commission');
  const queryClient = useQueryClient();
  const declared = mine.declaration;
  const [choice, setChoice] = useState<Choice | null>(declared ? (declared.hasConflict ? 'conflict' : 'none') : null);
  const [reason, setReason] = useState(declared?.reason ?? '');
  const [saved, setSaved] = useState(false);
  const [unchosen, setUnchosen] = useState(false);

  const declare = useMutation({
    mutationFn: (body: { hasConflict: boolean; reason?: string }) =>
      unwrap(api.PUT('/api/v1/applications/{id}/conflict-of-interest', { params: { path: { id: applicationId } }, body })),
    onSuccess: async () => {
      setSaved(true);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['applications', applicationId] }),
        queryClient.invalidateQueries({ queryKey: ['calls', callId, 'ranking'] }),
        queryClient.invalidateQueries({ queryKey: ['commission', 'my-applications'] }),
      ]);
    },
  });
  const { byField } = useProblem(declare.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    // The design system's button is only styled as disabled while sending: a second press must not send again.
    if (declare.isPending) return;
    setSaved(false);
    if (choice === null) {
      setUnchosen(true);
      return;
    }
    const trimmed = reason.trim();
    declare.mutate(choice === 'conflict' ? { hasConflict: true, ...(trimmed ? { reason: trimmed } : {}) } : { hasConflict: false });
  }

  return (
    <form noValidate onSubmit={submit} aria-describedby="declaration-state">
      <p id="declaration-state">
        {declared ? (
          <>
            {declared.hasConflict ? t('declaration.declaredConflict') : t('declaration.declaredNone')} (<InstantText value={declared.declaredAt} />).{' '}
            {t('declaration.changeable')}
          </>
        ) : (
          t('declaration.notYet')
        )}
      </p>
      <ProblemSummary error={declare.error} labels={{ hasConflict: t('declaration.legend', { organisation }), reason: t('declaration.reason') }} />
      <RadioGroup<Choice>
        name="hasConflict"
        legend={t('declaration.legend', { organisation })}
        value={choice}
        onChange={(value) => {
          setChoice(value);
          setUnchosen(false);
          setSaved(false);
        }}
        errors={byField.get('hasConflict') ?? (unchosen ? [t('declaration.chooseOne')] : undefined)}
        options={[
          { value: 'none', label: t('declaration.none', { organisation }) },
          { value: 'conflict', label: t('declaration.conflict', { organisation }), hint: t('declaration.conflictHint') },
        ]}
      />
      {choice === 'conflict' && (
        <TextAreaField
          name="reason"
          label={t('declaration.reason')}
          hint={t('declaration.reasonHint')}
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          errors={byField.get('reason')}
        />
      )}
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" disabled={declare.isPending} loading={declare.isPending ? 'true' : undefined}>
          {t('declaration.submit')}
        </GovButton>
        {declare.isPending && <Loading label={t('declaration.sending')} />}
        {saved && !declare.isPending && (
          <span role="status" className="saved-note">
            {t('declaration.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
