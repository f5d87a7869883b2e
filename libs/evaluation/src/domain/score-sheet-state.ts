import type { ScoringWindowState } from './scoring.rules';
import type { Violation } from './violation';

/** A sheet is a draft, open to its member alone, until they submit it; only submitted sheets count. */
export const SCORE_SHEET_STATES = ['draft', 'submitted'] as const;
export type ScoreSheetState = (typeof SCORE_SHEET_STATES)[number];

const SUBMITTED: Violation = {
  code: 'SCORE_SHEET_SUBMITTED',
  message: 'Your score sheet is submitted and can no longer change; ask the chair of the commission to reopen it.',
};

/**
 * PUT /applications/:id/scores saves the member's draft (after checkMayScore
 * and checkScoreSheet): a draft changes as often as the member likes, a
 * submitted sheet does not (the peers' scores may have been read).
 */
export function checkMaySaveDraft(state: ScoreSheetState | null): Violation[] {
  return state === 'submitted' ? [SUBMITTED] : [];
}

/** POST /applications/:id/scores/submit (after checkMayScore): there must be a draft to submit. */
export function checkMaySubmit(state: ScoreSheetState | null): Violation[] {
  if (state === null) return [{ code: 'NOT_FOUND', message: 'You have no saved score sheet for this application: save it first, then submit it.' }];
  return state === 'submitted' ? [SUBMITTED] : [];
}

/**
 * POST /applications/:id/scores/:memberId/reopen: only the chair, never on
 * an application they are in conflict with nor on their own sheet (nobody
 * reopens for themselves what the rule closes), only a submitted sheet and
 * only while the evaluation runs. The most fundamental refusal alone.
 */
export function checkMayReopen(input: {
  callerIsChair: boolean;
  callerConflicted: boolean;
  ownSheet: boolean;
  window: ScoringWindowState;
  state: ScoreSheetState | null;
}): Violation[] {
  if (!input.callerIsChair) return [{ code: 'NOT_COMMISSION_CHAIR', message: 'Only the chair of the commission may reopen a submitted score sheet.' }];
  if (input.callerConflicted) {
    return [{ code: 'CONFLICT_OF_INTEREST', message: 'You have a conflict of interest with this application: its score sheets are not yours to reopen.' }];
  }
  if (input.ownSheet) return [{ code: 'FORBIDDEN', message: 'The chair cannot reopen their own score sheet.' }];
  if (input.window === 'closed') return [{ code: 'SCORING_CLOSED', message: 'The evaluation of this call is closed; scores are frozen.' }];
  if (input.state === null) return [{ code: 'NOT_FOUND', message: 'This member has no score sheet for this application.' }];
  if (input.state === 'draft') return [{ code: 'SCORE_SHEET_NOT_SUBMITTED', message: 'This score sheet is a draft: its member may still change it.' }];
  return [];
}
