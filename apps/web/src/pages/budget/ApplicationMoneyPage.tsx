import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Czk, DateText, InstantText, Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { TextAreaField } from '../../components/Field';
import { ProblemSummary, useProblem } from '../../components/ProblemSummary';
import { remainingToPay } from '../../lib/budget-money';
import { NotFoundPage } from '../NotFoundPage';
import { callPath, Crumbs, isNotFound, useCall } from './common';
import { PaymentForm, ReturnForm, useMoneyMoved } from './MoneyForms';

type Application = components['schemas']['ApplicationResponse'];
type LedgerLine = components['schemas']['LedgerLineResponse'];

/** An application's money for the Budget Department: award, contract, settlement and its review, payments, returns and the ledger. */
export function ApplicationMoneyPage() {
  const { id } = useParams();
  const { t } = useTranslation('budget');
  const application = useQuery({
    queryKey: ['applications', id],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id: id! } } })),
  });
  const call = useCall(application.data?.callId);
  const title = application.data ? t('application.title', { reference: application.data.referenceNumber ?? '—' }) : t('application.loadingTitle');
  usePageTitle(title);
  if (application.isPending) return <Loading />;
  if (application.isError)
    return isNotFound(application.error) ? <NotFoundPage /> : <QueryError error={application.error} onRetry={() => void application.refetch()} />;
  const app = application.data;
  return (
    <>
      <Crumbs trail={[...(call.data ? [{ to: callPath(call.data.id), label: call.data.title }] : []), { label: app.referenceNumber ?? app.title }]} />
      <h1>{title}</h1>
      <p className="budget-application-title">{app.title}</p>
      <Overview application={app} />
      <ContractSection application={app} />
      <SettlementSection application={app} />
      <section aria-labelledby="money-movements">
        <h2 id="money-movements">{t('application.record')}</h2>
        {app.money.awardedCzk === 0 && app.money.paidCzk === 0 ? (
          <p>{t('application.noAward')}</p>
        ) : (
          <div className="grid-2 budget-forms">
            {app.status === 'approved' || app.status === 'contracted' ? (
              <PaymentForm applicationId={app.id} remainingCzk={remainingToPay(app.money)} />
            ) : (
              <p className="muted">{t('application.paymentsOver')}</p>
            )}
            {owesMoney(app) ? (
              <ReturnForm applicationId={app.id} returnDueCzk={app.money.returnDueCzk} />
            ) : (
              <p className="muted">{t('application.nothingOwed')}</p>
            )}
          </div>
        )}
      </section>
      <LedgerSection applicationId={app.id} />
    </>
  );
}

/**
 * Money comes back after the settlement review: a return the review claimed, then any §22 penalty
 * for it; a settled grant stays open (not closed) while anything is owed.
 */
const owesMoney = (application: Application) => application.money.returnDueCzk > 0 || application.status === 'settled';

function Overview({ application }: { application: Application }) {
  const { t } = useTranslation('budget');
  const organisation = useQuery({
    queryKey: ['organisations', application.organisationId],
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id: application.organisationId } } })),
  });
  const { money } = application;
  return (
    <section aria-labelledby="money-overview">
      <h2 id="money-overview">{t('application.overview')}</h2>
      <div className="grid-2">
        <dl className="facts">
          <dt>{t('application.status')}</dt>
          <dd>
            <StatusTag status={application.status} />
          </dd>
          <dt>{t('application.organisation')}</dt>
          <dd>{organisation.data ? `${organisation.data.name} (${t('application.ico', { ico: organisation.data.ico })})` : organisation.isError ? '—' : t('common:state.loading')}</dd>
          <dt>{t('application.part')}</dt>
          <dd>{application.partCode}</dd>
          <dt>{t('application.requested')}</dt>
          <dd>
            <Czk value={application.requestedCzk} />
          </dd>
        </dl>
        <dl className="facts" data-testid="money-summary">
          <dt>{t('money.awarded')}</dt>
          <dd data-money="awarded">
            <Czk value={money.awardedCzk} />
          </dd>
          <dt>{t('money.paid')}</dt>
          <dd data-money="paid">
            <Czk value={money.paidCzk} />
          </dd>
          <dt>{t('money.returned')}</dt>
          <dd data-money="returned">
            <Czk value={money.returnedCzk} />
          </dd>
          <dt>{t('money.returnDue')}</dt>
          <dd data-money="returnDue">
            <Czk value={money.returnDueCzk} />
          </dd>
        </dl>
      </div>
    </section>
  );
}

