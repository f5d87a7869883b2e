import type { Violation } from './czk';

/** What a staff user does to an application's money: each needs them to be free of the applicant organisation. */
export type StaffAct = 'decide' | 'contract' | 'review_settlement' | 'pay';

export const STAFF_ACTS: readonly StaffAct[] = ['decide', 'contract', 'review_settlement', 'pay'];

const ACT: Record<StaffAct, string> = {
  decide: 'record the decision on its application',
  contract: 'record its contract',
  review_settlement: 'review its settlement',
  pay: 'pay its grant',
};

/**
 * No one approves money for an organisation they belong to: a staff user
 * affiliated with the applicant organisation (their affiliations, set by an
 * admin) neither records the decision nor the contract, reviews the settlement
 * or pays (403 CONFLICT_OF_INTEREST), as a commission member so affiliated is
 * in conflict whatever they declare. The role's own permission is checked
 * before; this is the relation to the applicant.
 */
export function checkStaffConflict(input: { act: StaffAct; affiliated: boolean }): Violation[] {
  if (!input.affiliated) return [];
  return [
    {
      code: 'CONFLICT_OF_INTEREST',
      message: `You are affiliated with the applicant organisation, so you have a conflict of interest: you cannot ${ACT[input.act]}; a colleague must.`,
    },
  ];
}
