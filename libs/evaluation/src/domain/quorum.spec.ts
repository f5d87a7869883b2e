import { checkQuorum, lackingQuorum, quorumSummary } from './quorum';

const APPS = [
  { referenceNumber: 'INT-2027-0010', scorers: 2 },
  { referenceNumber: 'INT-2027-0001', scorers: 3 },
  { referenceNumber: 'INT-2027-0002', scorers: 0 },
  { referenceNumber: 'INT-2027-0003', scorers: 5 },
];

describe('quorum', () => {
  it('lists the applications scored by fewer members than the quorum, by reference number', () => {
    expect(lackingQuorum(APPS, 3).map((a) => a.referenceNumber)).toEqual(['INT-2027-0002', 'INT-2027-0010']);
    expect(lackingQuorum(APPS, 1).map((a) => a.referenceNumber)).toEqual(['INT-2027-0002']);
    expect(lackingQuorum(APPS, 6)).toHaveLength(4);
    expect(lackingQuorum([], 3)).toEqual([]);
  });

  it('names every application lacking a quorum', () => {
    expect(checkQuorum(APPS, 3)).toEqual([
      { code: 'QUORUM_NOT_MET', message: 'INT-2027-0002 has 0 of the 3 score sheets needed.' },
      { code: 'QUORUM_NOT_MET', message: 'INT-2027-0010 has 2 of the 3 score sheets needed.' },
    ]);
    expect(checkQuorum(APPS, 2)).toEqual([{ code: 'QUORUM_NOT_MET', message: 'INT-2027-0002 has 0 of the 2 score sheets needed.' }]);
  });

  it('summarises them for the problem detail', () => {
    expect(quorumSummary(APPS, 3)).toBe('2 applications lack a quorum of 3 score sheets: INT-2027-0002 (0), INT-2027-0010 (2).');
    expect(quorumSummary(APPS, 1)).toBe('1 application lacks a quorum of 1 score sheet: INT-2027-0002 (0).');
    expect(quorumSummary(APPS.slice(1, 2), 3)).toBeNull();
  });

  it('rejects a quorum below 1', () => {
    expect(() => checkQuorum(APPS, 0)).toThrow(RangeError);
    expect(() => lackingQuorum(APPS, 1.5)).toThrow(RangeError);
  });
});
