import { GovButton } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { Czk, DateText, InstantText, Loading } from '../../../components/Display';
import { TextAreaField, TextField } from '../../../components/Field';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';
import { parseCzk } from '../../../lib/budget';

type Application = components['schemas']['ApplicationResponse'];
type Settlement = components['schemas']['SettlementRecordResponse'];

/**
 * The recipient's financial settlement and its review by the officer
 * (POST /applications/:id/settlement/review): what is accepted as spent; the API
 * answers what is to be returned and by when.
 */
export function SettlementPanel({
  application,
  settlement,
  settlementDueOn,
  onDone,
}: {
  application: Application;
  settlement: Settlement | null;
  /** The contract's settlement deadline: the unspent money is due by it. */
  settlementDueOn: string | null;
  /** Told what was done once the API accepted it. */
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation(['officer', 'common']);
  if (!settlement) return null;
  const waiting = application.status === 'settlement_submitted';
  return (
    <section className="desk-panel" aria-labelledby="settlement-heading">
      <h2 id="settlement-heading">{t('officer:settlement.heading')}</h2>
      <dl className="facts">
        <dt>{t('officer:settlement.paid')}</dt>
        <dd>
          <Czk value={application.money.paidCzk} />
        </dd>
        <dt>{t('officer:settlement.submittedAt')}</dt>
        <dd>
          <InstantText value={settlement.submittedAt} />
        </dd>
        <dt>{t('officer:settlement.spent')}</dt>
        <dd>
          <Czk value={settlement.spentCzk} />
        </dd>
        {settlement.acceptedCzk !== null && (
          <>
            <dt>{t('officer:settlement.accepted')}</dt>
            <dd>
              <Czk value={settlement.acceptedCzk} />
            </dd>
            {settlement.unspentCzk !== null && settlement.unspentCzk > 0 && (
              <>
                <dt>{t('officer:settlement.unspent')}</dt>
                <dd data-testid="settlement-unspent">
                  <Czk value={settlement.unspentCzk} />
                  {settlementDueOn && (
                    <>
                      {' '}
                      {t('officer:settlement.returnDueBy')} <DateText value={settlementDueOn} />
                    </>
                  )}
                </dd>
              </>
            )}
            {settlement.refusedCzk !== null && settlement.refusedCzk > 0 && (
              <>
                <dt>{t('officer:settlement.refused')}</dt>
                <dd data-testid="settlement-refused">
                  <Czk value={settlement.refusedCzk} />
                  {settlement.remedyDueOn && (
                    <>
                      {' '}
                      {t('officer:settlement.returnDueBy')} <DateText value={settlement.remedyDueOn} />
                    </>
                  )}
                </dd>
              </>
            )}
            <dt>{t('officer:settlement.returnDue')}</dt>
            <dd>
              <Czk value={settlement.returnDueCzk} />
              {settlement.returnDueOn && (
                <>
                  {' '}
                  {t('officer:settlement.returnDueBy')} <DateText value={settlement.returnDueOn} />
                </>
              )}
            </dd>
            <dt>{t('officer:settlement.reviewedAt')}</dt>
            <dd>
              <InstantText value={settlement.reviewedAt} />
            </dd>
            <dt>{t('officer:settlement.note')}</dt>
            <dd>{settlement.reviewNote || '—'}</dd>
          </>
        )}
      </dl>
      <div className="table-wrap">
        <table className="data">
          <caption>{t('officer:settlement.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('officer:settlement.category')}</th>
              <th scope="col" className="number">
                {t('officer:settlement.spent')}
              </th>
            </tr>
          </thead>
          <tbody>
            {settlement.lines.map((line, i) => (
              <tr key={i}>
                <th scope="row">{line.category}</th>
                <td className="number">
                  <Czk value={line.spentCzk} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('officer:settlement.report')}</h3>
      <p className="prewrap">{settlement.report}</p>
      {waiting && <ReviewForm application={application} settlement={settlement} onDone={onDone} />}
    </section>
  );
}

function ReviewForm({ application, settlement, onDone }: { application: Application; settlement: Settlement; onDone: (message: string) => void }) {
  const { t } = useTranslation(['officer', 'common']);
  const queryClient = useQueryClient();
  const [accepted, setAccepted] = useState(String(settlement.spentCzk));
  const [note, setNote] = useState('');
  const [remedyDueOn, setRemedyDueOn] = useState('');
  const review = useMutation({
    mutationFn: () => {
      const typed = accepted.trim();
      return unwrap(
        api.POST('/api/v1/applications/{id}/settlement/review', {
          params: { path: { id: application.id } },
          // A value the portal cannot read goes as typed: the API names the field. No remedy deadline: 30 days after the review.
          body: { acceptedCzk: (parseCzk(typed) ?? typed) as number, note: note.trim(), ...(remedyDueOn ? { remedyDueOn } : {}) },
        }),
      );
    },
    onSuccess: async () => {
      onDone(t('officer:settlement.reviewed'));
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
    },
  });
  const { byField } = useProblem(review.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!review.isPending) review.mutate();
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="review-heading">
      <h3 id="review-heading">{t('officer:settlement.reviewHeading')}</h3>
      <p>{t('officer:settlement.reviewIntro')}</p>
      <ProblemSummary
        error={review.error}
        labels={{ acceptedCzk: t('officer:settlement.accepted'), note: t('officer:settlement.note'), remedyDueOn: t('officer:settlement.remedyDueOn') }}
      />
      <TextField
        name="acceptedCzk"
        inputMode="numeric"
        label={t('officer:settlement.accepted')}
        hint={t('officer:settlement.acceptedHint')}
        required
        value={accepted}
        errors={byField.get('acceptedCzk')}
        onChange={(e) => setAccepted(e.target.value)}
      />
      <TextAreaField
        name="note"
        rows={3}
        label={t('officer:settlement.note')}
        hint={t('officer:settlement.noteHint')}
        value={note}
        errors={byField.get('note')}
        onChange={(e) => setNote(e.target.value)}
      />
      <TextField
        name="remedyDueOn"
        type="date"
        label={t('officer:settlement.remedyDueOn')}
        hint={t('officer:settlement.remedyDueOnHint')}
        value={remedyDueOn}
        errors={byField.get('remedyDueOn')}
        onChange={(e) => setRemedyDueOn(e.target.value)}
      />
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" loading={review.isPending ? 'true' : undefined} disabled={review.isPending}>
          {t('officer:settlement.submit')}
        </GovButton>
        {review.isPending && <Loading label={t('common:state.saving')} />}
      </div>
    </form>
  );
}
