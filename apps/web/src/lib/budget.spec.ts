import { parseCzk, summariseBudget, type BudgetLineInput } from './budget';

const line = (totalCzk: string, requestedCzk: string): BudgetLineInput => ({ category: 'personnel', description: 'x', totalCzk, requestedCzk });

describe('parseCzk', () => {
  it('reads whole crowns typed with or without spaces', () => {
    expect(parseCzk('150000')).toBe(150000);
    expect(parseCzk('150 000')).toBe(150000);
    expect(parseCzk('1\u00a0234\u202f567')).toBe(1234567);
    expect(parseCzk('0')).toBe(0);
  });

  it('refuses fractions, negatives, letters and empty input', () => {
    for (const typed of ['', ' ', '12.5', '12,5', '-3', '1e5', 'abc', '9999999999999999']) expect(parseCzk(typed)).toBeNull();
  });
});

describe('summariseBudget', () => {
  const call = { maxRequestShareOfCostsPct: 70 };
  const part = { minRequestCzk: 20000, maxRequestCzk: 300000 };

  it('sums the lines and computes the share of costs', () => {
    const s = summariseBudget([line('100000', '60000'), line('50000', '40000')], call, part);
    expect(s).toMatchObject({ totalCostCzk: 150000, requestedCzk: 100000, maxRequestByShareCzk: 105000, overShare: false });
    expect(s.share).toBeCloseTo(2 / 3, 10);
  });

  it('flags a request above the call share, at the exact crown', () => {
    expect(summariseBudget([line('100000', '70000')], call, part).overShare).toBe(false);
    expect(summariseBudget([line('100000', '70001')], call, part).overShare).toBe(true);
    // 70 % of 33 333 is 23 333.1: at most 23 333 may be requested.
    expect(summariseBudget([line('33333', '23333')], call, part)).toMatchObject({ maxRequestByShareCzk: 23333, overShare: false });
    expect(summariseBudget([line('33333', '23334')], call, part).overShare).toBe(true);
  });

  it("flags a request outside the part's range", () => {
    expect(summariseBudget([line('100000', '19999')], call, part)).toMatchObject({ belowPartMinimum: true, abovePartMaximum: false });
    expect(summariseBudget([line('1000000', '300001')], call, part)).toMatchObject({ belowPartMinimum: false, abovePartMaximum: true });
    expect(summariseBudget([line('100000', '20000')], call)).toMatchObject({ belowPartMinimum: false, abovePartMaximum: false });
  });

  it('counts half-typed amounts as zero and names lines requesting more than they cost', () => {
    const s = summariseBudget([line('10 000', 'abc'), line('', '5000'), line('8000', '9000')], call, part);
    expect(s).toMatchObject({ totalCostCzk: 18000, requestedCzk: 14000, linesRequestingMoreThanCost: [1, 2] });
  });

  it('has a zero share with no costs yet', () => {
    expect(summariseBudget([], call, part)).toMatchObject({ totalCostCzk: 0, requestedCzk: 0, share: 0, overShare: false, belowPartMinimum: true });
  });
});
