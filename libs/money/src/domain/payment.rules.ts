import type { ApplicationStatus } from '@app/applications/domain';
import { isIsoDate } from '@app/core/domain';
import { assertWholeCzk, czk, invalid, isPositiveCzk, type Violation } from './czk';

/**
 * A payment (or one instalment) of an award. Needs a signed contract; all
 * payments together never exceed the award. `paidSoFarCzk` is everything paid
 * before, returns not deducted: money the recipient sent back does not make
 * room for paying it out again. The money goes to the contract's account by
 * construction; a payment seen on another account is a reconciliation anomaly.
 */
export function checkPayment(input: {
  hasContract: boolean;
  /** The award, net of releases (the application's committedCzk). */
  awardCzk: number;
  paidSoFarCzk: number;
  amountCzk: number;
  /** When given, a payment cannot precede the signature nor be dated in the future. */
  paidOn?: string;
  signedOn?: string | null;
  today?: string;
  /** When given: payments are made while the contract runs (contracted), reported only when nothing else is wrong. */
  status?: ApplicationStatus;
}): Violation[] {
  assertWholeCzk('awardCzk', input.awardCzk);
  assertWholeCzk('paidSoFarCzk', input.paidSoFarCzk);
  const v: Violation[] = [];
  if (!input.hasContract) {
    v.push({ code: 'CONTRACT_REQUIRED', message: 'Nothing can be paid before the contract is signed and recorded.' });
  }
  if (input.paidOn !== undefined) {
    if (!isIsoDate(input.paidOn)) v.push(invalid('paidOn', 'The payment date must be a date (YYYY-MM-DD).'));
    else if (input.today !== undefined && input.paidOn > input.today) {
      v.push(invalid('paidOn', `The payment date ${input.paidOn} is in the future; record a payment once it is made.`));
    } else if (input.hasContract && input.signedOn && input.paidOn < input.signedOn) {
      v.push({
        code: 'CONTRACT_REQUIRED',
        field: 'paidOn',
        message: `The contract was signed on ${input.signedOn}; a payment cannot be dated before it (${input.paidOn}).`,
      });
    }
  }
  if (!isPositiveCzk(input.amountCzk)) {
    v.push(invalid('amountCzk', 'A payment must be a positive whole number of CZK.'));
    return v;
  }
  const total = input.paidSoFarCzk + input.amountCzk;
  if (total > input.awardCzk) {
    v.push({
      code: 'PAYMENT_EXCEEDS_AWARD',
      field: 'amountCzk',
      message:
        `With ${czk(input.paidSoFarCzk)} already paid, ${czk(input.amountCzk)} more would make ${czk(total)}, ` +
        `above the award of ${czk(input.awardCzk)}; at most ${czk(Math.max(0, input.awardCzk - input.paidSoFarCzk))} can still be paid.`,
    });
  }
  if (v.length === 0 && input.status !== undefined && input.status !== 'contracted') {
    v.push({ code: 'INVALID_STATUS_TRANSITION', message: `Payments are made while the contract runs; this application is ${input.status}.` });
  }
  return v;
}
