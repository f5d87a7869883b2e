import { isIsoDate } from '@app/core/domain';

/**
 * The one rule of the correction deadline: an application returned for
 * correction is the applicant's to edit and resubmit up to and including its
 * due date (a Prague calendar date); from the day after, the officer decides on
 * it as it is. Used by the edit and submit rules here and by the portal.
 */
export function correctionDeadlinePassed(input: { todayInPrague: string; correctionDueOn: string }): boolean {
  for (const [name, value] of Object.entries(input)) {
    if (!isIsoDate(value)) throw new RangeError(`${name} must be a calendar date (YYYY-MM-DD), got ${JSON.stringify(value)}`);
  }
  return input.todayInPrague > input.correctionDueOn;
}
