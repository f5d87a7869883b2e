import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { InstantText, Loading } from '../../components/Display';
import { TextAreaField, TextField } from '../../components/Field';
import { ProblemSummary, useProblem } from '../../components/ProblemSummary';
import { pointsFromTyped, summariseSheet, type SheetCriterion } from '../../lib/scoring';
import type { Call, MyEvaluation } from './queries';

type ScoreSheetRequest = components['schemas']['ScoreSheetRequest'];

/**
 * Step 2: the member's score sheet — one row a criterion with its maximum, whole points,
 * a comment and the live total. Only after declaring no conflict; the API decides the rest
 * (the scoring window, the ranges) and its every answer is shown at once. A saved sheet is a
 * draft (counted nowhere, the peers' sheets still hidden) until the member submits it; a
 * submitted sheet is read-only until the chair reopens it.
 */
export function ScoreSheetSection({ applicationId, call, mine }: { applicationId: string; call: Call; mine: MyEvaluation }) {
  const { t } = useTranslation('commission');
  const conflicted = mine.automaticConflict || mine.declaration?.hasConflict === true;
  if (conflicted) {
    return (
      <GovMessage color="warning" type="subtle">
        <p>{mine.automaticConflict ? t('sheet.conflictAutomatic') : t('sheet.conflictDeclared')}</p>
      </GovMessage>
    );
  }
  if (!mine.declaration) {
    return (
      <GovMessage color="primary" type="subtle">
        <p>{t('sheet.declareFirst')}</p>
      </GovMessage>
    );
  }
  if (mine.scoring === 'closed') {
    if (!mine.sheet) return <p>{t('sheet.closedUnscored')}</p>;
    return (
      <>
        <p>{mine.sheet.status === 'submitted' ? t('sheet.frozen') : t('sheet.closedDraft')}</p>
        <ReadOnlySheet call={call} sheet={mine.sheet} />
      </>
    );
  }
  if (mine.sheet?.status === 'submitted') {
    return (
      <>
        <GovMessage color="success" type="subtle">
          <p>
            {t('sheet.submittedState')} <InstantText value={mine.sheet.submittedAt} />. {t('sheet.submittedLocked')}
          </p>
        </GovMessage>
        <ReadOnlySheet call={call} sheet={mine.sheet} />
      </>
    );
  }
  return (
    <>
      {mine.sheet?.reopenReason && (
        <GovMessage color="warning" type="subtle">
          <p>
            <strong>{t('sheet.reopenedTitle')}</strong> (<InstantText value={mine.sheet.reopenedAt} />)
          </p>
          <p>{t('sheet.reopenedText', { reason: mine.sheet.reopenReason })}</p>
        </GovMessage>
      )}
      {mine.scoring === 'not_open' && (
        <GovMessage color="primary" type="subtle">
          <p>
            {t('sheet.notOpen')} <InstantText value={call.submissionClosesAt} />.
          </p>
        </GovMessage>
      )}
      <SheetForm applicationId={applicationId} call={call} sheet={mine.sheet} />
    </>
  );
}

