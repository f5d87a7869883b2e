import { canTransition } from '@app/applications/domain/application-status';
import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Czk, InstantText, Loading, QueryError, StatusTag, usePageTitle } from '../../../components/Display';
import { NotFoundPage } from '../../NotFoundPage';
import { ApplicationContent } from './ApplicationContent';
import { DetailBreadcrumbs } from './DetailBreadcrumbs';
import { FormalCheckOutcome } from './FormalCheckOutcome';
import { GrantMoney, hasGrantMoney } from './GrantMoney';
import { LettersSection } from './LettersSection';
import { isNotFound, useApplication, useCall, type Application } from './queries';
import { StatusHistory } from './StatusHistory';
import { WithdrawAction } from './WithdrawAction';
import './detail.css';

/** What the pages that lead here may say about what just happened (router state). */
export interface DetailArrival {
  /** From the application form, after a successful submission. */
  submitted?: { referenceNumber: string; submittedAt: string };
  /** From the settlement form, after it was accepted. */
  settlementSubmitted?: boolean;
}

/**
 * `/applicant/applications/:id`: one application of the applicant's organisation —
 * status, reference number and receipt, what the formal check asks, letters, the
 * grant's money, contract and settlement, the status history and the content.
 * Another organisation's application is "not found", as the API answers.
 */
export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const application = useApplication(id);
  const { t } = useTranslation(['grant', 'common']);
  usePageTitle(application.data?.title ?? t('grant:detail.title'));

  if (application.isPending) return <Loading />;
  if (application.isError) {
    if (isNotFound(application.error)) return <NotFoundPage />;
    return (
      <>
        <h1>{t('grant:detail.title')}</h1>
        <QueryError error={application.error} onRetry={() => void application.refetch()} />
      </>
    );
  }
  return <Detail application={application.data} />;
}

function Detail({ application }: { application: Application }) {
  const { t } = useTranslation(['grant', 'common']);
  const location = useLocation();
  const arrival = (location.state ?? {}) as DetailArrival;
  const call = useCall(application.callId);
  const part = call.data?.parts.find((p) => p.code === application.partCode);
  const [withdrawn, setWithdrawn] = useState(false);
  const isDraft = application.status === 'draft';
  const mayWithdraw = canTransition(application.status, 'withdrawn');

  return (
    <article className="application-detail">
      <DetailBreadcrumbs application={application} />
      <h1>{application.title}</h1>

      {arrival.submitted && (
        <Notice testId="submitted-notice">
          <p>
            <strong>{t('grant:notice.submitted')}</strong>
          </p>
          <p>
            {t('grant:notice.referenceNumber')} <strong>{arrival.submitted.referenceNumber}</strong>, {t('grant:notice.receivedAt')}{' '}
            <InstantText value={arrival.submitted.submittedAt} />
          </p>
        </Notice>
      )}
      {arrival.settlementSubmitted && (
        <Notice testId="settlement-notice">
          <p>
            <strong>{t('grant:notice.settlementSubmitted')}</strong>
          </p>
        </Notice>
      )}
      {withdrawn && (
        <Notice testId="withdrawn-notice">
          <p>
            <strong>{t('grant:notice.withdrawn')}</strong>
          </p>
        </Notice>
      )}

      <dl className="facts application-facts" data-testid="application-facts">
        <dt>{t('grant:detail.status')}</dt>
        <dd>
          <StatusTag status={application.status} />
        </dd>
        <dt>{t('grant:detail.call')}</dt>
        <dd>{call.data?.title ?? (call.isPending ? t('common:state.loading') : '—')}</dd>
        <dt>{t('grant:detail.part')}</dt>
        <dd>{part ? t('grant:detail.partName', { code: part.code, name: part.name }) : application.partCode}</dd>
        <dt>{t('grant:detail.referenceNumber')}</dt>
        <dd data-testid="reference-number">{application.referenceNumber ?? t('grant:detail.notSubmitted')}</dd>
        {application.submittedAt && (
          <>
            <dt>{t('grant:detail.submittedAt')}</dt>
            <dd>
              <InstantText value={application.submittedAt} />
            </dd>
          </>
        )}
        <dt>{t('grant:detail.requested')}</dt>
        <dd>
          <Czk value={application.requestedCzk} />
        </dd>
      </dl>

      {isDraft && (
        <>
          <GovMessage color="primary" type="subtle">
            <p>{t('grant:draft.text')}</p>
          </GovMessage>
          <div className="actions">
            <GovButton asChild type="solid" color="primary">
              <Link to={`/applicant/applications/${application.id}/edit`}>{t('grant:draft.edit')}</Link>
            </GovButton>
          </div>
        </>
      )}
      <FormalCheckOutcome application={application} />
      {mayWithdraw && (
        <div className="actions">
          <WithdrawAction application={application} onWithdrawn={() => setWithdrawn(true)} />
        </div>
      )}

      {!isDraft && <LettersSection application={application} />}
      {hasGrantMoney(application) && <GrantMoney application={application} call={call.data} />}
      <StatusHistory history={application.statusHistory} />
      <ApplicationContent application={application} />
    </article>
  );
}

/** A success notice that takes the focus when it appears, so it is read out and seen first. */
function Notice({ children, testId }: { children: ReactNode; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="status" className="notice" data-testid={testId}>
      <GovMessage color="success" type="subtle">{children}</GovMessage>
    </div>
  );
}
