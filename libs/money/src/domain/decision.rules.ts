import type { ApplicationStatus } from '@app/applications/domain';
import { isIsoDate } from '@app/core/domain';
import { assertWholeCzk, czk, invalid, isPositiveCzk, type Violation } from './czk';

export type ApprovingBody = 'council' | 'assembly';
export type DecisionOutcome = 'approved' | 'rejected';

export const APPROVING_BODIES: readonly ApprovingBody[] = ['council', 'assembly'];

/**
 * The most the City Council (Rada) may award one recipient in a calendar year;
 * above it only the Assembly (Zastupitelstvo) decides. "Up to" is inclusive:
 * a year total of exactly CZK 1,000,000 is still the Council's.
 */
export const COUNCIL_LIMIT_CZK = 1_000_000;
/** The limit for resolutions passed before 2024. */
export const COUNCIL_LIMIT_BEFORE_2024_CZK = 200_000;
const CURRENT_LIMIT_SINCE_YEAR = 2024;

const BODY_LABEL: Record<ApprovingBody, string> = { council: 'the City Council', assembly: 'the City Assembly' };

/**
 * The Council's limit that applies to a resolution, by the calendar year of its
 * date. `thresholdCzk` (configuration) replaces the current limit only: the
 * limit of resolutions passed before 2024 is history and stays CZK 200,000.
 */
export function councilLimitFor(resolutionDate: string, thresholdCzk?: number): number {
  if (!isIsoDate(resolutionDate)) throw new RangeError(`resolutionDate must be a date (YYYY-MM-DD), got ${JSON.stringify(resolutionDate)}`);
  if (thresholdCzk !== undefined) assertWholeCzk('thresholdCzk', thresholdCzk);
  if (Number(resolutionDate.slice(0, 4)) < CURRENT_LIMIT_SINCE_YEAR) return COUNCIL_LIMIT_BEFORE_2024_CZK;
  return thresholdCzk ?? COUNCIL_LIMIT_CZK;
}

/**
 * The lowest body competent to award `amountCzk`: the Council while everything
 * awarded to the recipient (same IČO, every programme and call of the city) in
 * the calendar year of the resolution, this award included, stays within the
 * limit; the Assembly above it. The Assembly may always decide instead: it can
 * reserve any decision to itself.
 */
export function approvingBodyFor(input: {
  /** Awarded to the same IČO in the resolution's calendar year before this award. */
  yearTotalBeforeCzk: number;
  amountCzk: number;
  resolutionDate: string;
  thresholdCzk?: number;
}): ApprovingBody {
  assertWholeCzk('yearTotalBeforeCzk', input.yearTotalBeforeCzk);
  assertWholeCzk('amountCzk', input.amountCzk);
  const limit = councilLimitFor(input.resolutionDate, input.thresholdCzk);
  return input.yearTotalBeforeCzk + input.amountCzk <= limit ? 'council' : 'assembly';
}

/** The amount an approval awards: the one given, else the commission's proposal. */
export function awardAmountOf(input: { amountCzk?: number | null; proposedCzk: number | null }): number | null {
  return input.amountCzk ?? input.proposedCzk ?? null;
}

/** What a resolution does, once checkDecision found nothing wrong with it. */
export interface DecisionEffect {
  /** The application's new status. */
  status: Extract<ApplicationStatus, 'approved' | 'rejected'>;
  /** The award committed against the part (null for a rejection). */
  awardCzk: number | null;
  /** The reasons as the letter gives them: trimmed, blank ones dropped. */
  reasons: string[];
  /** Why an approval deviates from the DOT Commission (trimmed; null when none was given or for a rejection). */
  deviationReason: string | null;
}

/** The effect of a resolution: its status, its award (the amount given, else the proposal), its reasons and its reason for deviating. */
export function decisionEffect(input: {
  outcome: DecisionOutcome;
  amountCzk?: number | null;
  proposedCzk: number | null;
  reasons?: readonly string[];
  deviationReason?: string | null;
}): DecisionEffect {
  const approved = input.outcome === 'approved';
  return {
    status: approved ? 'approved' : 'rejected',
    awardCzk: approved ? awardAmountOf(input) : null,
    reasons: (input.reasons ?? []).map((r) => r.trim()).filter((r) => r !== ''),
    deviationReason: approved ? blankToNull(input.deviationReason) : null,
  };
}

function blankToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Whether an approval of `amountCzk` deviates from the DOT Commission: the
 * commission did not recommend the application, or the award is above its
 * proposal (a recommended application the funding line left without money has
 * a proposal of 0, or none).
 */
export function deviatesFromCommission(input: { status: ApplicationStatus; amountCzk: number; proposedCzk: number | null }): boolean {
  return input.status === 'not_recommended' || input.amountCzk > (input.proposedCzk ?? 0);
}

export interface DecisionInput {
  /** The application's current status. */
  status: ApplicationStatus;
  outcome: DecisionOutcome;
  /** For an approval; when absent the commission's proposal is awarded. */
  amountCzk?: number | null;
  requestedCzk: number;
  proposedCzk: number | null;
  body: ApprovingBody;
  resolutionNumber: string;
  resolutionDate: string;
  /** Why an application is rejected; required for a rejection. */
  reasons?: readonly string[];
  /** Awarded to the same IČO in the resolution's calendar year, this application excluded: the amounts of its approval decisions. */
  yearTotalBeforeCzk: number;
  /** Configured Council limit from 2024 on; default CZK 1,000,000. */
  thresholdCzk?: number;
  /** Today in Prague: a resolution is recorded once passed, so never dated later. */
  today: string;
  /**
   * The Prague date the evaluation of the application's call closed (null while open): the resolution decides on
   * the commission's results, so it cannot be dated earlier (nor count against an earlier year's Council limit).
   */
  evaluationClosedOn: string | null;
  /** Why the Council or Assembly deviates from the commission: required to approve a not recommended application or above the proposal. */
  deviationReason?: string | null;
}

export const DEVIATION_REASON_MAX_LENGTH = 2000;

export const RESOLUTION_NUMBER_MAX_LENGTH = 100;

/**
 * Every reason the decision cannot be recorded. `recommended` and
 * `not_recommended` applications can be approved or rejected; approving a
 * `not_recommended` one, or above the commission's proposal, deviates from the
 * DOT Commission and needs the reason (DEVIATION_REASON_REQUIRED), which is
 * refused where there is no deviation. The resolution is dated from the day
 * the call's evaluation closed (RESOLUTION_BEFORE_EVALUATION_CLOSE). The
 * approving-body rule applies to approvals: a rejection awards nothing, so
 * either body may record it.
 */
