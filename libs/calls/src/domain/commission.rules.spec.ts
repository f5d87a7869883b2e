import { checkCommission } from './commission.rules';

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
