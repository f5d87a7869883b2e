import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { Czk, Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { SelectField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { BUDGET_MEASURES, totalFigures } from '../../lib/budget-chart';
import { NotFoundPage } from '../NotFoundPage';
import { BudgetChart } from './BudgetChart';
import { applicationPath, CallFacts, CallNav, Crumbs, isNotFound, useCall, type Call } from './common';

type ApplicationStatus = components['schemas']['ApplicationResponse']['status'];

/** Statuses in which an application has money the Budget Department looks after (the filter's choices). */
const MONEY_STATUSES: readonly ApplicationStatus[] = ['approved', 'contracted', 'settlement_submitted', 'settled', 'closed', 'recommended', 'rejected'];
const PAGE_SIZE = 25;

/** A call's budget per part (table and chart) and its applications with their money, each linking to its payments. */
export function CallBudgetPage() {
  const { id } = useParams();
  const { t } = useTranslation('budget');
  const call = useCall(id);
  usePageTitle(call.data ? t('call.title', { title: call.data.title }) : t('call.loadingTitle'));
  if (call.isPending) return <Loading />;
  if (call.isError) return isNotFound(call.error) ? <NotFoundPage /> : <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  return (
    <>
      <Crumbs trail={[{ label: call.data.title }]} />
      <h1>{call.data.title}</h1>
      <CallFacts call={call.data} />
      <CallNav call={call.data} />
      <BudgetSection call={call.data} />
      <ApplicationsSection call={call.data} />
    </>
  );
}

function BudgetSection({ call }: { call: Call }) {
  const { t } = useTranslation('budget');
  const budget = useQuery({
    queryKey: ['calls', call.id, 'budget'],
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}/budget', { params: { path: { id: call.id } } })),
  });
  const partName = (code: string) => {
    const name = call.parts.find((p) => p.code === code)?.name;
    return name ? t('call.partNamed', { code, name }) : t('call.part', { code });
  };
  return (
    <section aria-labelledby="call-budget">
      <h2 id="call-budget">{t('call.budget')}</h2>
      {budget.isPending ? (
        <Loading />
      ) : budget.isError ? (
        <QueryError error={budget.error} onRetry={() => void budget.refetch()} />
      ) : (
        <>
          <p className="muted">{t('call.budgetExplained')}</p>
          <div className="table-wrap">
            <table className="data" data-testid="budget-table">
              <caption>{t('call.budgetCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('call.col.part')}</th>
                  {BUDGET_MEASURES.map((measure) => (
                    <th key={measure} scope="col" className="number">
                      {t(`measure.${measure}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {budget.data.parts.map((part) => (
                  <tr key={part.code} data-part={part.code}>
                    <th scope="row">{partName(part.code)}</th>
                    {BUDGET_MEASURES.map((measure) => (
                      <td key={measure} className="number" data-measure={measure}>
                        <Czk value={part[measure]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {budget.data.parts.length > 1 && (
                <tfoot>
                  <tr>
                    <th scope="row">{t('call.total')}</th>
                    {BUDGET_MEASURES.map((measure) => (
                      <td key={measure} className="number">
                        <strong>
                          <Czk value={totalFigures(budget.data.parts)[measure]} />
                        </strong>
                      </td>
                    ))}
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
          <BudgetChart parts={budget.data.parts} partName={partName} />
        </>
      )}
    </section>
  );
}

function ApplicationsSection({ call }: { call: Call }) {
  const { t } = useTranslation('budget');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const statusParam = params.get('status') ?? '';
  const status = (MONEY_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as ApplicationStatus) : undefined;
  const applications = useQuery({
    queryKey: ['applications', { callId: call.id, status, page, pageSize: PAGE_SIZE }],
    queryFn: () => unwrap(api.GET('/api/v1/applications', { params: { query: { callId: call.id, status, page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const setQuery = (next: { status?: string; page?: number }) => {
    const query: Record<string, string> = {};
    const nextStatus = next.status ?? statusParam;
    if (nextStatus) query.status = nextStatus;
    if ((next.page ?? 1) > 1) query.page = String(next.page);
    setParams(query, { replace: true });
  };
  return (
    <section aria-labelledby="call-applications">
      <h2 id="call-applications">{t('call.applications')}</h2>
      <div className="budget-filter">
        <SelectField name="status" label={t('call.filterStatus')} value={status ?? ''} onChange={(event) => setQuery({ status: event.target.value, page: 1 })}>
          <option value="">{t('call.allStatuses')}</option>
          {MONEY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`common:status.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {applications.isPending ? (
        <Loading />
      ) : applications.isError ? (
        <QueryError error={applications.error} onRetry={() => void applications.refetch()} />
      ) : applications.data.items.length === 0 ? (
        <p>{t('call.noApplications')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data">
              <caption>{t('call.applicationsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('call.col.reference')}</th>
                  <th scope="col">{t('call.col.title')}</th>
                  <th scope="col">{t('call.col.part')}</th>
                  <th scope="col">{t('call.col.status')}</th>
                  <th scope="col" className="number">
                    {t('money.awarded')}
                  </th>
                  <th scope="col" className="number">
                    {t('money.paid')}
                  </th>
                  <th scope="col" className="number">
                    {t('money.returned')}
                  </th>
                  <th scope="col" className="number">
                    {t('money.returnDue')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {applications.data.items.map((application) => (
                  <tr key={application.id}>
                    <th scope="row">
                      <Link to={applicationPath(application.id)}>{application.referenceNumber ?? t('call.noReference')}</Link>
                    </th>
                    <td>{application.title}</td>
                    <td>{application.partCode}</td>
                    <td>
                      <StatusTag status={application.status} />
                    </td>
                    <td className="number">
                      <Czk value={application.money.awardedCzk} />
                    </td>
                    <td className="number">
                      <Czk value={application.money.paidCzk} />
                    </td>
                    <td className="number">
                      <Czk value={application.money.returnedCzk} />
                    </td>
                    <td className="number">
                      <Czk value={application.money.returnDueCzk} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {applications.data.total > PAGE_SIZE && (
            <Pager page={page} pageSize={PAGE_SIZE} total={applications.data.total} onPage={(next) => setQuery({ page: next })} />
          )}
        </>
      )}
    </section>
  );
}
