import type { ApplicationStatus } from '@app/applications/domain';
import { addDays, isIsoDate } from '@app/core/domain';
import { assertWholeCzk, czk, invalid, isPositiveCzk, isWholeCzk, type Violation } from './czk';
import { outstandingDebts, reviewDebts, settlementDebtAmounts } from './penalty';

export interface SettlementLine {
  /** A budget category of the application. */
  category: string;
  spentCzk: number;
}

export const SETTLEMENT_REPORT_MAX_LENGTH = 10_000;

/**
 * Days the recipient has to return what the review refused (the remedy
 * deadline), counted from the day after the review, unless the review sets
 * another date.
 */
export const DEFAULT_REMEDY_PERIOD_DAYS = 30;

interface PaidSoFar {
  /** Everything paid, returns not deducted. */
  paidCzk: number;
  /** Returned already (e.g. unused money sent back with the settlement). */
  returnedCzk: number;
}

function netPaid(input: PaidSoFar): number {
  assertWholeCzk('paidCzk', input.paidCzk);
  assertWholeCzk('returnedCzk', input.returnedCzk);
  if (input.returnedCzk > input.paidCzk) throw new RangeError(`returnedCzk ${input.returnedCzk} exceeds paidCzk ${input.paidCzk}`);
  return input.paidCzk - input.returnedCzk;
}

/**
 * The recipient's settlement: what was spent of the grant, per budget
 * category, and a short report. The grant money the recipient can have spent
 * is what was paid less what it already returned.
 */
export function checkSettlement(
  input: PaidSoFar & {
    status: ApplicationStatus;
    spentCzk: number;
    lines: readonly SettlementLine[];
    report: string;
    /** The application's budget categories; when given, every line must use one. */
    budgetCategories?: readonly string[];
  },
): Violation[] {
  const available = netPaid(input);
  const v: Violation[] = [];
  if (input.status !== 'contracted') {
    v.push({
      code: 'INVALID_STATUS_TRANSITION',
      message: `A settlement can be submitted only for a contracted application; this one is "${input.status}".`,
    });
  }

  const spentOk = isWholeCzk(input.spentCzk);
  if (!spentOk) v.push(invalid('spentCzk', 'The amount spent must be a whole, non-negative number of CZK.'));

  if (input.lines.length === 0) v.push(invalid('lines', 'The settlement needs at least one line.'));
  const categories = input.budgetCategories ? new Set(input.budgetCategories) : null;
  const seen = new Set<string>();
  let linesOk = true;
  let linesTotal = 0;
  input.lines.forEach((line, i) => {
    const at = `lines[${i}]`;
    const category = line.category.trim();
    if (category === '') v.push(invalid(`${at}.category`, 'A line needs a budget category.'));
    else if (seen.has(category)) v.push(invalid(`${at}.category`, `Category "${category}" is listed twice.`));
    else if (categories && !categories.has(category)) {
      v.push(invalid(`${at}.category`, `"${category}" is not a budget category of the application.`));
    }
    seen.add(category);
    if (!isWholeCzk(line.spentCzk)) {
      v.push(invalid(`${at}.spentCzk`, 'The amount spent must be a whole, non-negative number of CZK.'));
      linesOk = false;
    } else {
      linesTotal += line.spentCzk;
    }
  });
  if (spentOk && linesOk && input.lines.length > 0 && linesTotal !== input.spentCzk) {
    v.push(invalid('lines', `The lines add up to ${czk(linesTotal)}, not the ${czk(input.spentCzk)} declared as spent.`));
  }

  if (spentOk && input.spentCzk > available) {
    v.push({
      code: 'SETTLEMENT_EXCEEDS_PAYMENTS',
      field: 'spentCzk',
      message:
        input.returnedCzk > 0
          ? `${czk(input.spentCzk)} cannot have been spent of a grant of which ${czk(input.paidCzk)} was paid and ${czk(input.returnedCzk)} returned.`
          : `${czk(input.spentCzk)} cannot have been spent of a grant of which ${czk(input.paidCzk)} was paid.`,
    });
  }

  const report = input.report.trim();
  if (report === '') v.push(invalid('report', 'The settlement needs a report.'));
  else if (report.length > SETTLEMENT_REPORT_MAX_LENGTH) {
    v.push(invalid('report', `The report can have at most ${SETTLEMENT_REPORT_MAX_LENGTH.toLocaleString('en-US')} characters.`));
  }
  return v;
}

/**
 * The officer's review: what is accepted as properly spent, never more than
 * the recipient declared nor more than it holds of the grant. Accepting less
 * than declared needs a note saying why.
 */
