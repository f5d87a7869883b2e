import { moneyFormProblems, remainingToPay } from './budget-money';
import { ApiError, type ProblemDetails } from './problem';

const problem = (code: ProblemDetails['code'], errors: ProblemDetails['errors']): ApiError =>
  new ApiError(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'refused', code, errors });

describe('moneyFormProblems', () => {
  it('puts a problem about the whole application (no contract) next to the amount of its form', () => {
    const error = problem('CONTRACT_REQUIRED', [{ code: 'CONTRACT_REQUIRED', message: 'Nothing can be paid before the contract is signed.' }]);
    const placed = moneyFormProblems(error, 'payment', 'amountCzk') as ApiError;
    expect(placed).toBeInstanceOf(ApiError);
    expect(placed.status).toBe(409);
    expect(placed.problem.code).toBe('CONTRACT_REQUIRED');
    expect(placed.problem.errors).toEqual([{ field: 'payment.amountCzk', code: 'CONTRACT_REQUIRED', message: 'Nothing can be paid before the contract is signed.' }]);
  });

  it('names the API’s fields as the form does, keeping each problem on its own field', () => {
    const error = problem('CONTRACT_REQUIRED', [
      { code: 'CONTRACT_REQUIRED', message: 'no contract' },
      { code: 'VALIDATION_FAILED', field: 'paidOn', message: 'in the future' },
      { code: 'PAYMENT_EXCEEDS_AWARD', field: 'amountCzk', message: 'above the award' },
    ]);
    expect((moneyFormProblems(error, 'payment', 'amountCzk') as ApiError).problem.errors.map((e) => [e.field, e.code])).toEqual([
      ['payment.amountCzk', 'CONTRACT_REQUIRED'],
      ['payment.paidOn', 'VALIDATION_FAILED'],
      ['payment.amountCzk', 'PAYMENT_EXCEEDS_AWARD'],
    ]);
    expect((moneyFormProblems(error, 'return', 'amountCzk') as ApiError).problem.errors[1].field).toBe('return.paidOn');
  });

  it('returns the same error when it lists no problems, and leaves other failures alone', () => {
    const bare = problem('INVALID_STATUS_TRANSITION', []);
    expect(moneyFormProblems(bare, 'payment', 'amountCzk')).toBe(bare);
    const network = new Error('network');
    expect(moneyFormProblems(network, 'payment', 'amountCzk')).toBe(network);
    expect(moneyFormProblems(null, 'payment', 'amountCzk')).toBeNull();
  });
});

describe('remainingToPay', () => {
  it('is the award less what was paid, never below zero', () => {
    expect(remainingToPay({ awardedCzk: 200_000, paidCzk: 100_000 })).toBe(100_000);
    expect(remainingToPay({ awardedCzk: 48_000, paidCzk: 48_000 })).toBe(0);
    expect(remainingToPay({ awardedCzk: 0, paidCzk: 0 })).toBe(0);
  });
});
