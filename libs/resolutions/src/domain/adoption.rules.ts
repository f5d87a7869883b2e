import type { ApplicationStatus } from '@app/applications/domain';
import type { Violation } from '@app/core/domain';
import {
  type ApprovingBody,
  checkCommitment,
  checkDecision,
  checkStaffConflict,
  czk,
  decisionEffect,
  type DecisionOutcome,
} from '@app/money/domain';

/** A line's outcome in the annex: `ineligible` lines are listed, not decided (their letter went out at the formal check). */
export type AdoptionLineOutcome = DecisionOutcome | 'ineligible';

/** The resolution itself, read with its row locked. */
export interface ResolutionToAdopt {
  status: 'draft' | 'adopted' | 'rejected' | 'withdrawn';
  body: ApprovingBody;
}

/** One annex line as drafted, with its application as the adoption finds it (all locked). */
export interface AdoptionLine {
  applicationId: string;
  outcome: AdoptionLineOutcome;
  /** The award of an approved line. */
  amountCzk: number | null;
  /** Why a line is rejected (or ineligible). */
  reason: string | null;
  deviationReason: string | null;
  /** The application now. */
  status: ApplicationStatus;
  requestedCzk: number;
  proposedCzk: number | null;
  partId: string;
  /** The part's code, for the messages. */
  partCode: string;
  ico: string;
  /** The Prague date the call's evaluation closed (null while open). */
  evaluationClosedOn: string | null;
  /** The adopting officer is affiliated with the applicant organisation. */
  affiliated: boolean;
}

export interface AdoptionInput {
  body: ApprovingBody;
  resolutionNumber: string;
  resolutionDate: string;
  /** Today in Prague. */
  today: string;
  /** Configured Council limit from 2024 on (COUNCIL_THRESHOLD_CZK). */
  thresholdCzk?: number;
  /** The annex's lines in their order (the order the IČO totals and the part totals accumulate in). */
  lines: readonly AdoptionLine[];
  /** Every IČO's approved awards in the resolution's year before this resolution (missing: 0). */
  yearTotals: ReadonlyMap<string, number>;
  /** Every part's allocation less its commitments now (missing: 0). */
  availableByPart: ReadonlyMap<string, number>;
}

/** What one decided line does: exactly what the single decision would record for it. */
export interface AdoptionDecision {
  applicationId: string;
  partId: string;
  ico: string;
  outcome: DecisionOutcome;
  status: Extract<ApplicationStatus, 'approved' | 'rejected'>;
  /** The award committed (null for a rejection). */
  awardCzk: number | null;
  reasons: string[];
  deviationReason: string | null;
  /** The application before the decision, as the audit event shows it. */
  before: { status: ApplicationStatus; proposedCzk: number | null };
}

/** A line that cannot be decided as drafted: the single decision's code and every reason. */
export interface AdoptionViolation {
  applicationId: string;
  code: Violation['code'];
  message: string;
}

/** The adoption's plan: nothing may be written unless `violations` is empty. */
export interface AdoptionPlan {
  violations: AdoptionViolation[];
  /** The approved and rejected lines, in the annex's order (ineligible lines record nothing new). */
  decisions: AdoptionDecision[];
  /** The award committed per part. */
  committedByPart: Map<string, number>;
}

/**
 * Whether the resolution can be adopted at all: a draft (409
 * RESOLUTION_NOT_DRAFT), by the body it was drafted for (422
 * RESOLUTION_BODY_MISMATCH).
 */
export function checkAdoptable(resolution: ResolutionToAdopt, body: ApprovingBody): Violation[] {
  if (resolution.status !== 'draft') {
    return [{ code: 'RESOLUTION_NOT_DRAFT', message: `The resolution is ${resolution.status}, not a draft: it cannot be adopted.` }];
  }
  if (resolution.body !== body) {
    return [
      {
        code: 'RESOLUTION_BODY_MISMATCH',
        field: 'body',
        message: `The resolution was drafted for the ${bodyName(resolution.body)}; it cannot be adopted as the ${bodyName(body)}'s.`,
      },
    ];
  }
  return [];
}

/**
 * The staff conflict of interest of every line (checkStaffConflict, act
 * `decide`): an officer affiliated with any applicant organisation of the annex
 * cannot adopt it, as they could not decide that application alone.
 */
