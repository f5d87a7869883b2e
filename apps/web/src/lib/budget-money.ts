import { ApiError } from './problem';

/**
 * A money form's answer with its problems on the form's own fields. Two forms share the
 * money page (payment and return) and both have an `amountCzk`, so each names its fields
 * under a prefix (`payment.amountCzk`) to keep the ids apart; the API's field paths get
 * the same prefix here. The API reports some rules about the application as a whole
 * (CONTRACT_REQUIRED: no contract yet) without a field: the form shows those next to the
 * field they concern (`fallback`, the amount), so the problem summary links to it and the
 * field announces it. An answer that lists no problems is left as it is (its summary says it all).
 */
export function moneyFormProblems(error: unknown, prefix: string, fallback: string): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = error.problem.errors ?? [];
  if (errors.length === 0) return error;
  return new ApiError(error.status, { ...error.problem, errors: errors.map((e) => ({ ...e, field: `${prefix}.${e.field || fallback}` })) });
}

/** What is still to pay of an award, shown beside the payment form (the API still decides). */
export function remainingToPay(money: { awardedCzk: number; paidCzk: number }): number {
  return Math.max(0, money.awardedCzk - money.paidCzk);
}
