import { accountsRegisteredOn, sameBankAccount, type RegisteredAccountPeriod } from '@app/identity/domain';
import { isPublicationOverdue, publicationDueOn } from './contract.rules';
import { czk } from './czk';
import { outstandingDebts, type Debt } from './penalty';
import { isSettlementOverdue } from './settlement.rules';

export const ANOMALY_KINDS = [
  'payment_without_contract',
  'payment_above_award',
  'payment_to_other_account',
  'settlement_overdue',
  'return_overdue',
  'publication_overdue',
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export interface Anomaly {
  kind: AnomalyKind;
  applicationId: string;
  referenceNumber: string;
  detail: string;
}

export interface PaymentFact {
  amountCzk: number;
  paidOn: string;
  paymentReference: string;
  /** The account the money went to, as on the bank statement; null when not known. */
  bankAccount: string | null;
}

/** What the books say about one application's money; the facts need not obey the rules — finding where they do not is the point. */
export interface ApplicationMoneyFacts {
  applicationId: string;
  referenceNumber: string;
  /** The award, net of releases; null when nothing was awarded. */
  awardCzk: number | null;
  contract: { contractNumber: string; signedOn: string; bankAccount: string; amountCzk: number; publishedOn: string | null } | null;
  payments: readonly PaymentFact[];
  /** The settlement deadline: the contract's (the call's before there is a contract). */
  settlementDueOn: string;
  /** When the recipient submitted its settlement; null while it has not. */
  settlementSubmittedOn: string | null;
  /**
   * What the settlement leaves owing (settlementDebts): the unspent money, due
   * by the settlement deadline once the settlement says how much it is, and
   * what the review refused, due by its remedy deadline. Empty before a settlement.
   */
  debts: readonly Debt[];
  /** Every return of grant money (penalty payments and reversed returns left out); each pays the earliest-due debt first. */
  returns: readonly { amountCzk: number; receivedOn: string }[];
  /** The organisation's registered accounts over time (identity's history, confirmed by a second person). */
  registeredAccounts: readonly RegisteredAccountPeriod[];
}

/**
 * What a settlement leaves owing, as the books say (never throws: the facts
 * need not obey the rules). Once submitted, the unspent money (paid − spent)
 * by the settlement deadline; once reviewed, the unspent and the refused
 * amounts the review recorded, the refused money by the remedy deadline.
 */
export function debtsOfSettlement(s: {
  paidCzk: number;
  spentCzk: number;
  unspentCzk: number | null;
  refusedCzk: number | null;
  remedyDueOn: string | null;
  settlementDueOn: string;
}): Debt[] {
  const unspent = s.unspentCzk ?? Math.max(0, s.paidCzk - s.spentCzk);
  const debts: Debt[] = unspent > 0 ? [{ kind: 'unspent', owedCzk: unspent, dueOn: s.settlementDueOn }] : [];
  if (s.refusedCzk !== null && s.refusedCzk > 0 && s.remedyDueOn !== null) debts.push({ kind: 'refused', owedCzk: s.refusedCzk, dueOn: s.remedyDueOn });
  return debts;
}


/**
 * Everything in the books that breaks the money rules, as of `today` (a Prague
 * date). Pure classification: one anomaly per offending payment (without
 * contract, to another account), one per application for the rest. Ordered by
 * the order of `facts`, then by the order of ANOMALY_KINDS.
 */
export function findAnomalies(facts: readonly ApplicationMoneyFacts[], today: string): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const f of facts) {
    const add = (kind: AnomalyKind, detail: string) =>
      anomalies.push({ kind, applicationId: f.applicationId, referenceNumber: f.referenceNumber, detail });
    const payments = [...f.payments].sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
    const { contract } = f;

    for (const p of payments) {
      if (!contract) {
        add('payment_without_contract', `${czk(p.amountCzk)} paid on ${p.paidOn} (${p.paymentReference}) without a contract.`);
      } else if (p.paidOn < contract.signedOn) {
        add(
          'payment_without_contract',
          `${czk(p.amountCzk)} paid on ${p.paidOn} (${p.paymentReference}), before contract ${contract.contractNumber} was signed on ${contract.signedOn}.`,
        );
      }
    }

    const award = f.awardCzk ?? 0;
    let total = 0;
    for (const p of payments) {
      total += p.amountCzk;
      if (total > award) {
        const all = payments.reduce((s, x) => s + x.amountCzk, 0);
        add(
          'payment_above_award',
          f.awardCzk === null
            ? `${czk(all)} paid though nothing was awarded; first on ${p.paidOn} (${p.paymentReference}).`
            : `${czk(all)} paid against an award of ${czk(award)}, ${czk(all - award)} too much; ` +
              `the award was first exceeded on ${p.paidOn} (${p.paymentReference}).`,
        );
        break;
      }
    }

    // Judged by the organisation's registered account on the day of the payment, not by the
    // contract: a payment is always recorded with an account the system chose, so comparing it
    // with its own contract could never find anything.
    for (const p of payments) {
      if (p.bankAccount === null) continue;
      const registered = accountsRegisteredOn(f.registeredAccounts, p.paidOn);
      if (registered.some((account) => sameBankAccount(account, p.bankAccount!))) continue;
      add(
        'payment_to_other_account',
        `${czk(p.amountCzk)} paid on ${p.paidOn} (${p.paymentReference}) to ${p.bankAccount}; ` +
          (registered.length === 0
            ? 'the organisation had no registered account on that day.'
            : registered.length === 1
              ? `the organisation's registered account on that day was ${registered[0]}.`
              : `the organisation's registered accounts on that day were ${registered.slice(0, -1).join(', ')} and ${registered[registered.length - 1]}.`),
      );
    }

    if (contract) {
      if (isSettlementOverdue({ settlementDueOn: f.settlementDueOn, submittedOn: f.settlementSubmittedOn, today })) {
        add('settlement_overdue', `No settlement submitted; it was due on ${f.settlementDueOn}.`);
      }
    }

    const returned = f.returns.filter((r) => r.receivedOn <= today).reduce((s, r) => s + r.amountCzk, 0);
    const overdue = outstandingDebts(f.debts, returned).filter((d) => d.outstandingCzk > 0 && today > d.dueOn);
    if (overdue.length > 0) {
      const what = { unspent: 'unspent money', refused: 'money refused by the review' } as const;
      add(
        'return_overdue',
        overdue.map((d) => `${czk(d.outstandingCzk)} of the ${czk(d.owedCzk)} of ${what[d.kind]} to be returned by ${d.dueOn}`).join('; ') +
          (overdue.length === 1 ? ' has not arrived.' : ' have not arrived.'),
      );
    }

    if (contract && isPublicationOverdue({ signedOn: contract.signedOn, amountCzk: contract.amountCzk, publishedOn: contract.publishedOn, today })) {
      add(
        'publication_overdue',
        `Contract ${contract.contractNumber} for ${czk(contract.amountCzk)}, signed on ${contract.signedOn}, ` +
          `had to be published by ${publicationDueOn(contract.signedOn, contract.amountCzk)} and is not.`,
      );
    }
  }
  return anomalies;
}
