import { attachToField, remainingToPay } from './budget-money';
import { ApiError, type ProblemDetails } from './problem';

const problem = (code: ProblemDetails['code'], errors: ProblemDetails['errors']): ApiError =>
  new ApiError(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'refused', code, errors });

describe('attachToField', () => {
  it('puts a problem about the whole application (no contract) next to the amount', () => {
    const error = problem('CONTRACT_REQUIRED', [{ code: 'CONTRACT_REQUIRED', message: 'Nothing can be paid before the contract is signed.' }]);
    const placed = attachToField(error, 'amountCzk') as ApiError;
    expect(placed).toBeInstanceOf(ApiError);
    expect(placed.status).toBe(409);
    expect(placed.problem.code).toBe('CONTRACT_REQUIRED');
    expect(placed.problem.errors).toEqual([{ field: 'amountCzk', code: 'CONTRACT_REQUIRED', message: 'Nothing can be paid before the contract is signed.' }]);
  });

  it('keeps problems the API placed on a field where they are, and places the others', () => {
    const error = problem('CONTRACT_REQUIRED', [
      { code: 'CONTRACT_REQUIRED', message: 'no contract' },
      { code: 'VALIDATION_FAILED', field: 'paidOn', message: 'in the future' },
      { code: 'PAYMENT_EXCEEDS_AWARD', field: 'amountCzk', message: 'above the award' },
    ]);
    expect((attachToField(error, 'amountCzk') as ApiError).problem.errors.map((e) => [e.field, e.code])).toEqual([
      ['amountCzk', 'CONTRACT_REQUIRED'],
      ['paidOn', 'VALIDATION_FAILED'],
      ['amountCzk', 'PAYMENT_EXCEEDS_AWARD'],
    ]);
  });

  it('returns the same error when every problem has its field, or none is listed', () => {
    const placed = problem('PAYMENT_EXCEEDS_AWARD', [{ code: 'PAYMENT_EXCEEDS_AWARD', field: 'amountCzk', message: 'above' }]);
    expect(attachToField(placed, 'amountCzk')).toBe(placed);
    const bare = problem('INVALID_STATUS_TRANSITION', []);
    expect(attachToField(bare, 'amountCzk')).toBe(bare);
  });

  it('leaves anything that is not an API answer alone', () => {
    const network = new Error('network');
    expect(attachToField(network, 'amountCzk')).toBe(network);
    expect(attachToField(null, 'amountCzk')).toBeNull();
  });
});

describe('remainingToPay', () => {
  it('is the award less what was paid, never below zero', () => {
    expect(remainingToPay({ awardedCzk: 200_000, paidCzk: 100_000 })).toBe(100_000);
    expect(remainingToPay({ awardedCzk: 48_000, paidCzk: 48_000 })).toBe(0);
    expect(remainingToPay({ awardedCzk: 0, paidCzk: 0 })).toBe(0);
  });
});
