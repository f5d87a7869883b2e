import { GovButton } from '@gov-design-system-ce/react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Czk, InstantText, Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { DeskPager } from './desk/DeskPager';
import { Crumbs } from './desk/Crumbs';

const PAGE_SIZE = 25;

/** `/officer/calls`: every call, drafts included (GET /calls as an officer), paged on the server. */
export function CallsPage() {
  const { t } = useTranslation(['officer', 'common']);
  usePageTitle(t('officer:calls.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const calls = useQuery({
    queryKey: ['calls', { page, pageSize: PAGE_SIZE }],
    queryFn: () => unwrap(api.GET('/api/v1/calls', { params: { query: { page, pageSize: PAGE_SIZE } } })),
  });
  return (
    <>
      <Crumbs items={[{ label: t('officer:calls.title') }]} />
      <h1>{t('officer:calls.title')}</h1>
      <p>{t('officer:calls.intro')}</p>
      <div className="actions">
        <GovButton asChild type="solid" color="primary">
          <Link to="/officer/calls/new">{t('officer:calls.new')}</Link>
        </GovButton>
      </div>
      {calls.isPending ? (
        <Loading />
      ) : calls.isError ? (
        <QueryError error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.data.items.length === 0 ? (
        <p>{t('officer:calls.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data">
              <caption>{t('officer:calls.caption', { total: calls.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('officer:calls.titleColumn')}</th>
                  <th scope="col">{t('officer:calls.programme')}</th>
                  <th scope="col">{t('officer:calls.status')}</th>
                  <th scope="col">{t('officer:calls.opens')}</th>
                  <th scope="col">{t('officer:calls.closes')}</th>
                  <th scope="col" className="number">
                    {t('officer:calls.allocation')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {calls.data.items.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/officer/calls/${c.id}`}>{c.title}</Link>
                    </th>
                    <td className="nowrap">
                      {c.programmeCode} {c.year}
                    </td>
                    <td>
                      <StatusTag status={c.status} group="callStatus" />
                    </td>
                    <td>
                      <InstantText value={c.submissionOpensAt} />
                    </td>
                    <td>
                      <InstantText value={c.submissionClosesAt} />
                    </td>
                    <td className="number">
                      <Czk value={c.totalAllocationCzk} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <DeskPager page={page} pageSize={PAGE_SIZE} total={calls.data.total} onPage={(p) => setParams({ page: String(p) }, { replace: true })} />
        </>
      )}
    </>
  );
}
