import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, newIdempotencyKey, unwrap } from '../../../api/client';
import { Czk, DateText, Loading, QueryError, usePageTitle } from '../../../components/Display';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';
import { fieldId } from '../../../lib/field-id';
import { formatCzk } from '../../../lib/format';
import { budgetCategories, czkForApi, summariseSettlement, type SettlementLineInput } from '../../../lib/grant-money';
import { NotFoundPage } from '../../NotFoundPage';
import type { DetailArrival } from './ApplicationDetailPage';
import { DetailBreadcrumbs } from './DetailBreadcrumbs';
import { applicationKey, isNotFound, useApplication, useCall, type Application } from './queries';
import './detail.css';

const REPORT_MAX_LENGTH = 10_000;

/**
 * `/applicant/applications/:id/settlement`: the recipient's financial settlement —
 * what was spent in all and by budget category, and a report. The totals are added
 * up while typing; the API checks them (lines adding up, at most what was paid) and
 * every problem it finds is shown at once.
 */
export function SettlementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['grant', 'common']);
  const application = useApplication(id);
  usePageTitle(t('grant:settlementForm.title'));

  if (application.isPending) return <Loading />;
  if (application.isError) {
    if (isNotFound(application.error)) return <NotFoundPage />;
    return (
      <>
        <h1>{t('grant:settlementForm.title')}</h1>
        <QueryError error={application.error} onRetry={() => void application.refetch()} />
      </>
    );
  }
  return <SettlementForm application={application.data} />;
}