function SheetForm({ applicationId, call, sheet }: { applicationId: string; call: Call; sheet: MyEvaluation['sheet'] }) {
  const { t } = useTranslation('commission');
  const queryClient = useQueryClient();
  const criteria: SheetCriterion[] = call.criteria;
  const [typed, setTyped] = useState<string[]>(() =>
    criteria.map((c) => {
      const points = sheet?.points.find((p) => p.criterionCode === c.code)?.points;
      return points === undefined ? '' : String(points);
    }),
  );
  const [comment, setComment] = useState(sheet?.comment ?? '');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const summary = summariseSheet(criteria, typed);

  // Saving keeps a draft; submitting saves the sheet as typed, then submits it (two requests, one press).
  const save = useMutation({
    mutationFn: async ({ body, submit }: { body: ScoreSheetRequest; submit: boolean }) => {
      const saved = await unwrap(api.PUT('/api/v1/applications/{id}/scores', { params: { path: { id: applicationId } }, body: { ...body, draft: true } }));
      if (!submit) return saved;
      return unwrap(api.POST('/api/v1/applications/{id}/scores/submit', { params: { path: { id: applicationId } } }));
    },
    onSuccess: async (answer) => {
      setSavedAt(answer.status === 'draft' ? answer.updatedAt : null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['applications', applicationId] }),
        queryClient.invalidateQueries({ queryKey: ['calls', call.id, 'ranking'] }),
        queryClient.invalidateQueries({ queryKey: ['commission', 'my-applications'] }),
      ]);
    },
  });
  const { byField } = useProblem(save.error);

  function send(submit: boolean) {
    // The design system's button is only styled as disabled while sending: a second press must not send again.
    if (save.isPending) return;
    setSavedAt(null);
    save.mutate({
      body: {
        // What is not a number at all goes as null: the API names the row (`points[i].points`) rather than the portal guessing.
        points: criteria.map((c, i) => ({ criterionCode: c.code, points: pointsFromTyped(typed[i]) as number })),
        comment: comment.trim(),
      },
      submit,
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    send(true);
  }

  const labels: Record<string, string> = Object.fromEntries([
    ...criteria.map((c, i): [string, string] => [`points[${i}].points`, `${c.code} ${c.name}`]),
    ['points', t('sheet.caption')],
    ['comment', t('sheet.comment')],
  ]);

  return (
    <form noValidate onSubmit={submit}>
      <ProblemSummary error={save.error} labels={labels} />
      {byField.get('points') && (
        <GovMessage color="error" type="subtle">
          <p>{byField.get('points')?.join(' ')}</p>
        </GovMessage>
      )}
      <div className="table-wrap" id="field-points" tabIndex={-1}>
        <table className="data sheet">
          <caption>{t('sheet.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sheet.criterion')}</th>
              <th scope="col" className="number">
                {t('sheet.maximum')}
              </th>
              <th scope="col">{t('sheet.points')}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c, i) => (
              <tr key={c.code}>
                <th scope="row">
                  {c.code} {c.name}
                </th>
                <td className="number">{c.maxPoints}</td>
                <td>
                  <TextField
                    name={`points[${i}].points`}
                    label={<span className="visually-hidden">{t('sheet.pointsFor', { criterion: `${c.code} ${c.name}` })}</span>}
                    hint={t('sheet.range', { max: c.maxPoints })}
                    inputMode="numeric"
                    autoComplete="off"
                    value={typed[i]}
                    onChange={(e) => {
                      const value = e.target.value;
                      setTyped((all) => all.map((v, j) => (j === i ? value : v)));
                    }}
                    errors={byField.get(`points[${i}].points`) ?? byField.get(`points[${i}].criterionCode`)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('sheet.total')}</th>
              <td className="number">{summary.maxTotal}</td>
              <td>
                <strong>{summary.totalPoints}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="sheet-total" aria-live="polite">
        {t('sheet.liveTotal', { total: summary.totalPoints, max: summary.maxTotal })}
        {summary.unfilled > 0 && <> — {t('sheet.unfilled', { n: summary.unfilled })}</>}
      </p>
      <TextAreaField name="comment" label={t('sheet.comment')} hint={t('sheet.commentHint')} rows={4} maxLength={5000} value={comment} onChange={(e) => setComment(e.target.value)} errors={byField.get('comment')} />
      <p className="muted">{t('sheet.submitHint')}</p>
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" disabled={save.isPending} loading={save.isPending ? 'true' : undefined}>
          {t('sheet.submit')}
        </GovButton>
        <GovButton nativeType="button" type="outlined" color="primary" disabled={save.isPending} onClick={() => send(false)}>
          {t('sheet.saveDraft')}
        </GovButton>
        {save.isPending && <Loading label={t('sheet.sending')} />}
        {savedAt && !save.isPending && (
          <span role="status">
            {t('sheet.draftSaved')} <InstantText value={savedAt} />
          </span>
        )}
      </div>
      {sheet && !savedAt && (
        <p className="muted">
          {t('sheet.draftState')} <InstantText value={sheet.updatedAt} />
        </p>
      )}
    </form>
  );
}

/** The member's own sheet once submitted, or after the evaluation closed: read-only. */
function ReadOnlySheet({ call, sheet }: { call: Call; sheet: NonNullable<MyEvaluation['sheet']> }) {
  const { t } = useTranslation('commission');
  return (
    <>
      <div className="table-wrap">
        <table className="data">
          <caption>{t('sheet.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sheet.criterion')}</th>
              <th scope="col" className="number">
                {t('sheet.maximum')}
              </th>
              <th scope="col" className="number">
                {t('sheet.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {call.criteria.map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  {c.code} {c.name}
                </th>
                <td className="number">{c.maxPoints}</td>
                <td className="number">{sheet.points.find((p) => p.criterionCode === c.code)?.points ?? '—'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('sheet.total')}</th>
              <td />
              <td className="number">
                <strong>{sheet.totalPoints}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {sheet.comment && (
        <p>
          <strong>{t('sheet.comment')}:</strong> {sheet.comment}
        </p>
      )}
      <p className="muted">
        {t('sheet.lastSaved')} <InstantText value={sheet.updatedAt} />
      </p>
    </>
  );
}