export function checkDecision(input: DecisionInput): Violation[] {
  const v: Violation[] = [];
  const { outcome, status } = input;

  const decidable = status === 'recommended' || status === 'not_recommended';
  if (outcome === 'approved' && !decidable) {
    v.push({
      code: 'INVALID_STATUS_TRANSITION',
      message: `An application in status "${status}" cannot be approved; only a recommended or not recommended one can.`,
    });
  } else if (outcome === 'rejected' && status !== 'recommended' && status !== 'not_recommended') {
    v.push({
      code: 'INVALID_STATUS_TRANSITION',
      message: `An application in status "${status}" cannot be decided; only recommended and not recommended ones can.`,
    });
  }

  if (!APPROVING_BODIES.includes(input.body)) {
    v.push(invalid('body', 'The approving body must be "council" or "assembly".'));
  }
  const resolutionNumber = input.resolutionNumber.trim();
  if (resolutionNumber === '') v.push(invalid('resolutionNumber', 'The resolution number is required.'));
  else if (resolutionNumber.length > RESOLUTION_NUMBER_MAX_LENGTH) {
    v.push(invalid('resolutionNumber', `The resolution number can have at most ${RESOLUTION_NUMBER_MAX_LENGTH} characters.`));
  }
  const dateOk = isIsoDate(input.resolutionDate);
  const beforeClose = dateOk && input.evaluationClosedOn !== null && input.resolutionDate < input.evaluationClosedOn;
  if (!dateOk) v.push(invalid('resolutionDate', 'The resolution date must be a date (YYYY-MM-DD).'));
  else if (input.resolutionDate > input.today) {
    v.push(invalid('resolutionDate', `The resolution date ${input.resolutionDate} is in the future; record a resolution once it is passed.`));
  } else if (beforeClose) {
    v.push({
      code: 'RESOLUTION_BEFORE_EVALUATION_CLOSE',
      field: 'resolutionDate',
      message:
        `The resolution date ${input.resolutionDate} is before the evaluation of the call closed (${input.evaluationClosedOn}): ` +
        "the Council or the Assembly decides on the commission's results, so not earlier.",
    });
  }
  const deviationReason = blankToNull(input.deviationReason);
  if (deviationReason !== null && deviationReason.length > DEVIATION_REASON_MAX_LENGTH) {
    v.push(invalid('deviationReason', `The reason for deviating can have at most ${DEVIATION_REASON_MAX_LENGTH} characters.`));
  }
  const noDeviation = (): Violation =>
    invalid('deviationReason', "The award follows the DOT Commission's recommendation and proposal: there is no deviation to give a reason for.");

  if (outcome === 'rejected') {
    if (input.amountCzk !== undefined && input.amountCzk !== null) {
      v.push(invalid('amountCzk', 'A rejection awards nothing; leave the amount out.'));
    }
    const reasons = input.reasons ?? [];
    if (!reasons.some((r) => r.trim() !== '')) {
      v.push(invalid('reasons', 'A rejection must give the applicant its reasons.'));
    }
    reasons.forEach((r, i) => {
      if (r.trim() === '') v.push(invalid(`reasons[${i}]`, 'A reason cannot be empty.'));
    });
    if (deviationReason !== null) v.push(noDeviation());
    return v;
  }

  const amount = awardAmountOf(input);
  if (amount === null || !isPositiveCzk(amount)) {
    v.push(
      invalid(
        'amountCzk',
        amount === null || amount === 0
          ? 'An approval must award a positive amount; there is no proposal to fall back on.'
          : 'The amount must be a positive whole number of CZK.',
      ),
    );
    return v;
  }
  if (amount > input.requestedCzk) {
    v.push({
      code: 'PROPOSAL_EXCEEDS_REQUEST',
      field: 'amountCzk',
      message: `The awarded ${czk(amount)} is more than the ${czk(input.requestedCzk)} requested.`,
    });
  }
  // An award above the request is refused whatever the reason: no reason is asked for it.
  if (decidable && amount <= input.requestedCzk) {
    const deviates = deviatesFromCommission({ status, amountCzk: amount, proposedCzk: input.proposedCzk });
    if (deviates && deviationReason === null) {
      v.push({
        code: 'DEVIATION_REASON_REQUIRED',
        field: 'deviationReason',
        message:
          status === 'not_recommended'
            ? 'The DOT Commission did not recommend this application: an approval must give the reason for deviating from its recommendation (deviationReason).'
            : `The award of ${czk(amount)} is above the DOT Commission's proposal of ${czk(input.proposedCzk ?? 0)}: give the reason for deviating from it (deviationReason).`,
      });
    } else if (!deviates && deviationReason !== null) {
      v.push(noDeviation());
    }
  }

  // The year of a resolution dated before the close is no year to count the Council's limit in.
  if (dateOk && !beforeClose && input.body === 'council') {
    const required = approvingBodyFor({
      yearTotalBeforeCzk: input.yearTotalBeforeCzk,
      amountCzk: amount,
      resolutionDate: input.resolutionDate,
      thresholdCzk: input.thresholdCzk,
    });
    if (required === 'assembly') {
      const year = input.resolutionDate.slice(0, 4);
      const limit = councilLimitFor(input.resolutionDate, input.thresholdCzk);
      v.push({
        code: 'ASSEMBLY_DECISION_REQUIRED',
        field: 'body',
        message:
          `With this award of ${czk(amount)}, the recipient's awards in ${year} come to ${czk(input.yearTotalBeforeCzk + amount)}, ` +
          `above the ${czk(limit)} that ${BODY_LABEL.council} may award one recipient in a year; ${BODY_LABEL.assembly} must decide.`,
      });
    }
  }
  return v;
}
