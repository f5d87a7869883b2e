import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { components } from '../../api/schema.gen';
import { useSession } from '../../auth/session';
import { Czk, DateText, InstantText, Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { measureTexts, POLICY_TEXT_LANGUAGE } from '../../lib/measures-tree';
import { ApiError } from '../../lib/problem';
import { NotFoundPage } from '../NotFoundPage';
import { callQuery, policyQuery } from './queries';
import './public.css';

type Call = components['schemas']['CallResponse'];

/** One call as announced: parts, window, dates, who may apply, measures, criteria; the way in for applicants while it is open. */
export function CallPage() {
  const { id = '' } = useParams();
  const call = useQuery(callQuery(id));
  if (call.isPending) return <Loading />;
  if (call.isError) {
    if (call.error instanceof ApiError && (call.error.status === 404 || call.error.status === 400)) return <NotFoundPage />;
    return <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  }
  return <CallDetail call={call.data} />;
}

function CallDetail({ call }: { call: Call }) {
  const { t } = useTranslation('public');
  usePageTitle(call.title);
  const totalPoints = call.criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  return (
    <article className="call-detail">
      <p className="back-link">
        <Link to="/">{t('call.backToCalls')}</Link>
      </p>
      <h1>{call.title}</h1>
      <p className="call-status">
        <StatusTag group="callStatus" status={call.status} /> <span className="muted">{t('call.programmeYear', { code: call.programmeCode, year: call.year })}</span>
      </p>
      <HowToApply call={call} />

      <section aria-labelledby="call-dates">
        <h2 id="call-dates">{t('call.datesTitle')}</h2>
        <dl className="facts">
          <dt>{t('call.announcedOn')}</dt>
          <dd>
            <DateText value={call.announcedOn} />
          </dd>
          <dt>{t('call.opensAt')}</dt>
          <dd>
            <InstantText value={call.submissionOpensAt} /> <span className="muted">{t('call.pragueTime')}</span>
          </dd>
          <dt>{t('call.closesAt')}</dt>
          <dd>
            <InstantText value={call.submissionClosesAt} /> <span className="muted">{t('call.pragueTime')}</span>
          </dd>
          <dt>{t('call.decisionDueOn')}</dt>
          <dd>
            <DateText value={call.decisionDueOn} />
          </dd>
          <dt>{t('call.settlementDueOn')}</dt>
          <dd>
            <DateText value={call.settlementDueOn} />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="call-parts">
        <h2 id="call-parts">{t('call.partsTitle')}</h2>
        <div className="table-wrap">
          <table className="data">
            <caption>{t('call.partsCaption', { total: call.parts.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('call.part')}</th>
                <th scope="col" className="number">
                  {t('call.allocation')}
                </th>
                <th scope="col" className="number">
                  {t('call.minRequest')}
                </th>
                <th scope="col" className="number">
                  {t('call.maxRequest')}
                </th>
              </tr>
            </thead>
            <tbody>
              {call.parts.map((part) => (
                <tr key={part.code}>
                  <th scope="row">{part.name}</th>
                  <td className="number">
                    <Czk value={part.allocationCzk} />
                  </td>
                  <td className="number">
                    <Czk value={part.minRequestCzk} />
                  </td>
                  <td className="number">
                    <Czk value={part.maxRequestCzk} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('call.totalAllocation')}</th>
                <td className="number">
                  <strong>
                    <Czk value={call.totalAllocationCzk} />
                  </strong>
                </td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="call-who">
        <h2 id="call-who">{t('call.whoTitle')}</h2>
        <ul>
          {call.eligibleApplicantKinds.map((kind) => (
            <li key={kind}>{t(`kinds.${kind}`)}</li>
          ))}
        </ul>
        <p>{t('call.maxApplications', { n: call.maxApplicationsPerOrganisation })}</p>
      </section>

      <section aria-labelledby="call-money">
        <h2 id="call-money">{t('call.shareTitle')}</h2>
        <p>{t('call.share', { pct: call.maxRequestShareOfCostsPct })}</p>
      </section>

      <section aria-labelledby="call-measures">
        <h2 id="call-measures">{t('call.measuresTitle')}</h2>
        <p>{t('call.measuresIntro')}</p>
        <EligibleMeasures codes={call.eligibleMeasureCodes} />
      </section>

      <section aria-labelledby="call-criteria">
        <h2 id="call-criteria">{t('call.criteriaTitle')}</h2>
        <div className="table-wrap">
          <table className="data">
            <caption>{t('call.criteriaCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('call.criterionCode')}</th>
                <th scope="col">{t('call.criterion')}</th>
                <th scope="col" className="number">
                  {t('call.maxPoints')}
                </th>
              </tr>
            </thead>
            <tbody>
              {call.criteria.map((criterion) => (
                <tr key={criterion.code}>
                  <td>{criterion.code}</td>
                  <th scope="row">{criterion.name}</th>
                  <td className="number">{criterion.maxPoints}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td />
                <th scope="row">{t('call.pointsTotal')}</th>
                <td className="number">
                  <strong>{totalPoints}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p>{t('call.scoring', { minScore: call.minScore, quorum: call.quorum })}</p>
      </section>
    </article>
  );
}

/** What an applicant can do with the call now: create an application while the window is open, else when it opens or that it closed. */
function HowToApply({ call }: { call: Call }) {
  const { t } = useTranslation('public');
  const { user } = useSession();
  if (call.status === 'announced') {
    return (
      <GovMessage color="primary" type="subtle">
        <p>
          {t('call.opensLater')} <InstantText value={call.submissionOpensAt} /> {t('call.pragueTime')}.
        </p>
      </GovMessage>
    );
  }
  if (call.status !== 'open') {
    return (
      <GovMessage color="neutral" type="subtle">
        <p>{t('call.closed')}</p>
      </GovMessage>
    );
  }
  if (user?.role === 'applicant') {
    return (
      <div className="actions">
        <GovButton asChild type="solid" color="primary">
          <Link to={`/applicant/applications/new?callId=${encodeURIComponent(call.id)}`}>{t('call.createApplication')}</Link>
        </GovButton>
        <span className="muted">
          {t('call.openUntil')} <InstantText value={call.submissionClosesAt} /> {t('call.pragueTime')}
        </span>
      </div>
    );
  }
  if (user) return null;
  const next = encodeURIComponent(`/calls/${call.id}`);
  return (
    <GovMessage color="primary" type="subtle">
      <p>
        {t('call.openUntil')} <InstantText value={call.submissionClosesAt} /> {t('call.pragueTime')}.
      </p>
      <p>
        {t('call.signInToApply')} <Link to={`/login?next=${next}`}>{t('call.signIn')}</Link> {t('call.or')}{' '}
        <Link to="/register">{t('call.register')}</Link>.
      </p>
    </GovMessage>
  );
}

function EligibleMeasures({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation('public');
  const policy = useQuery(policyQuery);
  const texts = policy.data ? measureTexts(policy.data) : null;
  return (
    <ul className="measure-list">
      {codes.map((code) => (
        <li key={code}>
          <Link to={`/policy?q=${encodeURIComponent(code)}`} aria-label={t('call.measureLink', { code })}>
            {code}
          </Link>
          {texts?.get(code) && (
            <>
              {' '}
              <span lang={POLICY_TEXT_LANGUAGE}>{texts.get(code)}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
