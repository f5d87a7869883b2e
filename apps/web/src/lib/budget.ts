import { budgetTotals, maxRequestForCost } from '@app/applications/domain/budget';

/** A budget line as the form holds it: amounts may still be empty or half-typed. */
export interface BudgetLineInput {
  category: string;
  description: string;
  totalCzk: string;
  requestedCzk: string;
}

export interface BudgetSummary {
  totalCostCzk: number;
  requestedCzk: number;
  /** requested / total cost, 0 when there is no cost yet. */
  share: number;
  /** The most the call allows for this total cost (its share of costs), whole CZK. */
  maxRequestByShareCzk: number;
  overShare: boolean;
  belowPartMinimum: boolean;
  abovePartMaximum: boolean;
  /** Lines whose requested amount is above their own total cost. */
  linesRequestingMoreThanCost: number[];
}

/** Whole, non-negative CZK from what was typed ("150 000", "150000"); null while it is not one. */
export function parseCzk(typed: string): number | null {
  const compact = typed.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,15}$/.test(compact)) return null;
  const value = Number(compact);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Live totals of the application form, computed by the same domain functions the
 * API uses on save and submit (no second copy of the rules): sums of the lines and
 * the share of costs against the call's maximum; unparsable amounts count as 0.
 */
export function summariseBudget(
  lines: readonly BudgetLineInput[],
  call: { maxRequestShareOfCostsPct: number },
  part?: { minRequestCzk: number; maxRequestCzk: number },
): BudgetSummary {
  const parsed = lines.map((line) => ({
    category: line.category,
    description: line.description,
    totalCzk: parseCzk(line.totalCzk) ?? 0,
    requestedCzk: parseCzk(line.requestedCzk) ?? 0,
  }));
  const { requestedCzk, totalCostCzk } = budgetTotals(parsed);
  const maxRequestByShareCzk = maxRequestForCost(totalCostCzk, call.maxRequestShareOfCostsPct);
  return {
    totalCostCzk,
    requestedCzk,
    share: totalCostCzk > 0 ? requestedCzk / totalCostCzk : 0,
    maxRequestByShareCzk,
    overShare: requestedCzk > maxRequestByShareCzk,
    belowPartMinimum: part !== undefined && requestedCzk < part.minRequestCzk,
    abovePartMaximum: part !== undefined && requestedCzk > part.maxRequestCzk,
    linesRequestingMoreThanCost: parsed.flatMap((line, i) => (line.requestedCzk > line.totalCzk ? [i] : [])),
  };
}