function SettlementForm({ application }: { application: Application }) {
  const { t } = useTranslation(['grant', 'common']);
  const call = useCall(application.callId);
  const categories = budgetCategories(application.budgetLines);
  const back = `/applicant/applications/${application.id}`;

  if (application.status !== 'contracted') {
    return (
      <div className="settlement-page">
        <DetailBreadcrumbs application={application} current={t('grant:settlementForm.title')} />
        <h1>{t('grant:settlementForm.title')}</h1>
        <GovMessage color="warning" type="subtle">
          <p>{t(application.status === 'settlement_submitted' || application.status === 'settled' || application.status === 'closed' ? 'grant:settlementForm.alreadySubmitted' : 'grant:settlementForm.notYet')}</p>
        </GovMessage>
        <p>
          <Link to={back}>{t('grant:settlementForm.back')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="settlement-page">
      <DetailBreadcrumbs application={application} current={t('grant:settlementForm.title')} />
      <h1>{t('grant:settlementForm.title')}</h1>
      <p className="lead">{t('grant:settlementForm.intro', { title: application.title })}</p>
      <dl className="facts application-facts">
        <dt>{t('grant:detail.referenceNumber')}</dt>
        <dd>{application.referenceNumber ?? '—'}</dd>
        <dt>{t('grant:money.awarded')}</dt>
        <dd>
          <Czk value={application.money.awardedCzk} />
        </dd>
        <dt>{t('grant:money.paid')}</dt>
        <dd data-testid="paid">
          <Czk value={application.money.paidCzk} />
        </dd>
        {application.money.returnedCzk > 0 && (
          <>
            <dt>{t('grant:money.returned')}</dt>
            <dd>
              <Czk value={application.money.returnedCzk} />
            </dd>
          </>
        )}
        <dt>{t('grant:settlement.due')}</dt>
        <dd>
          {application.contract ? <DateText value={application.contract.settlementDueOn} /> : call.data ? <DateText value={call.data.settlementDueOn} /> : '—'}
        </dd>
      </dl>
      <SettlementFields application={application} categories={categories} />
    </div>
  );
}

function SettlementFields({ application, categories }: { application: Application; categories: string[] }) {
  const { t, i18n } = useTranslation(['grant', 'common']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [spentCzk, setSpentCzk] = useState('');
  const [lines, setLines] = useState<SettlementLineInput[]>(() => (categories.length ? categories : ['']).map((category) => ({ category, spentCzk: '' })));
  const [report, setReport] = useState('');

  const submit = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/applications/{id}/settlement', {
          params: { path: { id: application.id } },
          headers: { 'Idempotency-Key': idempotencyKey },
          body: {
            spentCzk: czkForApi(spentCzk),
            lines: lines.map((line) => ({ category: line.category, spentCzk: czkForApi(line.spentCzk) })),
            report,
          },
        }),
      ),
    onSuccess: async () => {
      setIdempotencyKey(newIdempotencyKey());
      await queryClient.invalidateQueries({ queryKey: applicationKey(application.id) });
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      const arrival: DetailArrival = { settlementSubmitted: true };
      await navigate(`/applicant/applications/${application.id}`, { state: arrival });
    },
  });
  const { byField } = useProblem(submit.error);
  const summary = summariseSettlement({ spentCzk, lines, paidCzk: application.money.paidCzk, returnedCzk: application.money.returnedCzk });

  const labels: Record<string, string> = {
    spentCzk: t('grant:settlementForm.spent'),
    lines: t('grant:settlementForm.lines'),
    report: t('grant:settlementForm.report'),
  };
  lines.forEach((_, i) => {
    labels[`lines[${i}].category`] = t('grant:settlementForm.lineCategory', { n: i + 1 });
    labels[`lines[${i}].spentCzk`] = t('grant:settlementForm.lineSpent', { n: i + 1 });
  });

  const setLine = (index: number, change: Partial<SettlementLineInput>) => setLines((current) => current.map((line, i) => (i === index ? { ...line, ...change } : line)));
  const unused = categories.filter((category) => !lines.some((line) => line.category === category));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!submit.isPending) submit.mutate();
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-describedby="settlement-totals">
      <ProblemSummary error={submit.error} labels={labels} />

      <TextField
        name="spentCzk"
        label={t('grant:settlementForm.spent')}
        required
        inputMode="numeric"
        autoComplete="off"
        hint={t('grant:settlementForm.spentHint', { held: formatCzk(summary.heldCzk, i18n.language) })}
        value={spentCzk}
        errors={byField.get('spentCzk')}
        onChange={(event) => setSpentCzk(event.target.value)}
      />

      <fieldset id={fieldId('lines')} tabIndex={-1} className="settlement-lines" aria-describedby={byField.get('lines') ? `${fieldId('lines')}-error` : undefined}>
        <legend>
          <h2>{t('grant:settlementForm.lines')}</h2>
        </legend>
        <p className="muted">{t('grant:settlementForm.linesHint')}</p>
        {byField.get('lines') && (
          <p id={`${fieldId('lines')}-error`} className="field-problem">
            {[...byField.get('lines')!, ...(summary.spentCzk !== null && !summary.linesMatchSpent ? [t('grant:settlementForm.linesDiffer')] : [])].join(' ')}
          </p>
        )}
        {lines.map((line, i) => (
          <fieldset key={i} className="settlement-line" data-testid="settlement-line">
            <legend className="visually-hidden">{t('grant:settlementForm.line', { n: i + 1 })}</legend>
            <SelectField
              name={`lines[${i}].category`}
              label={t('grant:settlementForm.lineCategory', { n: i + 1 })}
              required
              value={line.category}
              errors={byField.get(`lines[${i}].category`)}
              onChange={(event) => setLine(i, { category: event.target.value })}
            >
              <option value="">{t('grant:settlementForm.chooseCategory')}</option>
              {categories.map((category) => (
                <option key={category} value={category}>
                  {category}
                </option>
              ))}
            </SelectField>
            <TextField
              name={`lines[${i}].spentCzk`}
              label={t('grant:settlementForm.lineSpent', { n: i + 1 })}
              required
              inputMode="numeric"
              autoComplete="off"
              value={line.spentCzk}
              errors={byField.get(`lines[${i}].spentCzk`)}
              onChange={(event) => setLine(i, { spentCzk: event.target.value })}
            />
            <div className="settlement-line__remove">
              {lines.length > 1 && (
                <GovButton type="outlined" color="error" size="s" onClick={() => setLines((current) => current.filter((_, j) => j !== i))}>
                  {t('grant:settlementForm.removeLine', { n: i + 1 })}
                </GovButton>
              )}
            </div>
          </fieldset>
        ))}
        {unused.length > 0 && (
          <div className="actions">
            <GovButton type="outlined" color="primary" size="s" onClick={() => setLines((current) => [...current, { category: unused[0], spentCzk: '' }])}>
              {t('grant:settlementForm.addLine')}
            </GovButton>
          </div>
        )}
      </fieldset>

      <div id="settlement-totals" className="settlement-totals" role="status" aria-live="polite" data-testid="settlement-totals">
        <p>
          {t('grant:settlementForm.linesTotal')} <strong><Czk value={summary.linesTotalCzk} /></strong>
        </p>
        {summary.spentCzk !== null && (
          <p className={summary.linesMatchSpent ? 'ok' : 'problem'}>
            {summary.linesMatchSpent ? t('grant:settlementForm.linesMatch') : t('grant:settlementForm.linesDiffer')}
          </p>
        )}
        {summary.exceedsHeld && <p className="problem">{t('grant:settlementForm.exceedsPaid')}</p>}
        {summary.duplicateCategories.length > 0 && <p className="problem">{t('grant:settlementForm.duplicate', { categories: summary.duplicateCategories.join(', ') })}</p>}
      </div>

      <TextAreaField
        name="report"
        label={t('grant:settlementForm.report')}
        hint={t('grant:settlementForm.reportHint', { left: REPORT_MAX_LENGTH - report.length })}
        required
        rows={8}
        maxLength={REPORT_MAX_LENGTH}
        value={report}
        errors={byField.get('report')}
        onChange={(event) => setReport(event.target.value)}
      />

      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" disabled={submit.isPending} loading={submit.isPending ? 'true' : undefined}>
          {t('grant:settlementForm.submit')}
        </GovButton>
        <Link to={`/applicant/applications/${application.id}`}>{t('grant:settlementForm.cancel')}</Link>
      </div>
      {submit.isPending && <Loading label={t('grant:settlementForm.sending')} />}
    </form>
  );
}
