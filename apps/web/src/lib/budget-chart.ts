/**
 * Layout of the Budget Department's bar chart of a call's money per part: one group
 * of horizontal bars per part, one bar per measure (allocation, proposed, committed,
 * paid, returned, available), all on one scale so parts compare at a glance.
 * Pure geometry in SVG user units; the component draws it and labels every bar.
 */

export const BUDGET_MEASURES = ['allocationCzk', 'proposedCzk', 'committedCzk', 'paidCzk', 'returnedCzk', 'availableCzk'] as const;
export type BudgetMeasure = (typeof BUDGET_MEASURES)[number];

export type PartFigures = { code: string } & Record<BudgetMeasure, number>;

export interface ChartBar {
  measure: BudgetMeasure;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartGroup {
  code: string;
  /** Baseline of the group's heading. */
  headingY: number;
  bars: ChartBar[];
}

export interface ChartTick {
  value: number;
  x: number;
}

export interface BudgetChartLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotWidth: number;
  plotTop: number;
  plotBottom: number;
  ticks: ChartTick[];
  groups: ChartGroup[];
}

export interface ChartGeometry {
  width: number;
  /** Room left of the bars for the measure names. */
  labelWidth: number;
  /** Room right of the longest bar for its value. */
  valueWidth: number;
  barHeight: number;
  barGap: number;
  groupHeading: number;
  groupGap: number;
  axisHeight: number;
}

export const DEFAULT_GEOMETRY: ChartGeometry = {
  width: 760,
  labelWidth: 150,
  valueWidth: 130,
  barHeight: 20,
  barGap: 6,
  groupHeading: 30,
  groupGap: 18,
  axisHeight: 28,
};

/**
 * "Nice" scale marks from 0 to at least `max`: steps of 1, 2, 2.5 or 5 × 10^k, about
 * `target` of them. `max` ≤ 0 gives a single mark at 0 and one at 1 (an empty call still
 * draws an axis).
 */
export function niceTicks(max: number, target = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const count = Math.ceil(max / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => Math.round(i * step));
}

/** Positions of every bar, tick and group heading; negative figures draw as empty bars (their value is still labelled). */
export function layoutBudgetChart(parts: readonly PartFigures[], geometry: ChartGeometry = DEFAULT_GEOMETRY): BudgetChartLayout {
  const max = Math.max(0, ...parts.flatMap((part) => BUDGET_MEASURES.map((m) => part[m])));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1];
  const plotLeft = geometry.labelWidth;
  const plotWidth = geometry.width - geometry.labelWidth - geometry.valueWidth;
  const scale = (value: number) => (Math.max(0, value) / top) * plotWidth;
  const plotTop = geometry.axisHeight;
  let y = plotTop;
  const groups: ChartGroup[] = parts.map((part, index) => {
    if (index > 0) y += geometry.groupGap;
    const headingY = y + geometry.groupHeading - 10;
    y += geometry.groupHeading;
    const bars = BUDGET_MEASURES.map((measure, i): ChartBar => {
      const bar = { measure, value: part[measure], x: plotLeft, y, width: scale(part[measure]), height: geometry.barHeight };
      y += geometry.barHeight + (i < BUDGET_MEASURES.length - 1 ? geometry.barGap : 0);
      return bar;
    });
    return { code: part.code, headingY, bars };
  });
  const plotBottom = y + geometry.barGap;
  return {
    width: geometry.width,
    height: plotBottom + 4,
    plotLeft,
    plotWidth,
    plotTop,
    plotBottom,
    ticks: ticks.map((value) => ({ value, x: plotLeft + scale(value) })),
    groups,
  };
}

/** Column totals of the parts (the table's last row). */
export function totalFigures(parts: readonly PartFigures[]): Record<BudgetMeasure, number> {
  const totals = Object.fromEntries(BUDGET_MEASURES.map((m) => [m, 0])) as Record<BudgetMeasure, number>;
  for (const part of parts) for (const m of BUDGET_MEASURES) totals[m] += part[m];
  return totals;
}

/** A scale mark in compact form ("1,5 mil." in Czech, "1.5M" in English). */
export function compactCzk(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