export function checkSettlementReview(
  input: PaidSoFar & {
    status: ApplicationStatus;
    spentCzk: number;
    acceptedCzk: number;
    note: string;
    /** The remedy deadline the officer sets for what is refused; when given, a date after `today`. */
    remedyDueOn?: string;
    /** The review's Prague date. */
    today: string;
  },
): Violation[] {
  const available = netPaid(input);
  const v: Violation[] = [];
  if (input.remedyDueOn !== undefined) {
    if (!isIsoDate(input.remedyDueOn)) v.push(invalid('remedyDueOn', 'The remedy deadline must be a date (YYYY-MM-DD).'));
    else if (input.remedyDueOn <= input.today) {
      v.push(invalid('remedyDueOn', `The remedy deadline ${input.remedyDueOn} must be after the review (${input.today}).`));
    }
  }
  if (input.status !== 'settlement_submitted') {
    v.push({
      code: 'INVALID_STATUS_TRANSITION',
      message: `Only a submitted settlement can be reviewed; this application is "${input.status}".`,
    });
  }
  if (!isWholeCzk(input.acceptedCzk)) {
    v.push(invalid('acceptedCzk', 'The accepted amount must be a whole, non-negative number of CZK.'));
    return v;
  }
  if (input.acceptedCzk > input.spentCzk) {
    v.push(invalid('acceptedCzk', `${czk(input.acceptedCzk)} cannot be accepted: the recipient declared ${czk(input.spentCzk)} spent.`));
  }
  if (input.acceptedCzk > available) {
    v.push({
      code: 'SETTLEMENT_EXCEEDS_PAYMENTS',
      field: 'acceptedCzk',
      message: `${czk(input.acceptedCzk)} cannot be accepted: the recipient holds ${czk(available)} of the grant.`,
    });
  }
  if (input.acceptedCzk < input.spentCzk && input.note.trim() === '') {
    v.push(invalid('note', 'Say why part of the amount spent is not accepted.'));
  }
  return v;
}

export interface ReviewOutcome {
  /** paid − returned − accepted: what the recipient must still return. */
  returnDueCzk: number;
  /** The first deadline of what is still to return (the earliest-due debt not yet repaid); null when nothing is due. */
  returnDueOn: string | null;
  /** The unpaid rest of the award, released back to the part: nothing more is paid after the review. */
  releaseCzk: number;
  /** paid − spent: unspent money, due by the contract's settlement deadline (returned already or not); see settlementDebtAmounts. */
  unspentCzk: number;
  /** spent − accepted: refused by the review, due by the remedy deadline. */
  refusedCzk: number;
  /** The remedy deadline for the refused money; null when nothing is refused. */
  remedyDueOn: string | null;
}

/**
 * What follows from a review. Unspent money (paid − spent as settled) was due
 * by the contract's settlement deadline; what the review refuses (spent −
 * accepted) is due by the remedy deadline the review sets, by default
 * DEFAULT_REMEDY_PERIOD_DAYS after the review. Money already returned pays the
 * earliest-due debt first (outstandingDebts).
 */
export function settlementReviewOutcome(
  input: PaidSoFar & {
    awardCzk: number;
    spentCzk: number;
    acceptedCzk: number;
    reviewedOn: string;
    /** The contract's settlement deadline. */
    settlementDueOn: string;
    remedyDueOn?: string | null;
  },
): ReviewOutcome {
  const available = netPaid(input);
  assertWholeCzk('awardCzk', input.awardCzk);
  assertWholeCzk('acceptedCzk', input.acceptedCzk);
  if (input.acceptedCzk > available) throw new RangeError(`acceptedCzk ${input.acceptedCzk} exceeds what the recipient holds (${available})`);
  if (input.paidCzk > input.awardCzk) throw new RangeError(`paidCzk ${input.paidCzk} exceeds awardCzk ${input.awardCzk}`);
  if (!isIsoDate(input.reviewedOn)) throw new RangeError(`reviewedOn must be a date (YYYY-MM-DD), got ${JSON.stringify(input.reviewedOn)}`);
  const { unspentCzk, refusedCzk } = settlementDebtAmounts(input);
  const remedyDueOn = refusedCzk > 0 ? (input.remedyDueOn ?? addDays(input.reviewedOn, DEFAULT_REMEDY_PERIOD_DAYS)) : null;
  const debts = reviewDebts({ unspentCzk, refusedCzk, settlementDueOn: input.settlementDueOn, remedyDueOn });
  const open = outstandingDebts(debts, input.returnedCzk).filter((d) => d.outstandingCzk > 0);
  return {
    returnDueCzk: available - input.acceptedCzk,
    returnDueOn: open[0]?.dueOn ?? null,
    releaseCzk: input.awardCzk - input.paidCzk,
    unspentCzk,
    refusedCzk,
    remedyDueOn,
  };
}

/** Money comes back while the contract runs and until nothing is owed: contracted, settlement submitted, settled. */
export const RETURN_STATUSES: readonly ApplicationStatus[] = ['contracted', 'settlement_submitted', 'settled'];

