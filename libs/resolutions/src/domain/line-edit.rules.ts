import type { Violation } from '@app/core/domain';
import { checkDecision, decisionEffect, deviatesFromCommission, invalid } from '@app/money/domain';
import { BELOW_FUNDING_LINE_REASON, NOT_RECOMMENDED_REASON } from './draft-lines';
import type { CommissionStatus, LineState } from './resolution.types';

/** What an officer changes on a line (PATCH /resolutions/:id/lines/:applicationId); absent fields stay. */
export interface LineEdit {
  outcome?: 'approved' | 'rejected';
  amountCzk?: number;
  reason?: string;
  deviationReason?: string;
}

/** The line being edited, with what the commission concluded. */
export interface EditedLine extends LineState {
  commissionStatus: CommissionStatus;
  requestedCzk: number;
  proposedCzk: number | null;
}

export const LINE_REASON_MAX_LENGTH = 2000;

/** The fields of a single decision that belong to the resolution as a whole: judged at adoption, not per line. */
const RESOLUTION_FIELDS = new Set(['body', 'resolutionNumber', 'resolutionDate']);

/**
 * The line after the edit, or every reason it cannot be made. The line is
 * judged by the rules of a single decision (money's checkDecision): only a
 * recommended or not recommended application can be approved or rejected
 * (INVALID_STATUS_TRANSITION for an ineligible one), an approval awards a
 * positive amount at most the request (PROPOSAL_EXCEEDS_REQUEST), an approval
 * that deviates from the commission (not recommended, or above its proposal)
 * needs the reason (DEVIATION_REASON_REQUIRED), which is refused where nothing
 * deviates, a rejection needs a reason and awards nothing. The resolution's
 * number, date and body are the whole resolution's, checked when it is adopted;
 * the Council's limit moves a line to the Assembly's draft instead of refusing it.
 *
 * What an edit leaves out keeps its value: an approval keeps its amount (a
 * rejected line turned approved takes the commission's proposal), a rejection
 * its reason (a line turned rejected takes the default reason); a reason for
 * deviating that no longer applies after a change of the amount is dropped.
 */
export function editLine(line: EditedLine, edit: LineEdit, today: string): { violations: Violation[]; line: LineState } {
  const outcome = edit.outcome ?? (line.outcome === 'ineligible' ? 'rejected' : line.outcome);
  const violations: Violation[] = [];
  if (outcome === 'approved') {
    const amountCzk = edit.amountCzk ?? (line.outcome === 'approved' ? line.amountCzk : null) ?? line.proposedCzk;
    if (edit.reason !== undefined) {
      violations.push(invalid('reason', 'An approval gives no reason; give deviationReason when it deviates from the DOT Commission.'));
    }
    const deviates =
      amountCzk !== null &&
      line.commissionStatus !== 'ineligible' &&
      deviatesFromCommission({ status: line.commissionStatus, amountCzk, proposedCzk: line.proposedCzk });
    // A reason given earlier stays while the approval still deviates; one sent now is judged as sent.
    const deviationReason = edit.deviationReason ?? (deviates ? line.deviationReason : null);
    violations.push(
      ...lineRules({
        line,
        outcome,
        amountCzk,
        deviationReason,
        today,
      }),
    );
    const effect = decisionEffect({ outcome, amountCzk, proposedCzk: line.proposedCzk, deviationReason });
    return { violations, line: { outcome, amountCzk: effect.awardCzk, reason: null, deviationReason: effect.deviationReason } };
  }
  const reason = edit.reason ?? (line.outcome === 'rejected' ? line.reason : defaultRejection(line.commissionStatus));
  violations.push(
    ...lineRules({
      line,
      outcome,
      amountCzk: edit.amountCzk ?? null,
      reasons: [reason ?? ''],
      deviationReason: edit.deviationReason ?? null,
      today,
    }),
  );
  if (reason !== null && reason.trim().length > LINE_REASON_MAX_LENGTH) {
    violations.push(invalid('reason', `The reason can have at most ${LINE_REASON_MAX_LENGTH} characters.`));
  }
  const effect = decisionEffect({ outcome, proposedCzk: line.proposedCzk, reasons: [reason ?? ''] });
  return { violations, line: { outcome, amountCzk: null, reason: effect.reasons[0] ?? null, deviationReason: null } };
}

function defaultRejection(status: CommissionStatus): string {
  return status === 'not_recommended' ? NOT_RECOMMENDED_REASON : BELOW_FUNDING_LINE_REASON;
}

/** money's checkDecision on the line, as if the Assembly (which may decide anything) resolved it today; the resolution's own fields left out. */
function lineRules(input: {
  line: EditedLine;
  outcome: 'approved' | 'rejected';
  amountCzk: number | null;
  reasons?: string[];
  deviationReason: string | null;
  today: string;
}): Violation[] {
  return checkDecision({
    status: input.line.commissionStatus === 'ineligible' ? 'ineligible' : input.line.commissionStatus,
    outcome: input.outcome,
    amountCzk: input.amountCzk,
    requestedCzk: input.line.requestedCzk,
    proposedCzk: input.line.proposedCzk,
    body: 'assembly',
    resolutionNumber: 'draft',
    resolutionDate: input.today,
    reasons: input.reasons,
    deviationReason: input.deviationReason,
    yearTotalBeforeCzk: 0,
    today: input.today,
    evaluationClosedOn: null,
  })
    .filter((v) => v.field === undefined || !RESOLUTION_FIELDS.has(v.field))
    .map((v) => (v.field === 'reasons' || v.field?.startsWith('reasons[') ? { ...v, field: 'reason' } : v));
}
