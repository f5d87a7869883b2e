import { BELOW_FUNDING_LINE_REASON, NOT_RECOMMENDED_REASON } from './draft-lines';
import { editLine, type EditedLine } from './line-edit.rules';

const TODAY = '2027-03-01';

const approved: EditedLine = {
  commissionStatus: 'recommended',
  requestedCzk: 200_000,
  proposedCzk: 150_000,
  outcome: 'approved',
  amountCzk: 150_000,
  reason: null,
  deviationReason: null,
};
const belowLine: EditedLine = { ...approved, proposedCzk: 0, outcome: 'rejected', amountCzk: null, reason: BELOW_FUNDING_LINE_REASON };
const notRecommended: EditedLine = { ...approved, commissionStatus: 'not_recommended', proposedCzk: null, outcome: 'rejected', amountCzk: null, reason: NOT_RECOMMENDED_REASON };
const ineligible: EditedLine = { ...approved, commissionStatus: 'ineligible', proposedCzk: null, outcome: 'ineligible', amountCzk: null, reason: 'Po termínu.' };

describe('editLine', () => {
  it('lowers an approval without a reason (no deviation)', () => {
    expect(editLine(approved, { amountCzk: 100_000 }, TODAY)).toEqual({
      violations: [],
      line: { outcome: 'approved', amountCzk: 100_000, reason: null, deviationReason: null },
    });
  });

  it('refuses an award above the request (PROPOSAL_EXCEEDS_REQUEST, 422)', () => {
    const { violations } = editLine(approved, { amountCzk: 200_001, deviationReason: 'Priorita města.' }, TODAY);
    expect(violations.map((v) => [v.code, v.field])).toEqual([['PROPOSAL_EXCEEDS_REQUEST', 'amountCzk']]);
  });

  it('asks the reason for an award above the proposal (DEVIATION_REASON_REQUIRED) and keeps it, trimmed', () => {
    expect(editLine(approved, { amountCzk: 180_000 }, TODAY).violations.map((v) => [v.code, v.field])).toEqual([
      ['DEVIATION_REASON_REQUIRED', 'deviationReason'],
    ]);
    expect(editLine(approved, { amountCzk: 180_000, deviationReason: '  Priorita města.  ' }, TODAY)).toEqual({
      violations: [],
      line: { outcome: 'approved', amountCzk: 180_000, reason: null, deviationReason: 'Priorita města.' },
    });
  });

  it('asks the reason to approve a not recommended application, which then takes the amount given', () => {
    expect(editLine(notRecommended, { outcome: 'approved', amountCzk: 50_000 }, TODAY).violations.map((v) => v.code)).toEqual(['DEVIATION_REASON_REQUIRED']);
    expect(editLine(notRecommended, { outcome: 'approved', amountCzk: 50_000, deviationReason: 'Rada rozhodla jinak.' }, TODAY).line).toEqual({
      outcome: 'approved',
      amountCzk: 50_000,
      reason: null,
      deviationReason: 'Rada rozhodla jinak.',
    });
  });

  it('refuses a reason for deviating where nothing deviates (400)', () => {
    const { violations } = editLine(approved, { amountCzk: 150_000, deviationReason: 'Proč ne.' }, TODAY);
    expect(violations.map((v) => [v.code, v.field])).toEqual([['VALIDATION_FAILED', 'deviationReason']]);
  });

  it('keeps a given reason for deviating while the award still deviates, and drops it once it no longer does', () => {
    const deviating = { ...approved, amountCzk: 180_000, deviationReason: 'Priorita města.' };
    expect(editLine(deviating, { amountCzk: 190_000 }, TODAY).line.deviationReason).toBe('Priorita města.');
    expect(editLine(deviating, { amountCzk: 120_000 }, TODAY)).toEqual({
      violations: [],
      line: { outcome: 'approved', amountCzk: 120_000, reason: null, deviationReason: null },
    });
  });

  it('turns an approval into a rejection with the default reason, or the one given', () => {
    expect(editLine(approved, { outcome: 'rejected' }, TODAY).line).toEqual({ outcome: 'rejected', amountCzk: null, reason: BELOW_FUNDING_LINE_REASON, deviationReason: null });
    expect(editLine(approved, { outcome: 'rejected', reason: ' Nedostatek prostředků. ' }, TODAY).line.reason).toBe('Nedostatek prostředků.');
  });

  it('refuses an amount or a blank reason on a rejection', () => {
    expect(editLine(approved, { outcome: 'rejected', amountCzk: 10 }, TODAY).violations.map((v) => v.field)).toEqual(['amountCzk']);
    expect(editLine(belowLine, { reason: '   ' }, TODAY).violations.map((v) => v.field)).toContain('reason');
  });

  it('refuses a reason on an approval', () => {
    expect(editLine(approved, { reason: 'Proč.' }, TODAY).violations.map((v) => v.field)).toEqual(['reason']);
  });

  it('approves a line below the funding line with an amount and a reason (above its proposal of 0)', () => {
    expect(editLine(belowLine, { outcome: 'approved', amountCzk: 30_000 }, TODAY).violations.map((v) => v.code)).toEqual(['DEVIATION_REASON_REQUIRED']);
    expect(editLine(belowLine, { outcome: 'approved' }, TODAY).violations.map((v) => v.field)).toEqual(['amountCzk']);
  });

  it('refuses any change of an ineligible line (INVALID_STATUS_TRANSITION)', () => {
    expect(editLine(ineligible, { reason: 'Jiný důvod.' }, TODAY).violations.map((v) => v.code)).toEqual(['INVALID_STATUS_TRANSITION']);
    expect(editLine(ineligible, { outcome: 'approved', amountCzk: 10_000 }, TODAY).violations.map((v) => v.code)).toContain('INVALID_STATUS_TRANSITION');
  });
});
