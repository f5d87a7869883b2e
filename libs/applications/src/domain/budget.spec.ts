import type { Violation } from '@app/core/domain';
import { BudgetLine, budgetTotals, checkDraft } from './budget';

const LINES: BudgetLine[] = [
  { category: 'personnel', description: 'Czech teacher, 120 h', totalCzk: 60_000, requestedCzk: 48_000 },
  { category: 'rent', description: 'Classroom', totalCzk: 24_000, requestedCzk: 24_000 },
  { category: 'material', description: 'Textbooks', totalCzk: 16_000, requestedCzk: 0 },
];

const draft = () => ({
  startDate: '2027-03-01',
  endDate: '2027-12-31',
  budgetLines: LINES.map((l) => ({ ...l })),
  primaryMeasureCode: '33.I',
  measureCodes: ['33.I', '21.III'],
  otherFundingCzk: 28_000,
});

const fields = (vs: Violation[]) => vs.map((v) => [v.code, v.field]);

describe('budgetTotals', () => {
  it('sums requested amounts and total costs', () => {
    expect(budgetTotals(LINES)).toEqual({ requestedCzk: 72_000, totalCostCzk: 100_000 });
    expect(budgetTotals([])).toEqual({ requestedCzk: 0, totalCostCzk: 0 });
  });
});

describe('checkDraft', () => {
  it('accepts a consistent draft, with other funding covering exactly the unrequested costs', () => {
    expect(checkDraft(draft())).toEqual([]);
    expect(checkDraft({ ...draft(), otherFundingCzk: 0 })).toEqual([]);
    expect(checkDraft({ ...draft(), endDate: '2027-03-01' })).toEqual([]); // one-day project
  });

  it('rejects a line asking for more than it costs', () => {
    const d = draft();
    d.budgetLines[1].requestedCzk = 24_001;
    d.otherFundingCzk = 0;
    expect(checkDraft(d)).toEqual([
      {
        code: 'VALIDATION_FAILED',
        field: 'budgetLines[1].requestedCzk',
        message: "The requested CZK 24,001 is more than the line's total cost of CZK 24,000.",
      },
    ]);
  });

  it('rejects negative and fractional amounts', () => {
    const d = draft();
    d.budgetLines[0].totalCzk = 60_000.5;
    d.budgetLines[2].requestedCzk = -1;
    expect(fields(checkDraft({ ...d, otherFundingCzk: -5 }))).toEqual([
      ['VALIDATION_FAILED', 'budgetLines[0].totalCzk'],
      ['VALIDATION_FAILED', 'budgetLines[2].requestedCzk'],
      ['VALIDATION_FAILED', 'otherFundingCzk'],
    ]);
  });

  it('requires at least one budget line', () => {
    expect(fields(checkDraft({ ...draft(), budgetLines: [], otherFundingCzk: 0 }))).toEqual([['VALIDATION_FAILED', 'budgetLines']]);
  });

  it('requires the project to end on or after its start', () => {
    expect(fields(checkDraft({ ...draft(), startDate: '2027-06-01', endDate: '2027-05-31' }))).toEqual([['VALIDATION_FAILED', 'endDate']]);
  });

  it('requires real dates', () => {
    expect(fields(checkDraft({ ...draft(), startDate: '2027-02-29', endDate: '31.12.2027' }))).toEqual([
      ['VALIDATION_FAILED', 'startDate'],
      ['VALIDATION_FAILED', 'endDate'],
    ]);
  });

  it('requires the primary measure among the measures, without duplicates', () => {
    expect(fields(checkDraft({ ...draft(), measureCodes: ['21.III'] }))).toEqual([['VALIDATION_FAILED', 'measureCodes']]);
    expect(fields(checkDraft({ ...draft(), measureCodes: ['33.I', '21.III', '33.I'] }))).toEqual([['VALIDATION_FAILED', 'measureCodes[2]']]);
  });

  it('rejects other funding above the costs not requested', () => {
    expect(checkDraft({ ...draft(), otherFundingCzk: 28_001 })).toEqual([
      {
        code: 'VALIDATION_FAILED',
        field: 'otherFundingCzk',
        message: 'Other funding of CZK 28,001 is more than the CZK 28,000 of costs not requested from the city.',
      },
    ]);
  });

  it('lists every problem at once', () => {
    const d = draft();
    d.budgetLines[0].requestedCzk = 70_000;
    expect(fields(checkDraft({ ...d, endDate: '2027-01-01', measureCodes: [] }))).toEqual([
      ['VALIDATION_FAILED', 'endDate'],
      ['VALIDATION_FAILED', 'budgetLines[0].requestedCzk'],
      ['VALIDATION_FAILED', 'measureCodes'],
      ['VALIDATION_FAILED', 'otherFundingCzk'], // 100,000 − 94,000 = 6,000 < 28,000
    ]);
  });
});
