import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Czk, InstantText, Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { ApiError } from '../../lib/problem';
import { NotFoundPage } from '../NotFoundPage';
import { ApplicationContent } from './ApplicationContent';
import { ChairSheetsSection } from './ChairSheetsSection';
import { DeclarationSection } from './DeclarationSection';
import { Crumbs } from './evaluation-ui';
import { PeerScoresSection } from './PeerScoresSection';
import { useApplication, useCall, useMyEvaluation, useRanking } from './queries';
import { ScoreSheetSection } from './ScoreSheetSection';

/** One application for a commission member: what it says, then their declaration, their score sheet and (after it) the others' sheets. */
export function ApplicationEvaluationPage() {
  const { t } = useTranslation('commission');
  const { id } = useParams();
  const application = useApplication(id);
  const mine = useMyEvaluation(id);
  const call = useCall(application.data?.callId);
  // The ranking names the applicant organisation, which the member must know to declare a conflict.
  const ranking = useRanking(application.data?.callId, application.data?.partCode);
  const organisationName = ranking.data?.items.find((item) => item.applicationId === id)?.organisationName;
  usePageTitle(application.data ? `${application.data.referenceNumber ?? ''} ${application.data.title}`.trim() : t('application.title'));

  const failed = [application, mine, call].find((q) => q.isError);
  if (failed?.error instanceof ApiError && failed.error.status === 404) return <NotFoundPage />;
  if (failed) return <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!application.data || !mine.data || !call.data) return <Loading />;

  const app = application.data;
  const part = call.data.parts.find((p) => p.code === app.partCode);
  return (
    <article>
      <Crumbs
        items={[
          { to: '/commission', label: t('home.title') },
          { to: `/commission/calls/${call.data.id}/ranking`, label: call.data.title },
          { label: app.referenceNumber ?? app.title },
        ]}
      />
      <h1>{app.title}</h1>
      <dl className="facts">
        <dt>{t('application.reference')}</dt>
        <dd>{app.referenceNumber ?? '—'}</dd>
        <dt>{t('application.organisation')}</dt>
        <dd>{organisationName ?? '—'}</dd>
        <dt>{t('application.call')}</dt>
        <dd>
          <Link to={`/commission/calls/${call.data.id}/ranking`}>{call.data.title}</Link>
        </dd>
        <dt>{t('application.part')}</dt>
        <dd>{part ? `${part.code} — ${part.name}` : app.partCode}</dd>
        <dt>{t('application.requested')}</dt>
        <dd>
          <Czk value={app.requestedCzk} /> {t('application.ofTotalCost')} <Czk value={app.totalCostCzk} />
        </dd>
        <dt>{t('application.submittedAt')}</dt>
        <dd>
          <InstantText value={app.submittedAt} />
        </dd>
        <dt>{t('application.status')}</dt>
        <dd>
          <StatusTag status={app.status} />
        </dd>
      </dl>

      <section aria-labelledby="content-heading">
        <h2 id="content-heading">{t('application.content')}</h2>
        <ApplicationContent application={app} />
      </section>

      <section aria-labelledby="declaration-heading">
        <h2 id="declaration-heading">{t('declaration.heading')}</h2>
        <DeclarationSection applicationId={app.id} callId={app.callId} mine={mine.data} organisationName={organisationName} />
      </section>

      <section aria-labelledby="sheet-heading">
        <h2 id="sheet-heading">{t('sheet.heading')}</h2>
        <ScoreSheetSection applicationId={app.id} call={call.data} mine={mine.data} />
      </section>

      <section aria-labelledby="peers-heading">
        <h2 id="peers-heading">{t('peers.heading')}</h2>
        <PeerScoresSection applicationId={app.id} call={call.data} mine={mine.data} />
      </section>

      {mine.data.chair && !(mine.data.automaticConflict || mine.data.declaration?.hasConflict) && (
        <section aria-labelledby="chair-heading">
          <h2 id="chair-heading">{t('chair.heading')}</h2>
          <ChairSheetsSection applicationId={app.id} callId={app.callId} mine={mine.data} />
        </section>
      )}
    </article>
  );
}
