import type { ApplicationStatus } from '@app/applications/domain/application-status';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { Czk, InstantText, Loading, QueryError } from '../../../components/Display';
import { DeskPager } from './DeskPager';

const PAGE_SIZE = 5;

/** Applications of every call waiting in one status for the officer's next step, a few at a time (paged on the server). */
export function StatusQueue({ status, heading, empty, id }: { status: ApplicationStatus; heading: string; empty: string; id: string }) {
  const { t } = useTranslation(['officer', 'common']);
  const [page, setPage] = useState(1);
  const query = { status, page, pageSize: PAGE_SIZE };
  const list = useQuery({ queryKey: ['applications', query], queryFn: () => unwrap(api.GET('/api/v1/applications', { params: { query } })) });
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {heading}
        {list.data ? ` (${list.data.total})` : ''}
      </h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{heading}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('officer:applications.reference')}</th>
                  <th scope="col">{t('officer:applications.titleColumn')}</th>
                  <th scope="col" className="number">
                    {t('officer:applications.requested')}
                  </th>
                  <th scope="col" className="number">
                    {t('officer:applications.awarded')}
                  </th>
                  <th scope="col">{t('officer:applications.updatedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((a) => (
                  <tr key={a.id}>
                    <td className="nowrap">{a.referenceNumber ?? '—'}</td>
                    <th scope="row">
                      <Link to={`/officer/applications/${a.id}`}>{a.title}</Link>
                    </th>
                    <td className="number">
                      <Czk value={a.requestedCzk} />
                    </td>
                    <td className="number">
                      <Czk value={a.money.awardedCzk || null} />
                    </td>
                    <td>
                      <InstantText value={a.updatedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <DeskPager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
