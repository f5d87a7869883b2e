import { allocationSummary, fundingLinePosition, type BoardLine } from './ranking-board';

const row = (requestedCzk: number, recommended: boolean | null = true): BoardLine => ({ requestedCzk, recommended });

describe('fundingLinePosition', () => {
  it('falls below the application the rest of the allocation reaches only in part', () => {
    expect(fundingLinePosition([row(300_000), row(300_000), row(300_000)], 700_000)).toEqual({
      afterIndex: 2,
      partlyFundedIndex: 2,
      remainingCzk: 0,
    });
  });

  it('falls between two applications when the allocation runs out exactly', () => {
    expect(fundingLinePosition([row(300_000), row(400_000), row(100_000)], 700_000)).toEqual({
      afterIndex: 1,
      partlyFundedIndex: null,
      remainingCzk: 0,
    });
  });

  it('is above the first row with no allocation at all', () => {
    expect(fundingLinePosition([row(50_000)], 0)).toEqual({ afterIndex: -1, partlyFundedIndex: null, remainingCzk: 0 });
  });

  it('is absent when every recommended request fits, and says what is left', () => {
    expect(fundingLinePosition([row(300_000), row(200_000)], 1_300_000)).toEqual({ afterIndex: null, partlyFundedIndex: null, remainingCzk: 800_000 });
    expect(fundingLinePosition([], 700_000)).toEqual({ afterIndex: null, partlyFundedIndex: null, remainingCzk: 700_000 });
  });

  it('skips applications not recommended (or not known to be): they get no proposal', () => {
    expect(fundingLinePosition([row(300_000), row(900_000, false), row(200_000, null), row(500_000)], 600_000)).toEqual({
      afterIndex: 3,
      partlyFundedIndex: 3,
      remainingCzk: 0,
    });
  });
});

describe('allocationSummary', () => {
  it('shows what is left of the allocation after the proposals', () => {
    expect(allocationSummary({ allocationCzk: 1_300_000, proposedCzk: 450_000 })).toEqual({ allocationCzk: 1_300_000, proposedCzk: 450_000, remainingCzk: 850_000 });
  });
});
