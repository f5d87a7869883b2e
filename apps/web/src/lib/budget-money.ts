import { ApiError } from './problem';

/**
 * A money form's answer with every listed problem attached to a field: the API reports
 * some rules about the application as a whole (CONTRACT_REQUIRED: no contract yet) without
 * a field, and the form shows them next to the field they concern (the amount), so the
 * problem summary links to it and the field announces it. Problems with a field stay
 * where the API put them; an answer that lists no problems is left as it is (its summary says it all).
 */
export function attachToField(error: unknown, field: string): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = error.problem.errors ?? [];
  if (!errors.some((e) => !e.field)) return error;
  return new ApiError(error.status, { ...error.problem, errors: errors.map((e) => (e.field ? e : { ...e, field })) });
}

/** What is still to pay of an award, shown beside the payment form (the API still decides). */
export function remainingToPay(money: { awardedCzk: number; paidCzk: number }): number {
  return Math.max(0, money.awardedCzk - money.paidCzk);
}
