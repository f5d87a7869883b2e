import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { CSV, DocumentDownloads, PDF } from '../../components/DocumentDownloads';
import { ApiError } from '../../lib/problem';
import { NotFoundPage } from '../NotFoundPage';
import { AnnouncePanel } from './desk/AnnouncePanel';
import { ApplicationsTable } from './desk/ApplicationsTable';
import { CallBudget } from './desk/CallBudget';
import { CallTerms } from './desk/CallTerms';
import { Crumbs } from './desk/Crumbs';
import { ResolutionsSection } from './resolutions/ResolutionsSection';
import './desk/desk.css';

/** `/officer/calls/:id`: a call's status and terms; a draft is edited and announced here, an announced call leads to its evaluation, applications and budget. */
export function CallPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['officer', 'common']);
  const call = useQuery({ queryKey: ['calls', id], queryFn: () => unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })) });
  usePageTitle(call.data?.title ?? t('officer:call.heading'));
  if (call.isPending) return <Loading />;
  if (call.isError) return call.error instanceof ApiError && call.error.status === 404 ? <NotFoundPage /> : <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  const c = call.data;
  const draft = c.status === 'draft';
  return (
    <>
      <Crumbs items={[{ to: '/officer/calls', label: t('officer:calls.title') }, { label: c.title }]} />
      <h1>{c.title}</h1>
      <p>
        {t('officer:call.status')}: <StatusTag status={c.status} group="callStatus" />
      </p>

      {draft ? (
        <>
          <p>{t('officer:call.draftText')}</p>
          <AnnouncePanel call={c} />
        </>
      ) : (
        <nav aria-label={t('officer:call.evaluationLinks')}>
          <ul className="desk-links">
            <li>
              <Link to={`/officer/calls/${c.id}/commission`}>{t('officer:call.commission')}</Link>
            </li>
            <li>
              <Link to={`/officer/calls/${c.id}/formal-check`}>{t('officer:call.formalCheck')}</Link>
            </li>
            <li>
              <Link to={`/officer/calls/${c.id}/ranking`}>{t('officer:call.ranking')}</Link>
            </li>
            <li>
              <a href="#call-minutes">{t('officer:minutes.heading')}</a>
            </li>
            <li>
              <a href="#call-resolutions">{t('officer:resolutions.heading')}</a>
            </li>
            <li>
              <a href="#call-applications">{t('officer:call.applications')}</a>
            </li>
            <li>
              <a href="#call-budget">{t('officer:call.budget')}</a>
            </li>
          </ul>
        </nav>
      )}

      <section aria-labelledby="call-terms">
        <h2 id="call-terms">{t('officer:call.terms')}</h2>
        <CallTerms call={c} />
      </section>

      {!draft && (
        <>
          <section aria-labelledby="call-minutes">
            <h2 id="call-minutes" tabIndex={-1}>
              {t('officer:minutes.heading')}
            </h2>
            <p>{t('officer:minutes.intro')}</p>
            <DocumentDownloads
              path={`/api/v1/calls/${c.id}/commission-minutes`}
              what={t('officer:minutes.what')}
              formats={[
                { label: 'PDF', accept: PDF, fileName: `zapis-komise-${c.id.slice(0, 8)}.pdf` },
                { label: 'CSV', accept: CSV, fileName: `zapis-komise-${c.id.slice(0, 8)}.csv` },
              ]}
            />
          </section>
          <ResolutionsSection callId={c.id} callTitle={c.title} />
          <section aria-labelledby="call-applications">
            <h2 id="call-applications" tabIndex={-1}>
              {t('officer:call.applications')}
            </h2>
            <ApplicationsTable callId={c.id} caption={t('officer:call.applicationsCaption', { title: c.title })} />
          </section>
          <section aria-labelledby="call-budget">
            <h2 id="call-budget" tabIndex={-1}>
              {t('officer:call.budget')}
            </h2>
            <CallBudget call={c} />
          </section>
        </>
      )}
    </>
  );
}
