import { checkStaffConflict, STAFF_ACTS } from './staff-conflict.rules';

describe('checkStaffConflict', () => {
  it.each(STAFF_ACTS)('refuses a staff user affiliated with the applicant organisation to %s (403 CONFLICT_OF_INTEREST)', (act) => {
    const [violation, ...rest] = checkStaffConflict({ act, affiliated: true });
    expect(rest).toEqual([]);
    expect(violation.code).toBe('CONFLICT_OF_INTEREST');
    expect(violation.field).toBeUndefined();
    expect(violation.message).toMatch(/^You are affiliated with the applicant organisation, so you have a conflict of interest: you cannot .+; a colleague must\.$/);
  });

  it.each(STAFF_ACTS)('lets an unaffiliated staff user %s', (act) => {
    expect(checkStaffConflict({ act, affiliated: false })).toEqual([]);
  });

  it('names the act', () => {
    expect(checkStaffConflict({ act: 'decide', affiliated: true })[0].message).toContain('record the decision on its application');
    expect(checkStaffConflict({ act: 'contract', affiliated: true })[0].message).toContain('record its contract');
    expect(checkStaffConflict({ act: 'review_settlement', affiliated: true })[0].message).toContain('review its settlement');
    expect(checkStaffConflict({ act: 'pay', affiliated: true })[0].message).toContain('pay its grant');
  });
});
