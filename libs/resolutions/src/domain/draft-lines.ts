import { compareReferenceNumbers } from '@app/evaluation/domain';
import { approvingBodyFor } from '@app/money/domain';
import type { DraftCandidate, LineState, ResolutionBody } from './resolution.types';

/** The default reason of a line the DOT Commission did not recommend. */
export const NOT_RECOMMENDED_REASON = 'Nedoporučeno Komisí DOT k financování.';
/** The default reason of a recommended line the funding line left without money (no proposal, or 0). */
export const BELOW_FUNDING_LINE_REASON = 'Pod hranicí financování: alokace okruhu byla vyčerpána žádostmi s lepším pořadím.';
/** An ineligible application's reason when its formal check gave none (it always does; kept for old records). */
export const INELIGIBLE_REASON = 'Žádost nesplnila formální náležitosti.';

/**
 * The outcome a line starts with when the draft is built, from what the
 * commission concluded: a recommended application with a proposal above 0 is
 * approved with the proposal; a recommended one below the funding line and a
 * not recommended one are rejected with the default reason; an ineligible one
 * stays ineligible with the formal check's reasons.
 */
export function defaultLine(candidate: Pick<DraftCandidate, 'commissionStatus' | 'proposedCzk' | 'ineligibleReasons'>): LineState {
  switch (candidate.commissionStatus) {
    case 'recommended':
      return candidate.proposedCzk !== null && candidate.proposedCzk > 0
        ? { outcome: 'approved', amountCzk: candidate.proposedCzk, reason: null, deviationReason: null }
        : { outcome: 'rejected', amountCzk: null, reason: BELOW_FUNDING_LINE_REASON, deviationReason: null };
    case 'not_recommended':
      return { outcome: 'rejected', amountCzk: null, reason: NOT_RECOMMENDED_REASON, deviationReason: null };
    case 'ineligible': {
      const reasons = candidate.ineligibleReasons.map((r) => r.trim()).filter((r) => r !== '');
      return { outcome: 'ineligible', amountCzk: null, reason: reasons.length ? reasons.join('; ') : INELIGIBLE_REASON, deviationReason: null };
    }
  }
}

/**
 * The annex's order: by part (its code), then the commission's rank in the
 * part; applications the commission never ranked (ineligible ones) after the
 * ranked ones; ties by reference number as people read it.
 */
export function compareAnnexOrder(
  a: Pick<DraftCandidate, 'partCode' | 'rank' | 'referenceNumber'>,
  b: Pick<DraftCandidate, 'partCode' | 'rank' | 'referenceNumber'>,
): number {
  if (a.partCode !== b.partCode) return compareReferenceNumbers(a.partCode, b.partCode);
  if (a.rank !== b.rank) {
    if (a.rank === null) return 1;
    if (b.rank === null) return -1;
    return a.rank - b.rank;
  }
  return compareReferenceNumbers(a.referenceNumber, b.referenceNumber);
}

/** What the approving-body rule needs of a line. */
export interface BodyLine {
  applicationId: string;
  ico: string;
  outcome: LineState['outcome'];
  amountCzk: number | null;
}

export interface BodyTerms {
  /** The IČO's approved awards in the current Prague year (its decisions), by IČO; missing: 0. */
  yearTotalsCzk: ReadonlyMap<string, number>;
  /** The date the resolution is judged for: today in Prague (its year is the year counted). */
  resolutionDate: string;
  /** Configured Council limit (COUNCIL_THRESHOLD_CZK); the default when absent. */
  thresholdCzk?: number;
}

/**
 * The body each line needs, `lines` in annex order: an approved line needs
 * the Assembly when its IČO's year total (its approval decisions this year),
 * plus the IČO's approved lines before it in the annex, plus its own amount is
 * above the Council's limit (money's approvingBodyFor); every other line is
 * the Council's. Cumulative: once an IČO crosses the limit, each later
 * approved line of it needs the Assembly too.
 */
export function requiredBodies(lines: readonly BodyLine[], terms: BodyTerms): Map<string, ResolutionBody> {
  const running = new Map<string, number>();
  const bodies = new Map<string, ResolutionBody>();
  for (const line of lines) {
    if (line.outcome !== 'approved' || line.amountCzk === null) {
      bodies.set(line.applicationId, 'council');
      continue;
    }
    const before = (terms.yearTotalsCzk.get(line.ico) ?? 0) + (running.get(line.ico) ?? 0);
    bodies.set(
      line.applicationId,
      approvingBodyFor({ yearTotalBeforeCzk: before, amountCzk: line.amountCzk, resolutionDate: terms.resolutionDate, thresholdCzk: terms.thresholdCzk }),
    );
    running.set(line.ico, (running.get(line.ico) ?? 0) + line.amountCzk);
  }
  return bodies;
}

/** A line of a new draft: the candidate, its default outcome and its position (1..) in its draft's annex. */
export type DraftLine = DraftCandidate & LineState & { position: number };

export interface DraftSplit {
  /** Lines of the Council's draft (empty: no Council draft). */
  council: DraftLine[];
  /** Lines of the Assembly's draft (empty: no Assembly draft). */
  assembly: DraftLine[];
}

/**
 * The drafts built from the evaluated applications: each with its default
 * outcome, in annex order, split between the Council's draft and, for the
 * approved lines whose IČO would go above the Council's limit, the
 * Assembly's. Positions are numbered 1.. within each draft.
 */
export function draftResolutions(candidates: readonly DraftCandidate[], terms: BodyTerms): DraftSplit {
  const ordered = [...candidates].sort(compareAnnexOrder).map((c) => ({ ...c, ...defaultLine(c) }));
  const bodies = requiredBodies(ordered, terms);
  const council: DraftLine[] = [];
  const assembly: DraftLine[] = [];
  for (const line of ordered) {
    const target = bodies.get(line.applicationId) === 'assembly' ? assembly : council;
    target.push({ ...line, position: target.length + 1 });
  }
  return { council, assembly };
}
