import { checkCommission, checkCommissionChange, commissionDifference, reasonGiven, type CommissionChange } from './commission.rules';

const roles = new Map([
  ['a', 'commission'],
  ['b', 'commission'],
  ['c', 'commission'],
  ['o', 'officer'],
]);

describe('checkCommission', () => {
  it('accepts commission users with a chair among them and at least a quorum', () => {
    expect(checkCommission({ memberIds: ['a', 'b', 'c'], chairId: 'b', quorum: 3, roles })).toEqual([]);
  });

  it('names every wrong member, a chair outside the commission and a missing quorum', () => {
    const v = checkCommission({ memberIds: ['a', 'o', 'x', 'a'], chairId: 'c', quorum: 4, roles });
    expect(v.map((x) => x.field)).toEqual(['memberIds[1]', 'memberIds[2]', 'memberIds[3]', 'chairId', 'memberIds']);
    expect(v.every((x) => x.code === 'VALIDATION_FAILED')).toBe(true);
    expect(v[0].message).toMatch(/officer/);
  });

  it('counts distinct members for the quorum', () => {
    expect(checkCommission({ memberIds: ['a', 'b', 'b'], chairId: 'a', quorum: 3, roles }).map((x) => x.field)).toEqual(['memberIds[2]', 'memberIds']);
  });
});

describe('commissionDifference', () => {
  it('names the members added and removed (sorted) and whether the chair moves', () => {
    expect(commissionDifference({ memberIds: ['c', 'a', 'b'], chairId: 'a' }, { memberIds: ['d', 'b', 'a'], chairId: 'b' })).toEqual({
      added: ['d'],
      removed: ['c'],
      chairChanged: true,
    });
    expect(commissionDifference({ memberIds: ['a', 'b'], chairId: 'a' }, { memberIds: ['b', 'a'], chairId: 'a' })).toEqual({
      added: [],
      removed: [],
      chairChanged: false,
    });
    expect(commissionDifference({ memberIds: [], chairId: null }, { memberIds: ['a'], chairId: 'a' })).toEqual({ added: ['a'], removed: [], chairChanged: true });
  });
});

describe('reasonGiven', () => {
  it('trims; blanks and nothing are no reason', () => {
    expect(reasonGiven('  Rezignace  ')).toBe('Rezignace');
    expect(reasonGiven(' \n ')).toBeNull();
    expect(reasonGiven(undefined)).toBeNull();
    expect(reasonGiven(null)).toBeNull();
  });
});

describe('checkCommissionChange', () => {
  const closesAt = new Date('2027-02-01T13:00:00Z');
  const change = (over: Partial<CommissionChange> = {}): CommissionChange => ({
    announced: true,
    now: new Date(closesAt.getTime() - 1),
    submissionClosesAt: closesAt,
    evaluationClosedAt: null,
    difference: { added: ['d'], removed: [], chairChanged: false },
    reason: null,
    ...over,
  });
  const codes = (c: CommissionChange) => checkCommissionChange(c).map((v) => [v.code, v.field]);

  it('is free until the window closes', () => {
    expect(codes(change())).toEqual([]);
  });

  it('from the instant the window closes, adding, removing or moving the chair needs a reason', () => {
    const frozen = [['COMMISSION_FROZEN', 'reason']];
    expect(codes(change({ now: closesAt }))).toEqual(frozen);
    expect(codes(change({ now: closesAt, difference: { added: [], removed: ['c'], chairChanged: false } }))).toEqual(frozen);
    expect(codes(change({ now: closesAt, difference: { added: [], removed: [], chairChanged: true } }))).toEqual(frozen);
    expect(codes(change({ now: closesAt, reason: 'Rezignace' }))).toEqual([]);
  });

  it('the same commission again is no change', () => {
    expect(codes(change({ now: closesAt, difference: { added: [], removed: [], chairChanged: false } }))).toEqual([]);
  });

  it('once the evaluation is closed nothing changes, even with a reason', () => {
    const closed = change({ now: closesAt, evaluationClosedAt: closesAt, reason: 'Rezignace' });
    expect(codes(closed)).toEqual([['COMMISSION_FROZEN', undefined]]);
    expect(checkCommissionChange(closed)[0].message).toMatch(/evaluation .* closed/);
  });

  it("a draft call's commission is never frozen (a draft is never scored)", () => {
    expect(codes(change({ announced: false, now: closesAt }))).toEqual([]);
  });
});