export function adoptionConflicts(lines: readonly AdoptionLine[]): AdoptionViolation[] {
  return lines.flatMap((line) => {
    if (line.outcome === 'ineligible') return [];
    return violationOf(line.applicationId, checkStaffConflict({ act: 'decide', affiliated: line.affiliated }));
  });
}

/**
 * Every line judged by the single decision's rules (checkDecision,
 * decisionEffect, checkCommitment), as if the lines were decided one by one
 * in the annex's order: each approval counts against its IČO's yearly total
 * for the Council's limit of the lines after it, and against its part's
 * available allocation. An `ineligible` line decides nothing; it is refused
 * only if its application is no longer ineligible. Every offending line is
 * listed, once, with the code of its first violation and all its messages.
 */
export function planAdoption(input: AdoptionInput): AdoptionPlan {
  const violations: AdoptionViolation[] = [];
  const decisions: AdoptionDecision[] = [];
  const yearTotals = new Map(input.yearTotals);
  const committedByPart = new Map<string, number>();

  for (const line of input.lines) {
    if (line.outcome === 'ineligible') {
      if (line.status !== 'ineligible') {
        violations.push({
          applicationId: line.applicationId,
          code: 'INVALID_STATUS_TRANSITION',
          message: `The annex lists the application as ineligible, but it is now "${line.status}".`,
        });
      }
      continue;
    }
    const reasons = line.reason === null ? [] : [line.reason];
    const amountCzk = line.outcome === 'approved' ? line.amountCzk : null;
    const yearTotalBeforeCzk = yearTotals.get(line.ico) ?? 0;
    const found = checkDecision({
      status: line.status,
      outcome: line.outcome,
      amountCzk,
      requestedCzk: line.requestedCzk,
      proposedCzk: line.proposedCzk,
      body: input.body,
      resolutionNumber: input.resolutionNumber,
      resolutionDate: input.resolutionDate,
      reasons,
      deviationReason: line.deviationReason,
      yearTotalBeforeCzk,
      thresholdCzk: input.thresholdCzk,
      today: input.today,
      evaluationClosedOn: line.evaluationClosedOn,
    });
    const effect = decisionEffect({ outcome: line.outcome, amountCzk, proposedCzk: line.proposedCzk, reasons, deviationReason: line.deviationReason });
    const award = effect.awardCzk;
    if (award !== null && Number.isSafeInteger(award) && award > 0) {
      yearTotals.set(line.ico, yearTotalBeforeCzk + award);
      const before = committedByPart.get(line.partId) ?? 0;
      const available = (input.availableByPart.get(line.partId) ?? 0) - before;
      committedByPart.set(line.partId, before + award);
      for (const v of checkCommitment({ availableCzk: available, amountCzk: award })) {
        found.push({
          code: v.code,
          field: 'amountCzk',
          message:
            `With this award of ${czk(award)}, the annex commits ${czk(before + award)} of part ${line.partCode}, ` +
            `which has ${czk(input.availableByPart.get(line.partId) ?? 0)} left of its allocation.`,
        });
      }
    }
    if (found.length) {
      violations.push(...violationOf(line.applicationId, found));
      continue;
    }
    decisions.push({
      applicationId: line.applicationId,
      partId: line.partId,
      ico: line.ico,
      outcome: line.outcome,
      status: effect.status,
      awardCzk: award,
      reasons: effect.reasons,
      deviationReason: effect.deviationReason,
      before: { status: line.status, proposedCzk: line.proposedCzk },
    });
  }
  return { violations, decisions, committedByPart };
}

/** The errors[] entries of a refused adoption: one per offending line. */
export function adoptionProblems(violations: readonly AdoptionViolation[]): { field: string; code: Violation['code']; message: string }[] {
  return violations.map((v) => ({ field: `lines.${v.applicationId}`, code: v.code, message: v.message }));
}

function violationOf(applicationId: string, found: readonly Violation[]): AdoptionViolation[] {
  if (!found.length) return [];
  return [{ applicationId, code: found[0].code, message: found.map((v) => v.message).join(' ') }];
}

function bodyName(body: ApprovingBody): string {
  return body === 'council' ? 'City Council' : 'City Assembly';
}
