import { compareReferenceNumbers } from './reference-order';
import type { Violation } from './violation';

export interface QuorumCandidate {
  referenceNumber: string;
  /** Members who scored it (conflicted members cannot). */
  scorers: number;
}

/** The applications scored by fewer members than the quorum, by reference number. */
export function lackingQuorum<T extends QuorumCandidate>(applications: readonly T[], quorum: number): T[] {
  if (!Number.isSafeInteger(quorum) || quorum < 1) throw new RangeError(`quorum must be an integer ≥ 1, got ${quorum}`);
  return applications.filter((a) => a.scorers < quorum).sort((a, b) => compareReferenceNumbers(a.referenceNumber, b.referenceNumber));
}

/**
 * Closing the evaluation needs a quorum on every eligible application: one
 * QUORUM_NOT_MET violation for each application that lacks it, naming it.
 * `DomainError.fromViolations` makes the first one's message the detail only
 * when there is one; quorumSummary gives a detail naming them all.
 */
export function checkQuorum(applications: readonly QuorumCandidate[], quorum: number): Violation[] {
  return lackingQuorum(applications, quorum).map((a) => ({
    code: 'QUORUM_NOT_MET',
    message: `${a.referenceNumber} has ${a.scorers} of the ${quorum} score sheets needed.`,
  }));
}

/** "2 applications lack a quorum of 3 score sheets: INT-2027-0002 (1), INT-2027-0010 (2)." or null when none does. */
export function quorumSummary(applications: readonly QuorumCandidate[], quorum: number): string | null {
  const lacking = lackingQuorum(applications, quorum);
  if (lacking.length === 0) return null;
  const list = lacking.map((a) => `${a.referenceNumber} (${a.scorers})`).join(', ');
  const noun = lacking.length === 1 ? 'application lacks' : 'applications lack';
  return `${lacking.length} ${noun} a quorum of ${quorum} score sheet${quorum === 1 ? '' : 's'}: ${list}.`;
}
