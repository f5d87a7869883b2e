import { GovMessage } from '@gov-design-system-ce/react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { Czk, DateText, InstantText, Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { ApiError } from '../../lib/problem';
import { NotFoundPage } from '../NotFoundPage';
import { ContractPanel } from './desk/ContractPanel';
import { Crumbs } from './desk/Crumbs';
import { DecisionForm } from './desk/DecisionForm';
import { ApplicationLetters } from './desk/letters';
import { SettlementPanel } from './desk/SettlementPanel';
import './desk/desk.css';

type Application = components['schemas']['ApplicationResponse'];

/** Statuses in which the DOT Commission's scores exist (after the formal check found the application eligible). */
const SCORED_STATUSES: readonly Application['status'][] = [
  'eligible',
  'recommended',
  'not_recommended',
  'approved',
  'rejected',
  'contracted',
  'settlement_submitted',
  'settled',
  'closed',
];

/**
 * `/officer/applications/:id`: an application as the officer handles it — its content,
 * status history and formal checks, the scores' summary, and the step it waits for:
 * the decision, the contract and its publication, the settlement review; its letters.
 */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['officer', 'common']);
  const application = useQuery({
    queryKey: ['applications', id],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })),
  });
  const a = application.data;
  const organisation = useQuery({
    queryKey: ['organisations', a?.organisationId],
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id: a!.organisationId } } })),
    enabled: a !== undefined,
  });
  const call = useQuery({
    queryKey: ['calls', a?.callId],
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id: a!.callId } } })),
    enabled: a !== undefined,
  });
  usePageTitle(a ? `${a.referenceNumber ?? ''} ${a.title}`.trim() : t('officer:application.heading'));
  /** What the officer's last step did (the step's own form goes away with the application's new status). */
  const [notice, setNotice] = useState<string | null>(null);

  if (application.isPending) return <Loading />;
  if (application.isError) {
    return application.error instanceof ApiError && application.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <QueryError error={application.error} onRetry={() => void application.refetch()} />
    );
  }
  const app = application.data;
  const org = organisation.data;
  const part = call.data?.parts.find((p) => p.code === app.partCode);

  return (
    <>
      <Crumbs
        items={[
          { to: '/officer/calls', label: t('officer:calls.title') },
          { to: `/officer/calls/${app.callId}`, label: call.data?.title ?? t('officer:call.heading') },
          { label: app.referenceNumber ?? app.title },
        ]}
      />
      <h1>{app.title}</h1>
      <dl className="facts">
        <dt>{t('officer:application.status')}</dt>
        <dd>
          <StatusTag status={app.status} />
        </dd>
        <dt>{t('officer:application.reference')}</dt>
        <dd>{app.referenceNumber ?? '—'}</dd>
        <dt>{t('officer:application.organisation')}</dt>
        <dd>{org ? `${org.name} (${t('officer:application.ico')} ${org.ico})` : organisation.isError ? '—' : t('common:state.loading')}</dd>
        <dt>{t('officer:application.call')}</dt>
        <dd>
          <Link to={`/officer/calls/${app.callId}`}>{call.data?.title ?? app.callId}</Link>
        </dd>
        <dt>{t('officer:application.part')}</dt>
        <dd>
          {app.partCode} {part?.name}
        </dd>
        <dt>{t('officer:application.submittedAt')}</dt>
        <dd>
          <InstantText value={app.submittedAt} />
        </dd>
        <dt>{t('officer:application.requested')}</dt>
        <dd>
          <Czk value={app.requestedCzk} />
        </dd>
        <dt>{t('officer:application.totalCost')}</dt>
        <dd>
          <Czk value={app.totalCostCzk} />
        </dd>
        <dt>{t('officer:application.proposed')}</dt>
        <dd>
          <Czk value={app.proposedCzk} />
        </dd>
        <dt>{t('officer:application.awarded')}</dt>
        <dd>
          <Czk value={app.money.awardedCzk} />
        </dd>
        <dt>{t('officer:application.paid')}</dt>
        <dd>
          <Czk value={app.money.paidCzk} />
        </dd>
        <dt>{t('officer:application.returned')}</dt>
        <dd>
          <Czk value={app.money.returnedCzk} />
          {app.money.returnDueCzk > 0 && (
            <>
              {' '}
              ({t('officer:application.returnDue')} <Czk value={app.money.returnDueCzk} />)
            </>
          )}
        </dd>
      </dl>

      <div role="status" data-testid="application-notice">
        {notice && (
          <GovMessage color="success" type="subtle">
            <p>{notice}</p>
          </GovMessage>
        )}
      </div>
      {(app.status === 'recommended' || app.status === 'not_recommended') && (
        <section className="desk-panel">
          <DecisionForm application={app} organisation={org ? { name: org.name, ico: org.ico } : undefined} onDone={setNotice} />
        </section>
      )}
      <ContractPanel application={app} contract={app.contract} defaultBankAccount={org?.bankAccount} onDone={setNotice} />
      <SettlementPanel application={app} settlement={app.settlement} settlementDueOn={app.contract?.settlementDueOn ?? null} onDone={setNotice} />

      <section aria-labelledby="letters-heading">
        <h2 id="letters-heading">{t('officer:letters.applicationHeading')}</h2>
        <ApplicationLetters applicationId={app.id} referenceNumber={app.referenceNumber} onRetried={setNotice} />
      </section>

      {SCORED_STATUSES.includes(app.status) && <ScoresSummary applicationId={app.id} callId={app.callId} />}

      <ApplicationContent application={app} />

      <section aria-labelledby="checks-heading">
        <h2 id="checks-heading">{t('officer:application.formalChecks')}</h2>
        {app.formalChecks.length === 0 ? (
          <p>{t('officer:application.noFormalCheck')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption>{t('officer:application.formalChecks')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('officer:application.checkedAt')}</th>
                  <th scope="col">{t('officer:application.checkResult')}</th>
                  <th scope="col">{t('officer:application.checkReasons')}</th>
                  <th scope="col">{t('officer:application.correctionDueOn')}</th>
                </tr>
              </thead>
              <tbody>
                {app.formalChecks.map((check) => (
                  <tr key={check.checkedAt}>
                    <th scope="row">
                      <InstantText value={check.checkedAt} />
                    </th>
                    <td>
                      <StatusTag status={check.result} />
                    </td>
                    <td>{check.reasons.length ? check.reasons.join('; ') : '—'}</td>
                    <td>
                      <DateText value={check.correctionDueOn} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('officer:application.history')}</h2>
        <div className="table-wrap">
          <table className="data">
            <caption>{t('officer:application.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('officer:application.when')}</th>
                <th scope="col">{t('officer:application.from')}</th>
                <th scope="col">{t('officer:application.to')}</th>
                <th scope="col">{t('officer:application.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {app.statusHistory.map((change, i) => (
                <tr key={`${change.at}-${i}`}>
                  <th scope="row">
                    <InstantText value={change.at} />
                  </th>
                  <td>{change.from ? <StatusTag status={change.from} /> : '—'}</td>
                  <td>
                    <StatusTag status={change.to} />
                  </td>
                  <td>{change.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** The commission's verdict in short (GET /applications/:id/scores) and the way to the call's ranking board. */
function ScoresSummary({ applicationId, callId }: { applicationId: string; callId: string }) {
  const { t, i18n } = useTranslation(['officer', 'common']);
  const scores = useQuery({
    queryKey: ['applications', applicationId, 'scores'],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/scores', { params: { path: { id: applicationId } } })),
  });
  return (
    <section aria-labelledby="scores-heading">
      <h2 id="scores-heading">{t('officer:application.scores')}</h2>
      {scores.isPending ? (
        <Loading />
      ) : scores.isError ? (
        <QueryError error={scores.error} onRetry={() => void scores.refetch()} />
      ) : (
        <dl className="facts">
          <dt>{t('officer:application.averageScore')}</dt>
          <dd>{scores.data.averageScore === null ? '—' : scores.data.averageScore.toLocaleString(i18n.language, { minimumFractionDigits: 2 })}</dd>
          <dt>{t('officer:application.scorers')}</dt>
          <dd>{scores.data.scorers}</dd>
          <dt>{t('officer:application.spread')}</dt>
          <dd>
            {scores.data.spread ?? '—'}
            {scores.data.spreadFlagged && <> ({t('officer:application.spreadFlagged')})</>}
          </dd>
        </dl>
      )}
      <p>
        <Link to={`/officer/calls/${callId}/ranking`}>{t('officer:application.rankingLink')}</Link>
      </p>
    </section>
  );
}

/** What the applicant wrote: summary, justification, measures, target groups, places, period, contact and budget. */
function ApplicationContent({ application: a }: { application: Application }) {
  const { t } = useTranslation(['officer', 'common']);
  return (
    <section aria-labelledby="content-heading">
      <h2 id="content-heading">{t('officer:application.content')}</h2>
      <h3>{t('officer:application.summary')}</h3>
      <p className="prewrap">{a.summary}</p>
      <h3>{t('officer:application.justification')}</h3>
      <p className="prewrap">{a.justification}</p>
      <dl className="facts">
        <dt>{t('officer:application.primaryMeasure')}</dt>
        <dd>{a.primaryMeasureCode}</dd>
        <dt>{t('officer:application.measures')}</dt>
        <dd>{a.measureCodes.join(', ')}</dd>
        <dt>{t('officer:application.targetGroups')}</dt>
        <dd>{a.targetGroups.join(', ')}</dd>
        <dt>{t('officer:application.districts')}</dt>
        <dd>{a.districts.join(', ')}</dd>
        <dt>{t('officer:application.period')}</dt>
        <dd>
          <DateText value={a.startDate} /> – <DateText value={a.endDate} />
        </dd>
        <dt>{t('officer:application.contact')}</dt>
        <dd>
          {a.contactPerson.name}, {a.contactPerson.email}
          {a.contactPerson.phone ? `, ${a.contactPerson.phone}` : ''}
        </dd>
        <dt>{t('officer:application.otherFunding')}</dt>
        <dd>
          <Czk value={a.otherFundingCzk} />
        </dd>
      </dl>
      <div className="table-wrap">
        <table className="data">
          <caption>{t('officer:application.budget')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('officer:application.category')}</th>
              <th scope="col">{t('officer:application.description')}</th>
              <th scope="col" className="number">
                {t('officer:application.lineTotal')}
              </th>
              <th scope="col" className="number">
                {t('officer:application.lineRequested')}
              </th>
            </tr>
          </thead>
          <tbody>
            {a.budgetLines.map((line, i) => (
              <tr key={i}>
                <th scope="row">{line.category}</th>
                <td>{line.description}</td>
                <td className="number">
                  <Czk value={line.totalCzk} />
                </td>
                <td className="number">
                  <Czk value={line.requestedCzk} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
