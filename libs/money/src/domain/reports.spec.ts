import { policyBreakdown, reconcilePart, type PolicyAward } from './reports';

describe('reconcilePart', () => {
  it('outstanding is awarded but not yet paid, available is not awarded', () => {
    expect(reconcilePart({ code: '1', allocationCzk: 3_000_000, committedCzk: 635_000, paidCzk: 400_000, returnedCzk: 15_000 })).toEqual({
      code: '1',
      allocationCzk: 3_000_000,
      committedCzk: 635_000,
      paidCzk: 400_000,
      returnedCzk: 15_000,
      outstandingCzk: 235_000,
      availableCzk: 2_365_000,
    });
  });

  it('refuses amounts that are not whole CZK', () => {
    expect(() => reconcilePart({ code: '1', allocationCzk: 1.5, committedCzk: 0, paidCzk: 0, returnedCzk: 0 })).toThrow(RangeError);
  });
});

const measure = (code: string, position: number, priority: number, letter: string): PolicyAward['primaryMeasure'] => ({
  code,
  text: `Measure ${code}`,
  position,
  priority: { number: priority, name: `Priority ${priority}` },
  subArea: { letter, name: `Sub-area ${priority}${letter}` },
});

const award = (id: string, awardedCzk: number, m: PolicyAward['primaryMeasure'], targetGroups: string[], districts: string[]): PolicyAward => ({
  applicationId: id,
  awardedCzk,
  primaryMeasure: m,
  targetGroups,
  districts,
});

describe('policyBreakdown', () => {
  const m33 = measure('33.I', 60, 5, 'B');
  const m34 = measure('34.I', 62, 5, 'B');
  const m21 = measure('21.III', 40, 4, 'A');
  const m16 = measure('16.II', 30, 3, 'A');
  const m9 = measure('9.I', 20, 2, 'B');
  const m8 = measure('8.I', 19, 2, 'A');

  it('sums the awards by priority, sub-area and measure in the policy’s order', () => {
    const r = policyBreakdown([
      award('a', 175_000, m33, ['rodiče dětí cizinců'], ['Praha 3', 'Praha 14']),
      award('b', 120_000, m21, ['dospělí cizinci', 'rodiče dětí cizinců'], ['Praha 3']),
      award('c', 175_000, m34, ['děti cizinců'], ['Praha 14', 'Praha 10']),
      award('d', 175_000, m16, ['dospělí cizinci'], ['Praha 1']),
      award('e', 10_000, m9, ['x'], ['Praha 2']),
      award('f', 20_000, m8, ['x'], ['Praha 2']),
    ]);
    expect(r.totalAwardedCzk).toBe(675_000);
    expect(r.applications).toBe(6);
    expect(r.byPriority).toEqual([
      { code: '2', name: 'Priority 2', awardedCzk: 30_000, applications: 2 },
      { code: '3', name: 'Priority 3', awardedCzk: 175_000, applications: 1 },
      { code: '4', name: 'Priority 4', awardedCzk: 120_000, applications: 1 },
      { code: '5', name: 'Priority 5', awardedCzk: 350_000, applications: 2 },
    ]);
    expect(r.bySubArea.map((s) => [s.code, s.awardedCzk])).toEqual([
      ['2A', 20_000],
      ['2B', 10_000],
      ['3A', 175_000],
      ['4A', 120_000],
      ['5B', 350_000],
    ]);
    expect(r.byMeasure.map((m) => [m.code, m.name, m.awardedCzk, m.applications])).toEqual([
      ['8.I', 'Measure 8.I', 20_000, 1],
      ['9.I', 'Measure 9.I', 10_000, 1],
      ['16.II', 'Measure 16.II', 175_000, 1],
      ['21.III', 'Measure 21.III', 120_000, 1],
      ['33.I', 'Measure 33.I', 175_000, 1],
      ['34.I', 'Measure 34.I', 175_000, 1],
    ]);
  });

  it('counts the full amount in each target group and district, largest first, then in Czech order with numbers by value', () => {
    const r = policyBreakdown([
      award('a', 175_000, m33, ['rodiče dětí cizinců'], ['Praha 3', 'Praha 14']),
      award('b', 120_000, m21, ['dospělí cizinci', 'rodiče dětí cizinců'], ['Praha 3']),
      award('c', 175_000, m34, ['děti cizinců'], ['Praha 14', 'Praha 10']),
      award('d', 175_000, m16, ['dospělí cizinci'], ['Praha 1']),
    ]);
    expect(r.byTargetGroup).toEqual([
      { targetGroup: 'dospělí cizinci', awardedCzk: 295_000, applications: 2 },
      { targetGroup: 'rodiče dětí cizinců', awardedCzk: 295_000, applications: 2 },
      { targetGroup: 'děti cizinců', awardedCzk: 175_000, applications: 1 },
    ]);
    expect(r.byDistrict).toEqual([
      { district: 'Praha 14', awardedCzk: 350_000, applications: 2 },
      { district: 'Praha 3', awardedCzk: 295_000, applications: 2 },
      { district: 'Praha 1', awardedCzk: 175_000, applications: 1 },
      { district: 'Praha 10', awardedCzk: 175_000, applications: 1 },
    ]);
  });

  it('counts an application once per label, whatever its spacing or repeats', () => {
    const r = policyBreakdown([award('a', 100_000, m33, [' senioři ', 'senioři', 'matky  s dětmi', ''], ['Praha 3', 'Praha  3'])]);
    expect(r.byTargetGroup).toEqual([
      { targetGroup: 'matky s dětmi', awardedCzk: 100_000, applications: 1 },
      { targetGroup: 'senioři', awardedCzk: 100_000, applications: 1 },
    ]);
    expect(r.byDistrict).toEqual([{ district: 'Praha 3', awardedCzk: 100_000, applications: 1 }]);
  });

  it('is empty without awards', () => {
    expect(policyBreakdown([])).toEqual({
      totalAwardedCzk: 0,
      applications: 0,
      byPriority: [],
      bySubArea: [],
      byMeasure: [],
      byTargetGroup: [],
      byDistrict: [],
    });
  });

  it('refuses an award that is not whole CZK', () => {
    expect(() => policyBreakdown([award('a', 10.5, m33, [], [])])).toThrow(RangeError);
  });
});
