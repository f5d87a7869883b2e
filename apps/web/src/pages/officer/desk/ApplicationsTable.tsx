import { APPLICATION_STATUSES, type ApplicationStatus } from '@app/applications/domain/application-status';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { Czk, InstantText, Loading, QueryError, StatusTag } from '../../../components/Display';
import { SelectField } from '../../../components/Field';
import { DeskPager } from './DeskPager';

const PAGE_SIZE = 25;

/**
 * Applications (GET /applications, paged on the server), of one call or of all, with a
 * status filter; the filter and page live in the address so Back returns to them.
 */
export function ApplicationsTable({ callId, caption, fixedStatus }: { callId?: string; caption: string; fixedStatus?: ApplicationStatus }) {
  const { t } = useTranslation(['officer', 'common']);
  const [params, setParams] = useSearchParams();
  const chosen = params.get('status');
  const status = fixedStatus ?? ((APPLICATION_STATUSES as readonly string[]).includes(chosen ?? '') ? (chosen as ApplicationStatus) : undefined);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = { callId, status, page, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: ['applications', query],
    queryFn: () => unwrap(api.GET('/api/v1/applications', { params: { query } })),
  });
  const update = (next: { status?: string; page?: number }) =>
    setParams(
      (current) => {
        const p = new URLSearchParams(current);
        if (next.status !== undefined) {
          if (next.status) p.set('status', next.status);
          else p.delete('status');
          p.delete('page');
        }
        if (next.page !== undefined) p.set('page', String(next.page));
        return p;
      },
      { replace: true },
    );

  return (
    <>
      {!fixedStatus && (
        <div className="desk-filter">
          <SelectField name="applicationStatus" label={t('officer:applications.filter')} value={status ?? ''} onChange={(e) => update({ status: e.target.value })}>
            <option value="">{t('officer:applications.allStatuses')}</option>
            {APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`common:status.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{t('officer:applications.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data">
              <caption>
                {caption} ({t('officer:applications.count', { total: list.data.total })})
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('officer:applications.reference')}</th>
                  <th scope="col">{t('officer:applications.titleColumn')}</th>
                  <th scope="col">{t('officer:applications.part')}</th>
                  <th scope="col">{t('officer:applications.status')}</th>
                  <th scope="col" className="number">
                    {t('officer:applications.requested')}
                  </th>
                  <th scope="col" className="number">
                    {t('officer:applications.proposed')}
                  </th>
                  <th scope="col" className="number">
                    {t('officer:applications.awarded')}
                  </th>
                  <th scope="col">{t('officer:applications.submittedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((a) => (
                  <tr key={a.id}>
                    <td className="nowrap">{a.referenceNumber ?? '—'}</td>
                    <th scope="row">
                      <Link to={`/officer/applications/${a.id}`}>{a.title}</Link>
                    </th>
                    <td>{a.partCode}</td>
                    <td>
                      <StatusTag status={a.status} />
                    </td>
                    <td className="number">
                      <Czk value={a.requestedCzk} />
                    </td>
                    <td className="number">
                      <Czk value={a.proposedCzk} />
                    </td>
                    <td className="number">
                      <Czk value={a.money.awardedCzk || null} />
                    </td>
                    <td>
                      <InstantText value={a.submittedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <DeskPager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(p) => update({ page: p })} />
        </>
      )}
    </>
  );
}
