import { isPublicationOverdue, publicationDueOn } from './contract.rules';
import { czk } from './czk';
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
  /** The call's settlement deadline. */
  settlementDueOn: string;
  /** When the recipient submitted its settlement; null while it has not. */
  settlementSubmittedOn: string | null;
  /** Claimed back by the settlement review (0 when nothing is). */
  returnDueCzk: number;
  returnDueOn: string | null;
  /** Returns received against that claim (voluntary returns before the review are already deducted from it). */
  returns: readonly { amountCzk: number; receivedOn: string }[];
}

/**
 * `[prefix-]number/bankcode` with leading zeros dropped, so `000019-0000000123/0800`
 * and `19-123/0800` compare equal; anything unparseable is compared as written.
 */
export function normaliseBankAccount(account: string): string {
  const s = account.replace(/\s+/g, '');
  const m = /^(?:([0-9]{1,6})-)?([0-9]{1,10})\/([0-9]{4})$/.exec(s);
  if (!m) return s;
  const prefix = (m[1] ?? '').replace(/^0+/, '');
  const number = m[2].replace(/^0+/, '');
  return `${prefix ? `${prefix}-` : ''}${number}/${m[3]}`;
}

export const sameBankAccount = (a: string, b: string): boolean => normaliseBankAccount(a) === normaliseBankAccount(b);

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

    if (contract) {
      for (const p of payments) {
        if (p.bankAccount !== null && !sameBankAccount(p.bankAccount, contract.bankAccount)) {
          add(
            'payment_to_other_account',
            `${czk(p.amountCzk)} paid on ${p.paidOn} (${p.paymentReference}) to ${p.bankAccount}; ` +
              `contract ${contract.contractNumber} names ${contract.bankAccount}.`,
          );
        }
      }
      if (isSettlementOverdue({ settlementDueOn: f.settlementDueOn, submittedOn: f.settlementSubmittedOn, today })) {
        add('settlement_overdue', `No settlement submitted; it was due on ${f.settlementDueOn}.`);
      }
    }

    if (f.returnDueCzk > 0 && f.returnDueOn !== null && today > f.returnDueOn) {
      const returned = f.returns.filter((r) => r.receivedOn <= today).reduce((s, r) => s + r.amountCzk, 0);
      if (returned < f.returnDueCzk) {
        add(
          'return_overdue',
          `${czk(f.returnDueCzk - returned)} of the ${czk(f.returnDueCzk)} to be returned by ${f.returnDueOn} has not arrived.`,
        );
      }
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
