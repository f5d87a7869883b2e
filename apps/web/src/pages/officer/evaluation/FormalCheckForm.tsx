import { GovButton } from '@gov-design-system-ce/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { Czk, DateText, InstantText, Loading } from '../../../components/Display';
import { TextAreaField, TextField } from '../../../components/Field';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';
import { pragueToday } from '../../../lib/format';
import { onReasonsField, reasonsFromText } from '../../../lib/formal-check';
import { RadioGroup, useFocusOnMount } from '../../commission/evaluation-ui';
import { useApplication, type ApplicationSummary } from '../../commission/queries';

type FormalCheckRequest = components['schemas']['FormalCheckRequest'];
type Result = FormalCheckRequest['result'];

/** The officer's formal check of one application: eligible, ineligible with reasons, or defects to correct by a date. */
export function FormalCheckForm({
  application,
  onDone,
  onCancel,
}: {
  application: ApplicationSummary;
  onDone: (result: Result) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('commission');
  const queryClient = useQueryClient();
  const detail = useApplication(application.id);
  const organisation = useQuery({
    queryKey: ['organisations', application.organisationId],
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id: application.organisationId } } })),
  });
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [result, setResult] = useState<Result | null>(null);
  const [reasons, setReasons] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [unchosen, setUnchosen] = useState(false);

  const check = useMutation({
    mutationFn: (body: FormalCheckRequest) => unwrap(api.POST('/api/v1/applications/{id}/formal-check', { params: { path: { id: application.id } }, body })),
    onSuccess: async (_answer, body) => {
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
      onDone(body.result);
    },
  });
  const error = onReasonsField(check.error);
  const { byField } = useProblem(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    // The design system's button is only styled as disabled while sending: a second press must not send again.
    if (check.isPending) return;
    if (result === null) {
      setUnchosen(true);
      return;
    }
    check.mutate({
      result,
      reasons: reasonsFromText(reasons),
      ...(result === 'correction_requested' && dueOn ? { correctionDueOn: dueOn } : {}),
    });
  }

  const reference = application.referenceNumber ?? application.title;
  const reasonsLabel =
    result === 'ineligible' ? t('formalCheck.reasonsIneligible') : result === 'correction_requested' ? t('formalCheck.reasonsDefects') : t('formalCheck.reasonsNotes');
  const earlier = detail.data?.formalChecks ?? [];

  return (
    <section aria-labelledby="formal-check-form" className="formal-check-form">
      <h2 id="formal-check-form" ref={heading} tabIndex={-1}>
        {t('formalCheck.formHeading', { reference })}
      </h2>
      <dl className="facts">
        <dt>{t('formalCheck.applicationTitle')}</dt>
        <dd>
          <Link to={`/officer/applications/${application.id}`}>{application.title}</Link>
        </dd>
        <dt>{t('formalCheck.organisation')}</dt>
        <dd>{organisation.data ? `${organisation.data.name} (${t('formalCheck.ico')} ${organisation.data.ico})` : '…'}</dd>
        <dt>{t('formalCheck.requested')}</dt>
        <dd>
          <Czk value={application.requestedCzk} /> {t('formalCheck.ofTotalCost')} <Czk value={application.totalCostCzk} />
        </dd>
        <dt>{t('formalCheck.submittedAt')}</dt>
        <dd>
          <InstantText value={application.submittedAt} />
        </dd>
      </dl>
      {earlier.length > 0 && (
        <>
          <h3>{t('formalCheck.earlier')}</h3>
          <ul>
            {earlier.map((c) => (
              <li key={c.checkedAt}>
                <InstantText value={c.checkedAt} />: {t(`formalCheck.result.${c.result}`)}
                {c.correctionDueOn && (
                  <>
                    {' '}
                    ({t('formalCheck.dueOn')} <DateText value={c.correctionDueOn} />)
                  </>
                )}
                {c.reasons.length > 0 && (
                  <ul>
                    {c.reasons.map((r, i) => (
                      <li key={i}>{r}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <form noValidate onSubmit={submit}>
        <ProblemSummary
          error={error}
          labels={{ result: t('formalCheck.resultLegend'), reasons: reasonsLabel, correctionDueOn: t('formalCheck.dueOnLabel') }}
        />
        <RadioGroup<Result>
          name="result"
          legend={t('formalCheck.resultLegend')}
          value={result}
          onChange={(value) => {
            setResult(value);
            setUnchosen(false);
          }}
          errors={byField.get('result') ?? (unchosen ? [t('formalCheck.chooseResult')] : undefined)}
          options={[
            { value: 'eligible', label: t('formalCheck.result.eligible'), hint: t('formalCheck.eligibleHint') },
            { value: 'ineligible', label: t('formalCheck.result.ineligible'), hint: t('formalCheck.ineligibleHint') },
            { value: 'correction_requested', label: t('formalCheck.result.correction_requested'), hint: t('formalCheck.correctionHint') },
          ]}
        />
        <TextAreaField
          name="reasons"
          label={reasonsLabel}
          hint={t('formalCheck.reasonsHint')}
          required={result === 'ineligible' || result === 'correction_requested'}
          rows={4}
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
          errors={byField.get('reasons')}
        />
        {result === 'correction_requested' && (
          <TextField
            name="correctionDueOn"
            type="date"
            label={t('formalCheck.dueOnLabel')}
            hint={
              <>
                {t('formalCheck.dueOnHint')} <DateText value={pragueToday()} />
              </>
            }
            required
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
            errors={byField.get('correctionDueOn')}
          />
        )}
        <div className="actions">
          <GovButton nativeType="submit" type="solid" color="primary" disabled={check.isPending} loading={check.isPending ? 'true' : undefined}>
            {t('formalCheck.submit')}
          </GovButton>
          <GovButton type="outlined" color="primary" onClick={onCancel} disabled={check.isPending}>
            {t('common:actions.cancel')}
          </GovButton>
          {check.isPending && <Loading label={t('formalCheck.sending')} />}
        </div>
      </form>
    </section>
  );
}
