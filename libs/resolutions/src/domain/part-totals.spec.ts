import { checkPartAllocation, partViews, totalsOf } from './part-totals';

const lines = [
  { partId: 'p1', outcome: 'approved' as const, amountCzk: 120_000, requestedCzk: 150_000, proposedCzk: 100_000 },
  { partId: 'p1', outcome: 'rejected' as const, amountCzk: null, requestedCzk: 90_000, proposedCzk: 0 },
  { partId: 'p2', outcome: 'approved' as const, amountCzk: 50_000, requestedCzk: 60_000, proposedCzk: 50_000 },
  { partId: 'p2', outcome: 'ineligible' as const, amountCzk: null, requestedCzk: 70_000, proposedCzk: null },
];
const part1 = { partId: 'p1', code: '1', name: 'Jazykové kurzy', allocationCzk: 500_000, availableCzk: 400_000 };
const part2 = { partId: 'p2', code: '2', name: 'Komunitní akce', allocationCzk: 300_000, availableCzk: 300_000 };

describe('totalsOf / partViews', () => {
  it('counts the outcomes and sums requested, proposed (none as 0) and approved', () => {
    expect(totalsOf(lines)).toEqual({ lines: 4, approved: 2, rejected: 1, ineligible: 1, requestedCzk: 370_000, proposedCzk: 150_000, approvedCzk: 170_000 });
  });

  it('gives every part its sums, a part without lines zeros', () => {
    const part3 = { ...part2, partId: 'p3', code: '3' };
    expect(partViews([part1, part2, part3], lines)).toEqual([
      { ...part1, requestedCzk: 240_000, proposedCzk: 100_000, approvedCzk: 120_000 },
      { ...part2, requestedCzk: 130_000, proposedCzk: 50_000, approvedCzk: 50_000 },
      { ...part3, requestedCzk: 0, proposedCzk: 0, approvedCzk: 0 },
    ]);
  });
});

describe('checkPartAllocation', () => {
  it('lets the approved total reach what is left of the allocation', () => {
    expect(checkPartAllocation(part1, 400_000)).toEqual([]);
  });

  it('names the part above it (ALLOCATION_EXCEEDED, field parts.<code>)', () => {
    expect(checkPartAllocation(part1, 400_001)).toEqual([
      {
        code: 'ALLOCATION_EXCEEDED',
        field: 'parts.1',
        message: 'Part 1 (Jazykové kurzy): the approved lines come to CZK 400,001, CZK 1 above the CZK 400,000 left of its allocation of CZK 500,000.',
      },
    ]);
  });
});
