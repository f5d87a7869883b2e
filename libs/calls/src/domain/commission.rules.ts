import type { Violation } from '@app/core/domain';

export interface CommissionProposal {
  memberIds: readonly string[];
  chairId: string;
  /** The call's quorum: fewer members could never score validly. */
  quorum: number;
  /** Role of each user that exists, by id. */
  roles: ReadonlyMap<string, string>;
}

/** The DOT Commission of a call: existing users with the commission role, a chair among them, at least a quorum. */
export function checkCommission(p: CommissionProposal): Violation[] {
  const v: Violation[] = [];
  const seen = new Set<string>();
  p.memberIds.forEach((id, i) => {
    const field = `memberIds[${i}]`;
    if (seen.has(id)) v.push({ code: 'VALIDATION_FAILED', field, message: 'is listed twice.' });
    seen.add(id);
    const role = p.roles.get(id);
    if (role === undefined) v.push({ code: 'VALIDATION_FAILED', field, message: 'is not a user.' });
    else if (role !== 'commission') v.push({ code: 'VALIDATION_FAILED', field, message: `is a user with the role ${role}, not commission.` });
  });
  if (!seen.has(p.chairId)) v.push({ code: 'VALIDATION_FAILED', field: 'chairId', message: 'The chair must be one of the members.' });
  if (seen.size < p.quorum) {
    v.push({ code: 'VALIDATION_FAILED', field: 'memberIds', message: `The call's quorum is ${p.quorum}; the commission needs at least that many members.` });
  }
  return v;
}

/** A commission as stored or as requested: its members and its chair (none before it is first set). */
export interface CommissionSeats {
  memberIds: readonly string[];
  chairId: string | null;
}

/** What a new commission changes: the members it adds and removes, and whether the chair moves. */
export interface CommissionDifference {
  added: string[];
  removed: string[];
  chairChanged: boolean;
}

export function commissionDifference(before: CommissionSeats, after: CommissionSeats): CommissionDifference {
  const was = new Set(before.memberIds);
  const is = new Set(after.memberIds);
  return {
    added: [...is].filter((id) => !was.has(id)).sort(),
    removed: [...was].filter((id) => !is.has(id)).sort(),
    chairChanged: before.chairId !== after.chairId,
  };
}

/** The reason given for a change, trimmed; blanks are no reason. */
export function reasonGiven(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export interface CommissionChange {
  /** Only an announced call is ever scored: a draft's commission stays free. */
  announced: boolean;
  now: Date;
  submissionClosesAt: Date;
  evaluationClosedAt: Date | null;
  difference: CommissionDifference;
  reason: string | null;
}

/**
 * May the commission change now? Freely until the submission window closes
 * (from then on members may score: the same instant scoringWindow opens it);
 * after that only with a reason, which the audit event keeps; once the
 * evaluation is closed not at all, since the closed ranking is the sitting
 * members' sheets. Sending the same commission again changes nothing and is
 * always allowed.
 */
export function checkCommissionChange(c: CommissionChange): Violation[] {
  const { added, removed, chairChanged } = c.difference;
  if (!c.announced || (!added.length && !removed.length && !chairChanged)) return [];
  if (c.evaluationClosedAt !== null) {
    return [{ code: 'COMMISSION_FROZEN', message: "The evaluation of this call is closed: its commission can no longer change." }];
  }
  if (c.now.getTime() < c.submissionClosesAt.getTime() || c.reason !== null) return [];
  return [
    {
      code: 'COMMISSION_FROZEN',
      field: 'reason',
      message: 'The submission period has closed and members may be scoring: a change of the commission needs a reason.',
    },
  ];
}
