import { GovButton } from '@gov-design-system-ce/react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, unwrap } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Czk, DateText, Loading } from '../../../components/Display';
import { TextField } from '../../../components/Field';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';
import { pragueToday } from '../../../lib/format';
import type { Resolution } from '../../../lib/resolutions';

/**
 * The body passed the draft: its number and date recorded for the whole annex at
 * once (POST /resolutions/:id/adopt with the draft's body and an Idempotency-Key per
 * form, so a double click never decides twice), asked first. Lines the API refuses
 * (RESOLUTION_NOT_ADOPTABLE) are listed in the summary and told to the page, which
 * shows each message next to its line.
 */
export function AdoptionForm({ resolution, onError, onAdopted }: { resolution: Resolution; onError: (error: unknown) => void; onAdopted: () => void }) {
  const { t } = useTranslation(['officer', 'common']);
  const [resolutionNumber, setResolutionNumber] = useState('');
  const [resolutionDate, setResolutionDate] = useState(pragueToday());
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [confirming, setConfirming] = useState(false);
  const adopt = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/resolutions/{id}/adopt', {
          params: { path: { id: resolution.id }, header: { 'Idempotency-Key': idempotencyKey } },
          body: { body: resolution.body, resolutionNumber: resolutionNumber.trim(), resolutionDate },
        }),
      ),
    onMutate: () => onError(null),
    onSuccess: () => {
      setIdempotencyKey(newIdempotencyKey());
      onAdopted();
    },
    onError,
    onSettled: () => setConfirming(false),
  });
  const { byField } = useProblem(adopt.error);
  const labels: Record<string, string> = {
    resolutionNumber: t('officer:resolution.number'),
    resolutionDate: t('officer:resolution.date'),
    body: t('officer:resolution.body'),
    ...Object.fromEntries(resolution.lines.map((l) => [`lines.${l.applicationId}`, `${l.referenceNumber} ${l.title}`])),
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!adopt.isPending) setConfirming(true);
  }

  const bodyName = t(`officer:body.${resolution.body}`);
  return (
    <form noValidate onSubmit={submit} aria-labelledby="adopt-heading" className="desk-panel">
      <h2 id="adopt-heading">{t('officer:resolution.adoptHeading')}</h2>
      <p>{t('officer:resolution.adoptIntro')}</p>
      <ProblemSummary error={adopt.error} labels={labels} />
      <dl className="facts">
        <dt>{t('officer:resolution.body')}</dt>
        <dd data-testid="adopt-body">{bodyName}</dd>
      </dl>
      <div className="grid-2">
        <TextField
          name="resolutionNumber"
          label={t('officer:resolution.number')}
          hint={t('officer:decision.resolutionNumberHint')}
          required
          value={resolutionNumber}
          errors={byField.get('resolutionNumber')}
          onChange={(e) => setResolutionNumber(e.target.value)}
        />
        <TextField
          name="resolutionDate"
          type="date"
          label={t('officer:resolution.date')}
          required
          value={resolutionDate}
          errors={byField.get('resolutionDate')}
          onChange={(e) => setResolutionDate(e.target.value)}
        />
      </div>
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" disabled={adopt.isPending} loading={adopt.isPending ? 'true' : undefined}>
          {t('officer:resolution.adopt')}
        </GovButton>
        {adopt.isPending && <Loading label={t('officer:resolution.adopting')} />}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('officer:resolution.adoptConfirmTitle')}
        confirmLabel={t('officer:resolution.adopt')}
        busy={adopt.isPending}
        onConfirm={() => adopt.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <dl className="facts">
          <dt>{t('officer:resolution.body')}</dt>
          <dd>
            <strong>{bodyName}</strong>
          </dd>
          <dt>{t('officer:resolution.numberAndDate')}</dt>
          <dd>
            {resolutionNumber.trim() || '—'}, <DateText value={resolutionDate} />
          </dd>
          <dt>{t('officer:resolution.lines')}</dt>
          <dd>
            {t('officer:resolution.linesCount', {
              lines: resolution.totals.lines,
              approved: resolution.totals.approved,
              rejected: resolution.totals.rejected,
              ineligible: resolution.totals.ineligible,
            })}
          </dd>
          <dt>{t('officer:resolution.approvedTotal')}</dt>
          <dd>
            <Czk value={resolution.totals.approvedCzk} />
          </dd>
        </dl>
        <p>{t('officer:resolution.adoptConfirmText')}</p>
      </ConfirmDialog>
    </form>
  );
}