function ContractSection({ application }: { application: Application }) {
  const { t } = useTranslation('budget');
  const contract = application.contract;
  return (
    <section aria-labelledby="money-contract">
      <h2 id="money-contract">{t('contract.heading')}</h2>
      {!contract ? (
        <p>{t('contract.none')}</p>
      ) : (
        <dl className="facts" data-testid="contract">
          <dt>{t('contract.number')}</dt>
          <dd>{contract.contractNumber}</dd>
          <dt>{t('contract.signedOn')}</dt>
          <dd>
            <DateText value={contract.signedOn} />
          </dd>
          <dt>{t('contract.amount')}</dt>
          <dd>
            <Czk value={contract.amountCzk} />
          </dd>
          <dt>{t('contract.account')}</dt>
          <dd className="nowrap">{contract.bankAccount}</dd>
          <dt>{t('contract.settlementDueOn')}</dt>
          <dd data-testid="contract-settlement-due">
            <DateText value={contract.settlementDueOn} />
          </dd>
          <dt>{t('contract.publication')}</dt>
          <dd>
            {contract.publishedOn ? (
              <>
                {t('contract.publishedOn')} <DateText value={contract.publishedOn} />
                {contract.url && (
                  <>
                    {' — '}
                    <a href={contract.url} rel="noreferrer">
                      {t('contract.register')}
                    </a>
                  </>
                )}
              </>
            ) : contract.publicationDueOn ? (
              <>
                {t('contract.publishBy')} <DateText value={contract.publicationDueOn} />
              </>
            ) : (
              t('contract.noPublication')
            )}
          </dd>
        </dl>
      )}
    </section>
  );
}

