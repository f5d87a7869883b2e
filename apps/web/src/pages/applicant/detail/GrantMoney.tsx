import { GovButton, GovMessage, GovTag } from '@gov-design-system-ce/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../../api/schema.gen';
import { Czk, DateText, InstantText, Loading, QueryError } from '../../../components/Display';
import { pragueToday } from '../../../lib/format';
import { isReturnOverdue, penaltyFromLedger, reversedLineIds, type LedgerLine } from '../../../lib/grant-money';
import { useLedger, type Application, type Call } from './queries';

type Contract = components['schemas']['ContractRecordResponse'];
type Settlement = components['schemas']['SettlementRecordResponse'];

/** From the decision on, the grant's money is the applicant's business too. */
const MONEY_STATUSES: readonly Application['status'][] = ['approved', 'contracted', 'settlement_submitted', 'settled', 'closed'];

export function hasGrantMoney(application: Application): boolean {
  return MONEY_STATUSES.includes(application.status) || application.money.awardedCzk > 0 || application.money.paidCzk > 0;
}

/**
 * The grant's money: awarded, paid, returned, what is to be returned and by when,
 * any §22 penalty; the contract; the settlement (the way to submit it, or its state);
 * and every movement the ledger records.
 */
export function GrantMoney({ application, call }: { application: Application; call: Call | undefined }) {
  const { t } = useTranslation(['grant', 'common']);
  const ledger = useLedger(application.id, true);
  const { money, contract, settlement } = application;
  const penalty = ledger.data ? penaltyFromLedger(ledger.data) : null;
  const returnDueOn = settlement?.returnDueOn ?? null;
  const overdue = isReturnOverdue({ returnDueCzk: money.returnDueCzk, returnDueOn, today: pragueToday() });

  return (
    <section aria-labelledby="grant-money" data-testid="grant-money">
      <h2 id="grant-money">{t('grant:money.title')}</h2>
      <div className="table-wrap">
        <table className="data money-summary" data-testid="money-summary">
          <caption className="visually-hidden">{t('grant:money.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('grant:money.item')}</th>
              <th scope="col" className="number">
                {t('grant:money.amount')}
              </th>
              <th scope="col">{t('grant:money.note')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('grant:money.requested')}</th>
              <td className="number">
                <Czk value={application.requestedCzk} />
              </td>
              <td />
            </tr>
            <tr>
              <th scope="row">{t('grant:money.awarded')}</th>
              <td className="number">
                <Czk value={money.awardedCzk} />
              </td>
              <td />
            </tr>
            <tr>
              <th scope="row">{t('grant:money.paid')}</th>
              <td className="number">
                <Czk value={money.paidCzk} />
              </td>
              <td>{money.awardedCzk > money.paidCzk && MONEY_STATUSES.includes(application.status) && application.status !== 'closed' ? t('grant:money.paidInInstalments') : null}</td>
            </tr>
            <tr>
              <th scope="row">{t('grant:money.returned')}</th>
              <td className="number">
                <Czk value={money.returnedCzk} />
              </td>
              <td />
            </tr>
            <tr>
              <th scope="row">{t('grant:money.returnDue')}</th>
              <td className="number">
                <Czk value={money.returnDueCzk} />
              </td>
              <td>
                {money.returnDueCzk > 0 && returnDueOn && (
                  <>
                    {t('grant:money.returnDueOn')} <DateText value={returnDueOn} />{' '}
                  </>
                )}
                {overdue && (
                  <GovTag size="s" type="subtle" color="error">
                    {t('grant:money.overdue')}
                  </GovTag>
                )}
              </td>
            </tr>
            {penalty && penalty.leviedCzk > 0 && (
              <tr>
                <th scope="row">{t('grant:money.penalty')}</th>
                <td className="number">
                  <Czk value={penalty.leviedCzk} />
                </td>
                <td>
                  {penalty.dueCzk > 0 ? (
                    <>
                      {t('grant:money.penaltyDue')} <Czk value={penalty.dueCzk} />
                    </>
                  ) : (
                    t('grant:money.penaltyPaid')
                  )}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {overdue && (
        <GovMessage color="error" type="subtle">
          <p>{t('grant:money.overdueText')}</p>
        </GovMessage>
      )}

      <ContractFacts contract={contract} status={application.status} />
      <SettlementState application={application} call={call} settlement={settlement} />

      <h3>{t('grant:ledger.title')}</h3>
      {ledger.isPending ? (
        <Loading />
      ) : ledger.isError ? (
        <QueryError error={ledger.error} onRetry={() => void ledger.refetch()} />
      ) : ledger.data.length === 0 ? (
        <p>{t('grant:ledger.empty')}</p>
      ) : (
        <LedgerTable lines={ledger.data} />
      )}
    </section>
  );
}

function LedgerTable({ lines }: { lines: LedgerLine[] }) {
  const { t } = useTranslation(['grant', 'common']);
  const reversed = reversedLineIds(lines);
  return (
    <div className="table-wrap">
      <table className="data" data-testid="ledger">
        <caption className="visually-hidden">{t('grant:ledger.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('grant:ledger.date')}</th>
            <th scope="col">{t('grant:ledger.type')}</th>
            <th scope="col" className="number">
              {t('grant:ledger.amount')}
            </th>
            <th scope="col">{t('grant:ledger.reference')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id}>
              <th scope="row">
                <DateText value={line.occurredOn} />
              </th>
              <td>
                {t(`grant:ledger.types.${line.type}`)}
                {reversed.has(line.id) && <span className="muted"> ({t('grant:ledger.reversed')})</span>}
              </td>
              <td className="number">
                <Czk value={line.amountCzk} />
              </td>
              <td>{line.reference}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ContractFacts({ contract, status }: { contract: Contract | null; status: Application['status'] }) {
  const { t } = useTranslation(['grant', 'common']);
  if (!contract) {
    return status === 'approved' ? (
      <>
        <h3>{t('grant:contract.title')}</h3>
        <p>{t('grant:contract.pending')}</p>
      </>
    ) : null;
  }
  return (
    <>
      <h3>{t('grant:contract.title')}</h3>
      <dl className="facts" data-testid="contract">
        <dt>{t('grant:contract.number')}</dt>
        <dd>{contract.contractNumber}</dd>
        <dt>{t('grant:contract.signedOn')}</dt>
        <dd>
          <DateText value={contract.signedOn} />
        </dd>
        <dt>{t('grant:contract.amount')}</dt>
        <dd>
          <Czk value={contract.amountCzk} />
        </dd>
        <dt>{t('grant:contract.account')}</dt>
        <dd>{contract.bankAccount}</dd>
        {(contract.publicationDueOn || contract.publishedOn) && (
          <>
            <dt>{t('grant:contract.publication')}</dt>
            <dd>
              {contract.publishedOn ? (
                <>
                  {t('grant:contract.publishedOn')} <DateText value={contract.publishedOn} />
                  {contract.url && (
                    <>
                      {' '}
                      <a href={contract.url} rel="noopener noreferrer" target="_blank">
                        {t('grant:contract.register')}
                        <span className="visually-hidden"> {t('grant:contract.newWindow')}</span>
                      </a>
                    </>
                  )}
                </>
              ) : (
                <>
                  {t('grant:contract.toBePublished')} <DateText value={contract.publicationDueOn} />
                </>
              )}
            </dd>
          </>
        )}
      </dl>
    </>
  );
}

function SettlementState({ application, call, settlement }: { application: Application; call: Call | undefined; settlement: Settlement | null }) {
  const { t } = useTranslation(['grant', 'common']);
  const { status } = application;
  if (!['contracted', 'settlement_submitted', 'settled', 'closed'].includes(status)) return null;
  return (
    <>
      <h3>{t('grant:settlement.title')}</h3>
      {status === 'contracted' ? (
        <>
          <p>
            {/* The contract's deadline (it copies the call's and an amendment may move it). */}
            {t('grant:settlement.due')} {application.contract ? <DateText value={application.contract.settlementDueOn} /> : call ? <DateText value={call.settlementDueOn} /> : '—'}
          </p>
          <div className="actions">
            <GovButton asChild type="solid" color="primary">
              <Link to={`/applicant/applications/${application.id}/settlement`}>{t('grant:settlement.submit')}</Link>
            </GovButton>
          </div>
        </>
      ) : (
        <>
          <p data-testid="settlement-state">{t(`grant:settlement.state.${status}`)}</p>
          {settlement && <SettlementFacts settlement={settlement} settlementDueOn={application.contract?.settlementDueOn ?? null} />}
        </>
      )}
    </>
  );
}

function SettlementFacts({ settlement, settlementDueOn }: { settlement: Settlement; settlementDueOn: string | null }) {
  const { t } = useTranslation(['grant', 'common']);
  return (
    <>
      <dl className="facts" data-testid="settlement-facts">
        <dt>{t('grant:settlement.submittedAt')}</dt>
        <dd>
          <InstantText value={settlement.submittedAt} />
        </dd>
        <dt>{t('grant:settlement.spent')}</dt>
        <dd>
          <Czk value={settlement.spentCzk} />
        </dd>
        {settlement.reviewedAt && (
          <>
            <dt>{t('grant:settlement.reviewedAt')}</dt>
            <dd>
              <InstantText value={settlement.reviewedAt} />
            </dd>
            <dt>{t('grant:settlement.accepted')}</dt>
            <dd>
              <Czk value={settlement.acceptedCzk} />
            </dd>
            {settlement.unspentCzk !== null && settlement.unspentCzk > 0 && (
              <>
                <dt>{t('grant:settlement.unspent')}</dt>
                <dd data-testid="settlement-unspent">
                  <Czk value={settlement.unspentCzk} />
                  {settlementDueOn && (
                    <>
                      {' '}
                      {t('grant:settlement.returnBy')} <DateText value={settlementDueOn} />
                    </>
                  )}
                </dd>
              </>
            )}
            {settlement.refusedCzk !== null && settlement.refusedCzk > 0 && (
              <>
                <dt>{t('grant:settlement.refused')}</dt>
                <dd data-testid="settlement-refused">
                  <Czk value={settlement.refusedCzk} />
                  {settlement.remedyDueOn && (
                    <>
                      {' '}
                      {t('grant:settlement.returnBy')} <DateText value={settlement.remedyDueOn} />
                    </>
                  )}
                </dd>
              </>
            )}
            {settlement.reviewNote && (
              <>
                <dt>{t('grant:settlement.reviewNote')}</dt>
                <dd className="prewrap">{settlement.reviewNote}</dd>
              </>
            )}
          </>
        )}
      </dl>
      <div className="table-wrap">
        <table className="data money-summary">
          <caption className="visually-hidden">{t('grant:settlement.linesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('grant:content.category')}</th>
              <th scope="col" className="number">
                {t('grant:settlement.lineSpent')}
              </th>
            </tr>
          </thead>
          <tbody>
            {settlement.lines.map((line) => (
              <tr key={line.category}>
                <th scope="row">{line.category}</th>
                <td className="number">
                  <Czk value={line.spentCzk} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>{t('grant:settlement.report')}</h4>
      <p className="prewrap">{settlement.report}</p>
    </>
  );
}
