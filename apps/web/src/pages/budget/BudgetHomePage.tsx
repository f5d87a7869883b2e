import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Czk, DateText, InstantText, Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { Pager } from '../../components/Pager';
import { BUDGET_HOME, callPath } from './common';

const PAGE_SIZE = 20;

/** The Budget Department's start: every call (paged by the API) and the checks of the ledger and the audit trail. */
export function BudgetHomePage() {
  const { t } = useTranslation('budget');
  usePageTitle(t('home.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const calls = useQuery({
    queryKey: ['calls', { page, pageSize: PAGE_SIZE }],
    queryFn: () => unwrap(api.GET('/api/v1/calls', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <p>
        <Link to={`${BUDGET_HOME}/checks`}>{t('home.checksLink')}</Link>
      </p>
      <section aria-labelledby="budget-calls">
        <h2 id="budget-calls">{t('home.calls')}</h2>
        {calls.isPending ? (
          <Loading />
        ) : calls.isError ? (
          <QueryError error={calls.error} onRetry={() => void calls.refetch()} />
        ) : calls.data.items.length === 0 ? (
          <p>{t('home.noCalls')}</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="data">
                <caption>{t('home.callsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('home.col.title')}</th>
                    <th scope="col">{t('home.col.programme')}</th>
                    <th scope="col">{t('home.col.status')}</th>
                    <th scope="col" className="number">
                      {t('home.col.allocation')}
                    </th>
                    <th scope="col">{t('home.col.closes')}</th>
                    <th scope="col">{t('home.col.settlementDue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {calls.data.items.map((call) => (
                    <tr key={call.id}>
                      <th scope="row">
                        <Link to={callPath(call.id)}>{call.title}</Link>
                      </th>
                      <td>
                        {call.programmeCode} {call.year}
                      </td>
                      <td>
                        <StatusTag status={call.status} group="callStatus" />
                      </td>
                      <td className="number">
                        <Czk value={call.totalAllocationCzk} />
                      </td>
                      <td>
                        <InstantText value={call.submissionClosesAt} />
                      </td>
                      <td>
                        <DateText value={call.settlementDueOn} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {calls.data.total > PAGE_SIZE && (
              <Pager page={page} pageSize={PAGE_SIZE} total={calls.data.total} onPage={(next) => setParams({ page: String(next) })} />
            )}
          </>
        )}
      </section>
    </>
  );
}
