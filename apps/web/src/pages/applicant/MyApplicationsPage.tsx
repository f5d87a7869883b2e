import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { isEditable } from '@app/applications/domain/application-status';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Czk, DateText, InstantText, Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { Pager } from '../../components/Pager';
import { callQuery } from '../public/queries';
import './form/form.css';

const PAGE_SIZE = 20;

/** The applicant's desk: every application of their organisation, newest first, paged on the server. */
export function MyApplicationsPage() {
  const { t } = useTranslation('applicant');
  usePageTitle(t('list.title'));
  const location = useLocation();
  const registered = (location.state as { registered?: string } | null)?.registered;
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Math.trunc(Number(params.get('page'))) || 1);
  const applications = useQuery({
    queryKey: ['applications', 'list', page],
    queryFn: () => unwrap(api.GET('/api/v1/applications', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  // The few calls of this page, for their titles (each cached for every page that shows it).
  const callIds = [...new Set(applications.data?.items.map((a) => a.callId) ?? [])];
  const calls = useQueries({ queries: callIds.map((id) => callQuery(id)) });
  const callTitle = new Map(calls.flatMap((c) => (c.data ? [[c.data.id, c.data.title] as const] : [])));

  return (
    <>
      <h1>{t('list.title')}</h1>
      {registered && (
        <GovMessage color="success" type="subtle">
          <p>{t('list.registered', { name: registered })}</p>
        </GovMessage>
      )}
      <p className="lead">{t('list.intro')}</p>
      <div className="actions">
        <GovButton asChild type="outlined" color="primary">
          <Link to="/">{t('list.newApplication')}</Link>
        </GovButton>
        <Link to="/applicant/organisation">{t('organisation.link')}</Link>
      </div>
      {applications.isPending ? (
        <Loading />
      ) : applications.isError ? (
        <QueryError error={applications.error} onRetry={() => void applications.refetch()} />
      ) : applications.data.items.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data application-list">
              <caption>{t('list.caption', { n: applications.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('list.application')}</th>
                  <th scope="col">{t('list.status')}</th>
                  <th scope="col">{t('list.referenceNumber')}</th>
                  <th scope="col" className="number">
                    {t('list.requested')}
                  </th>
                  <th scope="col">{t('list.changed')}</th>
                  <th scope="col">{t('list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {applications.data.items.map((app) => (
                  <tr key={app.id}>
                    <th scope="row">
                      <Link to={`/applicant/applications/${app.id}`}>{app.title}</Link>
                      <br />
                      <span className="muted">
                        {callTitle.get(app.callId) ?? ''} {t('list.part', { code: app.partCode })}
                      </span>
                    </th>
                    <td>
                      <StatusTag status={app.status} />
                      {app.status === 'correction_requested' && app.correctionDueOn && (
                        <>
                          <br />
                          <span className="muted">
                            {t('list.correctBy')} <DateText value={app.correctionDueOn} />
                          </span>
                        </>
                      )}
                    </td>
                    <td className="nowrap">{app.referenceNumber ?? <span className="muted">{t('list.noReference')}</span>}</td>
                    <td className="number">
                      <Czk value={app.requestedCzk} />
                    </td>
                    <td>
                      <InstantText value={app.updatedAt} />
                    </td>
                    <td>
                      {isEditable(app.status) ? (
                        <Link to={`/applicant/applications/${app.id}/edit`} aria-label={t('list.editLabel', { title: app.title })}>
                          {app.status === 'draft' ? t('list.edit') : t('list.correct')}
                        </Link>
                      ) : (
                        <Link to={`/applicant/applications/${app.id}`} aria-label={t('list.openLabel', { title: app.title })}>
                          {t('list.open')}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {applications.data.total > PAGE_SIZE && (
            <Pager page={page} pageSize={PAGE_SIZE} total={applications.data.total} onPage={(next) => setParams(next === 1 ? {} : { page: String(next) })} />
          )}
        </>
      )}
    </>
  );
}
