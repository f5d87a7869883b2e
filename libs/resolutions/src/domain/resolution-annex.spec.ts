import { annexOf, type AnnexSourceLine } from './resolution-annex';

function line(over: Partial<AnnexSourceLine>): AnnexSourceLine {
  return {
    partId: 'p1',
    applicationId: 'a',
    referenceNumber: 'R-1',
    applicantName: 'Spolek',
    ico: '12345678',
    title: 'Kurzy češtiny',
    requestedCzk: 100_000,
    proposedCzk: 80_000,
    outcome: 'approved',
    amountCzk: 80_000,
    reason: null,
    deviationReason: null,
    ...over,
  };
}

const parts = [
  { partId: 'p1', code: '1', name: 'Kurzy', allocationCzk: 500_000 },
  { partId: 'p2', code: '2', name: 'Akce', allocationCzk: 300_000 },
  { partId: 'p3', code: '3', name: 'Prázdná', allocationCzk: 100_000 },
];

describe('annexOf', () => {
  const lines = [
    line({ applicationId: 'a', amountCzk: 90_000, deviationReason: 'Priorita města.' }),
    line({ applicationId: 'b', outcome: 'rejected', amountCzk: null, reason: 'Pod hranicí financování.', proposedCzk: 0 }),
    line({ applicationId: 'c', partId: 'p2', requestedCzk: 50_000, proposedCzk: 50_000, amountCzk: 50_000 }),
    line({ applicationId: 'd', partId: 'p2', outcome: 'ineligible', amountCzk: null, reason: 'Po termínu.', proposedCzk: null, requestedCzk: 70_000 }),
  ];
  const annex = annexOf(parts, lines);

  it('groups the lines by part, numbered across the annex, leaving out parts without lines', () => {
    expect(annex.parts.map((p) => [p.code, p.lines.map((l) => [l.position, l.applicationId])])).toEqual([
      ['1', [[1, 'a'], [2, 'b']]],
      ['2', [[3, 'c'], [4, 'd']]],
    ]);
  });

  it('awards only approved lines; the reason is the deviation’s for an approval, else why it is not funded', () => {
    expect(annex.parts[0].lines.map((l) => [l.awardedCzk, l.reason])).toEqual([
      [90_000, 'Priorita města.'],
      [null, 'Pod hranicí financování.'],
    ]);
    expect(annex.parts[1].lines[1]).toMatchObject({ outcome: 'ineligible', awardedCzk: null, reason: 'Po termínu.', projectTitle: 'Kurzy češtiny' });
  });

  it('totals each part and the annex', () => {
    expect(annex.parts.map((p) => p.totals)).toEqual([
      { lines: 2, approved: 1, rejected: 1, ineligible: 0, requestedCzk: 200_000, proposedCzk: 80_000, awardedCzk: 90_000 },
      { lines: 2, approved: 1, rejected: 0, ineligible: 1, requestedCzk: 120_000, proposedCzk: 50_000, awardedCzk: 50_000 },
    ]);
    expect(annex.totals).toEqual({ lines: 4, approved: 2, rejected: 1, ineligible: 1, requestedCzk: 320_000, proposedCzk: 130_000, awardedCzk: 140_000 });
  });

  it('refuses a line of a part the call does not have', () => {
    expect(() => annexOf(parts, [line({ partId: 'elsewhere' })])).toThrow(RangeError);
  });
});
