import { isIsoDate, type Violation } from '@app/core/domain';

export interface BudgetLine {
  category: string;
  description: string;
  totalCzk: number;
  requestedCzk: number;
}

export function budgetTotals(lines: readonly BudgetLine[]): { requestedCzk: number; totalCostCzk: number } {
  let requestedCzk = 0;
  let totalCostCzk = 0;
  for (const line of lines) {
    requestedCzk += line.requestedCzk;
    totalCostCzk += line.totalCzk;
  }
  return { requestedCzk, totalCostCzk };
}

/**
 * The most a call lets an applicant request for a project of this total cost:
 * `pct` % of it, rounded down to whole CZK (exact integers, no floats).
 */
export function maxRequestForCost(totalCostCzk: number, maxRequestShareOfCostsPct: number): number {
  const product = maxRequestShareOfCostsPct * totalCostCzk;
  return (product - (product % 100)) / 100;
}

const czk = (n: number): string => `CZK ${n.toLocaleString('en-US')}`;

const invalid = (field: string, message: string): Violation => ({ code: 'VALIDATION_FAILED', field, message });

const isWholeCzk = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** Consistency of an application's own content, whatever the call: checked on save and again on submit. */
export function checkDraft(d: {
  startDate: string;
  endDate: string;
  budgetLines: readonly BudgetLine[];
  primaryMeasureCode: string;
  measureCodes: readonly string[];
  otherFundingCzk: number;
}): Violation[] {
  const v: Violation[] = [];

  const startOk = isIsoDate(d.startDate);
  const endOk = isIsoDate(d.endDate);
  if (!startOk) v.push(invalid('startDate', 'The start date must be a date (YYYY-MM-DD).'));
  if (!endOk) v.push(invalid('endDate', 'The end date must be a date (YYYY-MM-DD).'));
  if (startOk && endOk && d.startDate > d.endDate) {
    v.push(invalid('endDate', `The project cannot end (${d.endDate}) before it starts (${d.startDate}).`));
  }

  if (d.budgetLines.length === 0) v.push(invalid('budgetLines', 'The budget needs at least one line.'));
  let linesOk = true;
  d.budgetLines.forEach((line, i) => {
    const at = `budgetLines[${i}]`;
    const totalOk = isWholeCzk(line.totalCzk);
    const requestedOk = isWholeCzk(line.requestedCzk);
    if (!totalOk) v.push(invalid(`${at}.totalCzk`, 'The total cost must be a whole, non-negative number of CZK.'));
    if (!requestedOk) v.push(invalid(`${at}.requestedCzk`, 'The requested amount must be a whole, non-negative number of CZK.'));
    if (totalOk && requestedOk && line.requestedCzk > line.totalCzk) {
      v.push(invalid(`${at}.requestedCzk`, `The requested ${czk(line.requestedCzk)} is more than the line's total cost of ${czk(line.totalCzk)}.`));
    }
    linesOk &&= totalOk && requestedOk;
  });

  if (!d.measureCodes.includes(d.primaryMeasureCode)) {
    v.push(invalid('measureCodes', `The measures served must include the primary measure ${d.primaryMeasureCode}.`));
  }
  const seen = new Set<string>();
  d.measureCodes.forEach((code, i) => {
    if (seen.has(code)) v.push(invalid(`measureCodes[${i}]`, `Measure ${code} is listed twice.`));
    seen.add(code);
  });

  if (!isWholeCzk(d.otherFundingCzk)) {
    v.push(invalid('otherFundingCzk', 'Other funding must be a whole, non-negative number of CZK.'));
  } else if (linesOk) {
    const { requestedCzk, totalCostCzk } = budgetTotals(d.budgetLines);
    const uncovered = totalCostCzk - requestedCzk;
    if (d.otherFundingCzk > uncovered) {
      v.push(
        invalid(
          'otherFundingCzk',
          `Other funding of ${czk(d.otherFundingCzk)} is more than the ${czk(uncovered)} of costs not requested from the city.`,
        ),
      );
    }
  }

  return v;
}
