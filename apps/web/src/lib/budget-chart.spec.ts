import { BUDGET_MEASURES, DEFAULT_GEOMETRY, layoutBudgetChart, niceTicks, totalFigures, type PartFigures } from './budget-chart';

const part = (code: string, allocationCzk: number, committedCzk: number, paidCzk: number, returnedCzk = 0, proposedCzk = committedCzk): PartFigures => ({
  code,
  allocationCzk,
  proposedCzk,
  committedCzk,
  paidCzk,
  returnedCzk,
  availableCzk: allocationCzk - committedCzk,
});

describe('niceTicks', () => {
  it('steps by 1, 2, 2.5 or 5 × 10^k up to at least the maximum', () => {
    expect(niceTicks(3_000_000)).toEqual([0, 1_000_000, 2_000_000, 3_000_000]);
    expect(niceTicks(1_000_000)).toEqual([0, 250_000, 500_000, 750_000, 1_000_000]);
    expect(niceTicks(970_000)).toEqual([0, 250_000, 500_000, 750_000, 1_000_000]);
    expect(niceTicks(4_100_000)).toEqual([0, 2_000_000, 4_000_000, 6_000_000]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
  });

  it('draws an axis for an empty budget', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(-5)).toEqual([0, 1]);
  });
});

describe('layoutBudgetChart', () => {
  const parts = [part('1', 3_000_000, 978_000, 578_000, 15_000), part('2', 1_000_000, 0, 0)];
  const layout = layoutBudgetChart(parts);

  it('has one group per part and one bar per measure, in the table’s order', () => {
    expect(layout.groups.map((g) => g.code)).toEqual(['1', '2']);
    for (const group of layout.groups) expect(group.bars.map((b) => b.measure)).toEqual([...BUDGET_MEASURES]);
    expect(layout.groups[0].bars.map((b) => b.value)).toEqual([3_000_000, 978_000, 978_000, 578_000, 15_000, 2_022_000]);
  });

  it('puts every part on the same scale: bar length is proportional to the value', () => {
    const [first, second] = layout.groups;
    const allocation1 = first.bars[0];
    const allocation2 = second.bars[0];
    expect(allocation1.width).toBeCloseTo(layout.plotWidth, 6);
    expect(allocation2.width).toBeCloseTo(layout.plotWidth / 3, 6);
    expect(first.bars[3].width / allocation1.width).toBeCloseTo(578_000 / 3_000_000, 6);
    expect(second.bars[2].width).toBe(0);
    expect(layout.plotWidth).toBe(DEFAULT_GEOMETRY.width - DEFAULT_GEOMETRY.labelWidth - DEFAULT_GEOMETRY.valueWidth);
  });

  it('stacks bars without overlap and fits them in the drawing', () => {
    const bars = layout.groups.flatMap((g) => g.bars);
    for (let i = 1; i < bars.length; i++) expect(bars[i].y).toBeGreaterThanOrEqual(bars[i - 1].y + bars[i - 1].height);
    expect(layout.groups[1].headingY).toBeGreaterThan(layout.groups[0].bars[5].y + DEFAULT_GEOMETRY.barHeight);
    expect(layout.height).toBeGreaterThan(bars[bars.length - 1].y + DEFAULT_GEOMETRY.barHeight);
    for (const bar of bars) expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plotLeft + layout.plotWidth + 1e-9);
  });

  it('marks the scale from 0 to its top at the plot’s edges', () => {
    expect(layout.ticks[0]).toEqual({ value: 0, x: layout.plotLeft });
    expect(layout.ticks[layout.ticks.length - 1]).toEqual({ value: 3_000_000, x: layout.plotLeft + layout.plotWidth });
  });

  it('draws a negative figure as an empty bar and keeps its value', () => {
    const odd = layoutBudgetChart([{ ...part('1', 100, 100, 0), availableCzk: -20 }]);
    expect(odd.groups[0].bars[5]).toMatchObject({ value: -20, width: 0 });
  });

  it('draws nothing but the axis without parts', () => {
    const empty = layoutBudgetChart([]);
    expect(empty.groups).toEqual([]);
    expect(empty.ticks.map((t) => t.value)).toEqual([0, 1]);
  });
});

describe('totalFigures', () => {
  it('adds each measure over the parts', () => {
    expect(totalFigures([part('1', 3_000_000, 978_000, 578_000, 15_000), part('2', 1_000_000, 100_000, 50_000)])).toEqual({
      allocationCzk: 4_000_000,
      proposedCzk: 1_078_000,
      committedCzk: 1_078_000,
      paidCzk: 628_000,
      returnedCzk: 15_000,
      availableCzk: 2_922_000,
    });
  });
});
