import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Czk, DateText, Loading } from '../../../components/Display';
import { TextAreaField, TextField } from '../../../components/Field';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';
import { parseCzk } from '../../../lib/budget';
import { formatCzk, pragueToday } from '../../../lib/format';
import { ApiError } from '../../../lib/problem';
import { RadioGroup } from './fields';

type Application = components['schemas']['ApplicationResponse'];
type DecisionRequest = components['schemas']['DecisionRequest'];
type Outcome = DecisionRequest['outcome'];
type Body = DecisionRequest['body'];

/**
 * The Council's or Assembly's resolution on a recommended or not recommended
 * application (POST /applications/:id/decision, with an Idempotency-Key per form).
 * Before saving, the officer sees which body decides and the rule behind it; the
 * API counts the recipient's whole year and refuses a wrong body
 * (ASSEMBLY_DECISION_REQUIRED), which is explained next to the choice.
 * Approving an application the commission did not recommend, or above its
 * proposal, asks for the reason the Council or Assembly deviates from the
 * commission (DEVIATION_REASON_REQUIRED without it); the field is shown only then.
 */
export function DecisionForm({
  application,
  organisation,
  onDone,
}: {
  application: Application;
  organisation?: { name: string; ico: string };
  /** Told what was done once the API accepted it (the form itself goes away with the application's new status). */
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation(['officer', 'common']);
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>(application.status === 'not_recommended' ? 'rejected' : 'approved');
  const [amount, setAmount] = useState(application.proposedCzk !== null ? String(application.proposedCzk) : '');
  const [body, setBody] = useState<Body | ''>('');
  const [resolutionNumber, setResolutionNumber] = useState('');
  const [resolutionDate, setResolutionDate] = useState(pragueToday());
  const [reasons, setReasons] = useState('');
  const [deviationReason, setDeviationReason] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [confirming, setConfirming] = useState(false);

  const decide = useMutation({
    mutationFn: (request: DecisionRequest) =>
      unwrap(
        api.POST('/api/v1/applications/{id}/decision', {
          params: { path: { id: application.id }, header: { 'Idempotency-Key': idempotencyKey } },
          body: request,
        }),
      ),
    onSuccess: async () => {
      setIdempotencyKey(newIdempotencyKey());
      onDone(t('officer:decision.saved'));
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
      await queryClient.invalidateQueries({ queryKey: ['calls', application.callId, 'budget'] });
      await queryClient.invalidateQueries({ queryKey: ['letters'] });
    },
    onSettled: () => setConfirming(false),
  });
  const { byField } = useProblem(decide.error);
  const err = (path: string) => byField.get(path);
  const code = decide.error instanceof ApiError ? decide.error.problem.code : null;
  const shownAmount = parseCzk(amount);
  // As the API judges it: not recommended, or an amount above the commission's proposal (none counts as 0).
  const deviates =
    outcome === 'approved' &&
    (application.status === 'not_recommended' || (shownAmount !== null && shownAmount > (application.proposedCzk ?? 0)) || code === 'DEVIATION_REASON_REQUIRED');

  function request(): DecisionRequest {
    const lines = reasons
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean);
    const typedAmount = amount.trim();
    return {
      outcome,
      // A value the portal cannot read goes as typed: the API names the field.
      ...(outcome === 'approved' && typedAmount !== '' ? { amountCzk: (parseCzk(typedAmount) ?? typedAmount) as number } : {}),
      body: body as Body,
      resolutionNumber: resolutionNumber.trim(),
      resolutionDate,
      ...(lines.length ? { reasons: lines } : {}),
      ...(deviates && deviationReason.trim() !== '' ? { deviationReason: deviationReason.trim() } : {}),
    };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!decide.isPending) setConfirming(true);
  }

  const labels = {
    outcome: t('officer:decision.outcome'),
    amountCzk: t('officer:decision.amount'),
    body: t('officer:decision.body'),
    resolutionNumber: t('officer:decision.resolutionNumber'),
    resolutionDate: t('officer:decision.resolutionDate'),
    reasons: t('officer:decision.reasons'),
    deviationReason: t('officer:decision.deviationReason'),
  };
  const route = (
    <div className="desk-panel" data-testid="decision-route">
      <h3>{t('officer:decision.routeHeading')}</h3>
      <p className="desk-route">
        {body ? (
          <>
            {t('officer:decision.routeChosen')} <strong>{t(`officer:body.${body}`)}</strong>
          </>
        ) : (
          t('officer:decision.routeNotChosen')
        )}
      </p>
      <p>{t('officer:decision.routeRule')}</p>
      <p>{t('officer:decision.routeApi')}</p>
    </div>
  );

  return (
    <form noValidate onSubmit={submit} aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('officer:decision.heading')}</h2>
      <p>{application.status === 'not_recommended' ? t('officer:decision.introNotRecommended') : t('officer:decision.intro')}</p>
      <ProblemSummary error={decide.error} labels={labels} />
      <RadioGroup<Outcome>
        name="outcome"
        legend={t('officer:decision.outcome')}
        required
        value={outcome}
        onChange={setOutcome}
        errors={err('outcome')}
        options={[
          { value: 'approved', label: t('officer:decision.approve') },
          { value: 'rejected', label: t('officer:decision.reject') },
        ]}
      />
      {outcome === 'approved' && (
        <TextField
          name="amountCzk"
          inputMode="numeric"
          label={t('officer:decision.amount')}
          hint={t('officer:decision.amountHint', {
            requested: formatCzk(application.requestedCzk, i18n.language),
            proposed: application.proposedCzk === null ? '—' : formatCzk(application.proposedCzk, i18n.language),
          })}
          value={amount}
          errors={err('amountCzk')}
          onChange={(e) => setAmount(e.target.value)}
        />
      )}
      {deviates && (
        <TextAreaField
          name="deviationReason"
          rows={3}
          label={t('officer:decision.deviationReason')}
          hint={application.status === 'not_recommended' ? t('officer:decision.deviationHintNotRecommended') : t('officer:decision.deviationHintAbove')}
          required
          value={deviationReason}
          errors={err('deviationReason')}
          onChange={(e) => setDeviationReason(e.target.value)}
        />
      )}
      <RadioGroup<Body>
        name="body"
        legend={t('officer:decision.body')}
        required
        value={body}
        onChange={setBody}
        errors={err('body')}
        options={[
          { value: 'council', label: t('officer:body.council') },
          { value: 'assembly', label: t('officer:body.assembly') },
        ]}
      />
      {code === 'ASSEMBLY_DECISION_REQUIRED' && (
        <GovMessage color="warning" type="subtle">
          <p>{t('officer:decision.assemblyRequired')}</p>
        </GovMessage>
      )}
      {route}
      <div className="grid-2">
        <TextField
          name="resolutionNumber"
          label={t('officer:decision.resolutionNumber')}
          hint={t('officer:decision.resolutionNumberHint')}
          required
          value={resolutionNumber}
          errors={err('resolutionNumber')}
          onChange={(e) => setResolutionNumber(e.target.value)}
        />
        <TextField
          name="resolutionDate"
          type="date"
          label={t('officer:decision.resolutionDate')}
          required
          value={resolutionDate}
          errors={err('resolutionDate')}
          onChange={(e) => setResolutionDate(e.target.value)}
        />
      </div>
      <TextAreaField
        name="reasons"
        rows={4}
        label={t('officer:decision.reasons')}
        hint={outcome === 'rejected' ? t('officer:decision.reasonsHintRejected') : t('officer:decision.reasonsHint')}
        required={outcome === 'rejected'}
        value={reasons}
        errors={[...(err('reasons') ?? []), ...[...byField.entries()].filter(([f]) => f.startsWith('reasons[')).flatMap(([, m]) => m)]}
        onChange={(e) => setReasons(e.target.value)}
      />
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" loading={decide.isPending ? 'true' : undefined} disabled={decide.isPending}>
          {t('officer:decision.submit')}
        </GovButton>
        {decide.isPending && <Loading label={t('common:state.saving')} />}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('officer:decision.confirmTitle')}
        confirmLabel={t('officer:decision.confirm')}
        busy={decide.isPending}
        onConfirm={() => decide.mutate(request())}
        onCancel={() => setConfirming(false)}
      >
        <dl className="facts">
          <dt>{t('officer:decision.outcome')}</dt>
          <dd>{outcome === 'approved' ? t('officer:decision.approve') : t('officer:decision.reject')}</dd>
          {outcome === 'approved' && (
            <>
              <dt>{t('officer:decision.amount')}</dt>
              <dd>{shownAmount !== null ? <Czk value={shownAmount} /> : amount.trim() === '' ? t('officer:decision.proposalAwarded') : amount}</dd>
            </>
          )}
          {organisation && (
            <>
              <dt>{t('officer:application.organisation')}</dt>
              <dd>
                {organisation.name} ({t('officer:application.ico')} {organisation.ico})
              </dd>
            </>
          )}
          {deviates && (
            <>
              <dt>{t('officer:decision.deviationReason')}</dt>
              <dd>{deviationReason.trim() || '—'}</dd>
            </>
          )}
          <dt>{t('officer:decision.body')}</dt>
          <dd>
            <strong>{body ? t(`officer:body.${body}`) : t('officer:decision.routeNotChosen')}</strong>
          </dd>
          <dt>{t('officer:decision.resolution')}</dt>
          <dd>
            {resolutionNumber || '—'}, <DateText value={resolutionDate} />
          </dd>
        </dl>
        <p>{t('officer:decision.routeRule')}</p>
        <p>{t('officer:decision.confirmText')}</p>
      </ConfirmDialog>
    </form>
  );
}
