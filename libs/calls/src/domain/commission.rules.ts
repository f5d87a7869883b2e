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
