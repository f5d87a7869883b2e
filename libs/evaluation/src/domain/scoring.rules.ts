import { invalid, type Violation } from './violation';

export interface CriterionTerms {
  code: string;
  maxPoints: number;
}

export interface CriterionPoints {
  criterionCode: string;
  points: number;
}

/**
 * A member's score sheet: every criterion of the call exactly once, each
 * with whole points from 0 to the criterion's maximum. Every problem at once.
 */
export function checkScoreSheet(input: { criteria: readonly CriterionTerms[]; points: readonly CriterionPoints[] }): Violation[] {
  const maxByCode = new Map(input.criteria.map((c) => [c.code, c.maxPoints]));
  const v: Violation[] = [];
  const scored = new Set<string>();
  input.points.forEach(({ criterionCode, points }, i) => {
    const at = `points[${i}]`;
    const max = maxByCode.get(criterionCode);
    if (max === undefined) {
      v.push(invalid(`${at}.criterionCode`, `"${criterionCode}" is not a criterion of this call.`));
      return;
    }
    if (scored.has(criterionCode)) v.push(invalid(`${at}.criterionCode`, `Criterion ${criterionCode} is scored twice.`));
    scored.add(criterionCode);
    if (!Number.isInteger(points) || points < 0 || points > max) {
      v.push({
        code: 'POINTS_OUT_OF_RANGE',
        field: `${at}.points`,
        message: `Criterion ${criterionCode} takes whole points from 0 to ${max}; got ${String(points)}.`,
      });
    }
  });
  const missing = input.criteria.filter((c) => !scored.has(c.code)).map((c) => c.code);
  if (missing.length > 0) {
    v.push(invalid('points', `Every criterion must be scored; missing: ${missing.join(', ')}.`));
  }
  return v;
}

/** The sheet's total: the sum of its points (of a sheet that passed checkScoreSheet). */
export function sheetTotal(points: readonly CriterionPoints[]): number {
  return points.reduce((sum, p) => sum + p.points, 0);
}

/** The sum of the criteria's maximum points: the top of the scoring scale. */
export function maxTotal(criteria: readonly CriterionTerms[]): number {
  return criteria.reduce((sum, c) => sum + c.maxPoints, 0);
}

export type ScoringWindowState = 'not_open' | 'open' | 'closed';

/** Scoring runs from the moment submissions close (instants, not dates) until the officer closes the evaluation. */
export function scoringWindow(input: { now: Date; submissionClosesAt: Date; evaluationClosedAt: Date | null }): ScoringWindowState {
  if (input.evaluationClosedAt !== null) return 'closed';
  return input.now.getTime() < input.submissionClosesAt.getTime() ? 'not_open' : 'open';
}

/**
 * May this member save a score sheet for this application now? The checks of
 * PUT /applications/:id/scores other than the sheet itself, most fundamental
 * first (the first one names the error).
 */
export function checkMayScore(input: {
  isCommissionMember: boolean;
  /** The member's declaration for this application, if made. */
  declaration: { hasConflict: boolean } | null;
  window: ScoringWindowState;
}): Violation[] {
  if (!input.isCommissionMember) {
    return [{ code: 'NOT_A_COMMISSION_MEMBER', message: "You are not a member of this call's commission." }];
  }
  const v: Violation[] = [];
  if (input.declaration === null) {
    v.push({ code: 'COI_DECLARATION_REQUIRED', message: 'Declare whether you have a conflict of interest before scoring this application.' });
  } else if (input.declaration.hasConflict) {
    v.push({ code: 'CONFLICT_OF_INTEREST', message: 'You declared a conflict of interest with this application and cannot score it.' });
  }
  if (input.window === 'not_open') {
    v.push({ code: 'SCORING_NOT_OPEN', message: 'Scoring opens when the submission period closes.' });
  } else if (input.window === 'closed') {
    v.push({ code: 'SCORING_CLOSED', message: 'The evaluation of this call is closed; scores are frozen.' });
  }
  return v;
}
