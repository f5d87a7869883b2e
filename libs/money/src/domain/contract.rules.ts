import type { ApplicationStatus } from '@app/applications/domain';
import { addDays, isIsoDate } from '@app/core/domain';
import { assertWholeCzk, invalid, type Violation } from './czk';

/**
 * Act 250/2000 Coll. §10d: a contract for more than CZK 50,000 is published
 * within 30 days of its signature. "More than" is strict: exactly CZK 50,000
 * need not be published.
 */
export const PUBLICATION_THRESHOLD_CZK = 50_000;
export const PUBLICATION_PERIOD_DAYS = 30;

export const CONTRACT_NUMBER_MAX_LENGTH = 100;

/**
 * The last day to publish the contract, or null when it need not be published.
 * The 30 days run from the day after the signature, so the deadline is the
 * signing date + 30 calendar days; publishing on that day is in time. (No
 * shift for weekends or holidays: the city's board and the register of
 * contracts publish every day.)
 */
export function publicationDueOn(signedOn: string, amountCzk: number): string | null {
  assertWholeCzk('amountCzk', amountCzk);
  if (amountCzk <= PUBLICATION_THRESHOLD_CZK) return null;
  if (!isIsoDate(signedOn)) throw new RangeError(`signedOn must be a date (YYYY-MM-DD), got ${JSON.stringify(signedOn)}`);
  return addDays(signedOn, PUBLICATION_PERIOD_DAYS);
}

/** A contract that had to be published is still unpublished after its deadline. */
export function isPublicationOverdue(input: { signedOn: string; amountCzk: number; publishedOn: string | null; today: string }): boolean {
  const due = publicationDueOn(input.signedOn, input.amountCzk);
  return due !== null && input.publishedOn === null && input.today > due;
}

/** Published, but after the deadline (for the record; the breach cannot be undone). */
export function wasPublishedLate(input: { signedOn: string; amountCzk: number; publishedOn: string | null }): boolean {
  const due = publicationDueOn(input.signedOn, input.amountCzk);
  return due !== null && input.publishedOn !== null && input.publishedOn > due;
}

/**
 * Recording a signed contract of an approved application. The bank account's
 * format and checksum are checked with the organisation's rules
 * (INVALID_BANK_ACCOUNT), not here.
 */
export function checkContract(input: {
  status: ApplicationStatus;
  contractNumber: string;
  signedOn: string;
  /** The date of the approving resolution: a contract follows the decision. */
  resolutionDate: string;
  today: string;
}): Violation[] {
  const v: Violation[] = [];
  if (input.status !== 'approved') {
    v.push({
      code: 'INVALID_STATUS_TRANSITION',
      message: `A contract can be recorded only for an approved application; this one is "${input.status}".`,
    });
  }
  const number = input.contractNumber.trim();
  if (number === '') v.push(invalid('contractNumber', 'The contract number is required.'));
  else if (number.length > CONTRACT_NUMBER_MAX_LENGTH) {
    v.push(invalid('contractNumber', `The contract number can have at most ${CONTRACT_NUMBER_MAX_LENGTH} characters.`));
  }
  if (!isIsoDate(input.signedOn)) {
    v.push(invalid('signedOn', 'The signing date must be a date (YYYY-MM-DD).'));
  } else if (input.signedOn > input.today) {
    v.push(invalid('signedOn', `The signing date ${input.signedOn} is in the future; record the contract once it is signed.`));
  } else if (input.signedOn < input.resolutionDate) {
    v.push(invalid('signedOn', `The contract cannot be signed (${input.signedOn}) before the resolution awarding the grant (${input.resolutionDate}).`));
  }
  return v;
}

/** Recording where and when a contract was published. */
export function checkPublication(input: { signedOn: string; publishedOn: string; url: string; today: string }): Violation[] {
  const v: Violation[] = [];
  if (!isIsoDate(input.publishedOn)) {
    v.push(invalid('publishedOn', 'The publication date must be a date (YYYY-MM-DD).'));
  } else if (input.publishedOn > input.today) {
    v.push(invalid('publishedOn', `The publication date ${input.publishedOn} is in the future.`));
  } else if (input.publishedOn < input.signedOn) {
    v.push(invalid('publishedOn', `A contract cannot be published (${input.publishedOn}) before it is signed (${input.signedOn}).`));
  }
  if (!isHttpUrl(input.url)) v.push(invalid('url', 'The publication address must be an http(s) URL.'));
  return v;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The contract's settlement deadline: copied from the call when the contract
 * is recorded, or set there; it must fall after the signature. The unspent
 * money is due by it (§22 penalty from the next day).
 */
export function checkSettlementDueOn(input: { settlementDueOn: string; signedOn: string }): Violation[] {
  if (!isIsoDate(input.settlementDueOn)) return [invalid('settlementDueOn', 'The settlement deadline must be a date (YYYY-MM-DD).')];
  if (isIsoDate(input.signedOn) && input.settlementDueOn <= input.signedOn) {
    return [invalid('settlementDueOn', `The settlement deadline ${input.settlementDueOn} must be after the contract's signature (${input.signedOn}).`)];
  }
  return [];
}

/**
 * Changing the settlement deadline of a signed contract (an amendment): only
 * until the settlement is reviewed, for the review and the penalties judge by it
 * (CONTRACT_NOT_EDITABLE afterwards).
 */
export const SETTLEMENT_DEADLINE_EDITABLE_STATUSES: readonly ApplicationStatus[] = ['contracted', 'settlement_submitted'];

export function checkSettlementDeadlineChange(input: { status: ApplicationStatus; signedOn: string; settlementDueOn: string }): Violation[] {
  if (!SETTLEMENT_DEADLINE_EDITABLE_STATUSES.includes(input.status)) {
    return [
      {
        code: 'CONTRACT_NOT_EDITABLE',
        message: `The settlement deadline can be changed only until the settlement is reviewed; this application is "${input.status}".`,
      },
    ];
  }
  return checkSettlementDueOn(input);
}
