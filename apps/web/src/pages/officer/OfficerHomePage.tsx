import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { InstantText, Loading, QueryError, usePageTitle } from '../../components/Display';
import { StatusQueue } from './desk/StatusQueue';
import './desk/desk.css';

/** The calls the home page looks through for formal checks: the newest page of them. */
const CALLS_SCANNED = 100;

/** `/officer`: what waits for the officer — formal checks per call, decisions, contracts, settlement reviews, failed letters. */
export function OfficerHomePage() {
  const { t } = useTranslation(['officer', 'common']);
  usePageTitle(t('officer:home.title'));
  return (
    <>
      <h1>{t('officer:home.title')}</h1>
      <nav aria-label={t('officer:home.sections')}>
        <ul className="desk-links">
          <li>
            <Link to="/officer/programmes">{t('officer:programmes.title')}</Link>
          </li>
          <li>
            <Link to="/officer/calls">{t('officer:calls.title')}</Link>
          </li>
          <li>
            <Link to="/officer/calls/new">{t('officer:calls.new')}</Link>
          </li>
          <li>
            <Link to="/officer/letters">{t('officer:letters.title')}</Link>
          </li>
          <li>
            <Link to="/officer/bank-accounts">{t('officer:bankAccounts.link')}</Link>
          </li>
        </ul>
      </nav>
      <FormalChecksWaiting />
      <FailedLetters />
      <StatusQueue id="queue-decision" status="recommended" heading={t('officer:home.decisions')} empty={t('officer:home.noDecisions')} />
      <StatusQueue id="queue-contract" status="approved" heading={t('officer:home.contracts')} empty={t('officer:home.noContracts')} />
      <StatusQueue id="queue-settlement" status="settlement_submitted" heading={t('officer:home.settlements')} empty={t('officer:home.noSettlements')} />
    </>
  );
}

/** Calls whose window has closed, with how many applications wait for the formal check (submitted, or re-submitted after a correction). */
function FormalChecksWaiting() {
  const { t } = useTranslation(['officer', 'common']);
  const calls = useQuery({
    queryKey: ['calls', { page: 1, pageSize: CALLS_SCANNED }],
    queryFn: () => unwrap(api.GET('/api/v1/calls', { params: { query: { page: 1, pageSize: CALLS_SCANNED } } })),
  });
  const closed = (calls.data?.items ?? []).filter((c) => c.status === 'closed');
  const counts = useQueries({
    queries: closed.map((c) => {
      const query = { callId: c.id, status: 'submitted' as const, page: 1, pageSize: 1 };
      return { queryKey: ['applications', query], queryFn: () => unwrap(api.GET('/api/v1/applications', { params: { query } })) };
    }),
  });
  const rows = closed.map((c, i) => ({ call: c, waiting: counts[i]?.data?.total })).filter((r) => r.waiting !== 0);
  return (
    <section aria-labelledby="queue-formal-check">
      <h2 id="queue-formal-check">{t('officer:home.formalChecks')}</h2>
      {calls.isPending ? (
        <Loading />
      ) : calls.isError ? (
        <QueryError error={calls.error} onRetry={() => void calls.refetch()} />
      ) : rows.length === 0 ? (
        <p>{t('officer:home.noFormalChecks')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{t('officer:home.formalChecks')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('officer:calls.titleColumn')}</th>
                <th scope="col">{t('officer:calls.closes')}</th>
                <th scope="col" className="number">
                  {t('officer:home.waiting')}
                </th>
                <th scope="col">{t('officer:home.action')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ call, waiting }) => (
                <tr key={call.id}>
                  <th scope="row">
                    <Link to={`/officer/calls/${call.id}`}>{call.title}</Link>
                  </th>
                  <td>
                    <InstantText value={call.submissionClosesAt} />
                  </td>
                  <td className="number">{waiting ?? '…'}</td>
                  <td>
                    <Link to={`/officer/calls/${call.id}/formal-check`}>{t('officer:home.doFormalCheck')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** How many letters failed (GET /letters?status=failed), with the way to the letters list where they are retried. */
function FailedLetters() {
  const { t } = useTranslation(['officer', 'common']);
  const query = { status: 'failed' as const, page: 1, pageSize: 1 };
  const failed = useQuery({ queryKey: ['letters', query], queryFn: () => unwrap(api.GET('/api/v1/letters', { params: { query } })) });
  return (
    <section aria-labelledby="queue-letters">
      <h2 id="queue-letters">{t('officer:home.failedLetters')}</h2>
      {failed.isPending ? (
        <Loading />
      ) : failed.isError ? (
        <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
      ) : failed.data.total === 0 ? (
        <p>{t('officer:home.noFailedLetters')}</p>
      ) : (
        <p>
          {t('officer:home.failedLettersCount', { total: failed.data.total })} <Link to="/officer/letters?status=failed">{t('officer:home.seeLetters')}</Link>
        </p>
      )}
    </section>
  );
}