function SettlementSection({ application }: { application: Application }) {
  const { t } = useTranslation('budget');
  const settlement = application.settlement;
  return (
    <section aria-labelledby="money-settlement">
      <h2 id="money-settlement">{t('settlement.heading')}</h2>
      {!settlement ? (
        <p>{t('settlement.none')}</p>
      ) : (
        <div data-testid="settlement">
          <dl className="facts">
            <dt>{t('settlement.submittedAt')}</dt>
            <dd>
              <InstantText value={settlement.submittedAt} />
            </dd>
            <dt>{t('settlement.spent')}</dt>
            <dd>
              <Czk value={settlement.spentCzk} />
            </dd>
          </dl>
          <div className="table-wrap">
            <table className="data">
              <caption>{t('settlement.linesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settlement.category')}</th>
                  <th scope="col" className="number">
                    {t('settlement.spent')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {settlement.lines.map((line, index) => (
                  <tr key={`${line.category}-${index}`}>
                    <th scope="row">{line.category}</th>
                    <td className="number">
                      <Czk value={line.spentCzk} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t('settlement.report')}</h3>
          <p className="budget-prewrap">{settlement.report}</p>
          <h3>{t('settlement.review')}</h3>
          {settlement.reviewedAt === null ? (
            <p>{t('settlement.awaitingReview')}</p>
          ) : (
            <dl className="facts" data-testid="settlement-review">
              <dt>{t('settlement.reviewedAt')}</dt>
              <dd>
                <InstantText value={settlement.reviewedAt} />
              </dd>
              <dt>{t('settlement.accepted')}</dt>
              <dd>
                <Czk value={settlement.acceptedCzk} />
              </dd>
              {settlement.unspentCzk !== null && settlement.unspentCzk > 0 && (
                <>
                  <dt>{t('settlement.unspent')}</dt>
                  <dd data-testid="settlement-unspent">
                    <Czk value={settlement.unspentCzk} />
                    {application.contract && (
                      <>
                        {' '}
                        {t('settlement.dueBy')} <DateText value={application.contract.settlementDueOn} />
                      </>
                    )}
                  </dd>
                </>
              )}
              {settlement.refusedCzk !== null && settlement.refusedCzk > 0 && (
                <>
                  <dt>{t('settlement.refused')}</dt>
                  <dd data-testid="settlement-refused">
                    <Czk value={settlement.refusedCzk} />
                    {settlement.remedyDueOn && (
                      <>
                        {' '}
                        {t('settlement.dueBy')} <DateText value={settlement.remedyDueOn} />
                      </>
                    )}
                  </dd>
                </>
              )}
              <dt>{t('settlement.returnClaimed')}</dt>
              <dd>
                <Czk value={settlement.returnDueCzk} />
              </dd>
              <dt>{t('settlement.returnDueOn')}</dt>
              <dd>
                <DateText value={settlement.returnDueOn} />
              </dd>
              {settlement.reviewNote && (
                <>
                  <dt>{t('settlement.note')}</dt>
                  <dd className="budget-prewrap">{settlement.reviewNote}</dd>
                </>
              )}
            </dl>
          )}
          <p className="muted">{t('settlement.officersReview')}</p>
        </div>
      )}
    </section>
  );
}

function LedgerSection({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation('budget');
  const ledger = useQuery({
    queryKey: ['applications', applicationId, 'ledger'],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/ledger', { params: { path: { id: applicationId } } })),
  });
  const [reversing, setReversing] = useState<LedgerLine | null>(null);
  const reversed = new Set((ledger.data ?? []).flatMap((line) => (line.reverses ? [line.reverses] : [])));
  return (
    <section aria-labelledby="money-ledger">
      <h2 id="money-ledger">{t('ledger.heading')}</h2>
      {ledger.isPending ? (
        <Loading />
      ) : ledger.isError ? (
        <QueryError error={ledger.error} onRetry={() => void ledger.refetch()} />
      ) : ledger.data.length === 0 ? (
        <p>{t('ledger.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="ledger">
            <caption>{t('ledger.caption', { count: ledger.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledger.col.occurredOn')}</th>
                <th scope="col">{t('ledger.col.type')}</th>
                <th scope="col" className="number">
                  {t('ledger.col.amount')}
                </th>
                <th scope="col">{t('ledger.col.reference')}</th>
                <th scope="col">{t('ledger.col.recordedAt')}</th>
                <th scope="col">{t('ledger.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.data.map((line) => (
                <tr key={line.id} data-type={line.type}>
                  <td>
                    <DateText value={line.occurredOn} />
                  </td>
                  <td>
                    {t(`ledgerType.${line.type}`)}
                    {reversed.has(line.id) && <span className="muted"> ({t('ledger.reversed')})</span>}
                  </td>
                  <td className="number">
                    <Czk value={line.amountCzk} />
                  </td>
                  <td>{line.reference}</td>
                  <td>
                    <InstantText value={line.createdAt} />
                  </td>
                  <td>
                    {(line.type === 'payment' || line.type === 'return') && !reversed.has(line.id) ? (
                      <GovButton
                        type="base"
                        color="primary"
                        size="s"
                        aria-label={t('reversal.openFor', { type: t(`ledgerType.${line.type}`), reference: line.reference })}
                        onClick={() => setReversing(line)}
                      >
                        {t('reversal.open')}
                      </GovButton>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {reversing && <ReversalDialog line={reversing} onClose={() => setReversing(null)} />}
    </section>
  );
}

/** Undoing a payment or a return recorded by mistake: the ledger is append-only, so the API books the same entries with their signs swapped. */
function ReversalDialog({ line, onClose }: { line: LedgerLine; onClose: () => void }) {
  const { t } = useTranslation('budget');
  const moneyMoved = useMoneyMoved();
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/ledger/transactions/{id}/reversal', { params: { path: { id: line.id } }, body: { reason } })),
    onSuccess: async () => {
      await moneyMoved();
      onClose();
    },
  });
  const { byField } = useProblem(mutation.error);
  return (
    <ConfirmDialog
      open
      title={t('reversal.title', { type: t(`ledgerType.${line.type}`) })}
      confirmLabel={t('reversal.confirm')}
      busy={mutation.isPending}
      onConfirm={() => !mutation.isPending && mutation.mutate()}
      onCancel={onClose}
    >
      <ProblemSummary error={mutation.error} labels={{ reason: t('reversal.reason') }} />
      <GovMessage color="warning" type="subtle">
        <p>
          {t('reversal.explained')} <Czk value={line.amountCzk} />, <DateText value={line.occurredOn} />, {line.reference}
        </p>
      </GovMessage>
      <TextAreaField name="reason" label={t('reversal.reason')} required rows={3} value={reason} onChange={(e) => setReason(e.target.value)} errors={byField.get('reason')} />
      {mutation.isPending && <Loading label={t('reversal.sending')} />}
    </ConfirmDialog>
  );
}