export function checkReturnAccepted(status: ApplicationStatus): Violation[] {
  if (RETURN_STATUSES.includes(status)) return [];
  return [{ code: 'INVALID_STATUS_TRANSITION', message: `Nothing can be returned for an application that is ${status}.` }];
}

/**
 * Money received back from the recipient (POST …/returns): at most what it
 * owes plus what it still holds of the grant, received no later than today.
 */
export function checkReturn(input: {
  amountCzk: number;
  /** Claimed back by the review and not yet returned. */
  returnDueCzk: number;
  /** Paid, still with the recipient and not claimed back (a voluntary early return). */
  heldCzk: number;
  receivedOn: string;
  today: string;
}): Violation[] {
  assertWholeCzk('returnDueCzk', input.returnDueCzk);
  assertWholeCzk('heldCzk', input.heldCzk);
  const v: Violation[] = [];
  if (!isIsoDate(input.receivedOn)) v.push(invalid('receivedOn', 'The date received must be a date (YYYY-MM-DD).'));
  else if (input.receivedOn > input.today) v.push(invalid('receivedOn', `The date received ${input.receivedOn} is in the future.`));
  if (!isPositiveCzk(input.amountCzk)) {
    v.push(invalid('amountCzk', 'A return must be a positive whole number of CZK.'));
    return v;
  }
  const most = input.returnDueCzk + input.heldCzk;
  if (input.amountCzk > most) {
    v.push(
      invalid(
        'amountCzk',
        most === 0
          ? 'The recipient holds nothing of the grant and owes nothing back.'
          : `At most ${czk(most)} can be returned: ${czk(input.returnDueCzk)} due and ${czk(input.heldCzk)} still held of the grant.`,
      ),
    );
  }
  return v;
}

/** No settlement submitted and its deadline (inclusive) has passed. */
export function isSettlementOverdue(input: { settlementDueOn: string; submittedOn: string | null; today: string }): boolean {
  return input.submittedOn === null && input.today > input.settlementDueOn;
}

/** What money received back does, decided from what is owed when it arrives. */
export interface ReturnEffect {
  /** It pays the §22 penalty (everything claimed is back and a penalty is due), or it returns grant money. */
  kind: 'penalty_payment' | 'return';
  /** Of a penalty payment: the amount. */
  penaltyPaidCzk: number;
  /** Of a return: the amount. */
  returnedCzk: number;
  /** Of a return: how much of it settles what the review claimed. */
  fromDueCzk: number;
  /** What the review still claims afterwards. */
  stillDueCzk: number;
  /** This return completes the claim: the penalty for its late parts is assessed now (assessPenalty). */
  completesClaim: boolean;
}

/**
 * Money received back: once everything claimed is back and a penalty is due it
 * pays the penalty (at most what is due); otherwise it is a return (checkReturn):
 * what the review claimed first, then (before the review) money still held.
 */
export function decideReturn(input: {
  amountCzk: number;
  receivedOn: string;
  today: string;
  /** Claimed back by the review and not yet returned. */
  returnDueCzk: number;
  /** The §22 penalty levied and not yet paid. */
  penaltyDueCzk: number;
  /** Paid, still with the recipient and not claimed back (0 once the settlement is reviewed). */
  heldCzk: number;
}): { violations: Violation[]; effect: ReturnEffect | null } {
  const { amountCzk, returnDueCzk, penaltyDueCzk } = input;
  if (returnDueCzk === 0 && penaltyDueCzk > 0) {
    if (amountCzk > penaltyDueCzk) return { violations: [invalid('amountCzk', `Only the penalty of ${czk(penaltyDueCzk)} is still owed.`)], effect: null };
    return {
      violations: [],
      effect: { kind: 'penalty_payment', penaltyPaidCzk: amountCzk, returnedCzk: 0, fromDueCzk: 0, stillDueCzk: 0, completesClaim: false },
    };
  }
  const violations = checkReturn(input);
  if (violations.length) return { violations, effect: null };
  const fromDueCzk = Math.min(amountCzk, returnDueCzk);
  return {
    violations: [],
    effect: {
      kind: 'return',
      penaltyPaidCzk: 0,
      returnedCzk: amountCzk,
      fromDueCzk,
      stillDueCzk: returnDueCzk - fromDueCzk,
      completesClaim: returnDueCzk > 0 && fromDueCzk === returnDueCzk,
    },
  };
}

/** A settled grant closes when nothing is owed any more: no claim and no penalty left. */
export function closesWhenNothingOwed(input: { status: ApplicationStatus; stillDueCzk: number; penaltyDueCzk: number }): boolean {
  return input.status === 'settled' && input.stillDueCzk === 0 && input.penaltyDueCzk === 0;
}
