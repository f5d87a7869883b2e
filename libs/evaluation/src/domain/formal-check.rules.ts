import type { ApplicationStatus } from '@app/applications/domain';
import { assertCalendarDate, isCalendarDate } from './calendar-date';
import { invalid, type Violation } from './violation';

export const FORMAL_CHECK_RESULTS = ['eligible', 'ineligible', 'correction_requested'] as const;
export type FormalCheckResult = (typeof FORMAL_CHECK_RESULTS)[number];

export interface FormalCheck {
  now: Date;
  submissionClosesAt: Date;
  status: ApplicationStatus;
  /**
   * The deadline of an earlier request for correction, when the application
   * is still `correction_requested` (not resubmitted). Once that Prague date
   * has passed, the officer makes a new formal check of the application as it is.
   */
  pendingCorrectionDueOn?: string | null;
  result: FormalCheckResult;
  /** Reasons of ineligibility, or the defects to correct; optional notes when eligible. */
  reasons: readonly string[];
  correctionDueOn?: string | null;
  /** The Prague calendar date of `now`. */
  todayInPrague: string;
}

/**
 * The NMF officer's formal check of a submitted application, once the
 * submission window has closed: eligible; ineligible, with reasons; or
 * returned for the defects (the reasons) to be corrected by a date after today.
 * An application returned for correction and not resubmitted by its deadline
 * is checked again, by the same rules, from the day after that deadline.
 * Every problem at once; the window first, since nothing else matters before it.
 */
export function checkFormalCheck(input: FormalCheck): Violation[] {
  assertCalendarDate('todayInPrague', input.todayInPrague);
  const v: Violation[] = [];

  if (input.now.getTime() < input.submissionClosesAt.getTime()) {
    v.push({ code: 'FORMAL_CHECK_NOT_OPEN', message: 'The formal check starts when the submission period has closed.' });
  }
  const pendingDue = input.pendingCorrectionDueOn ?? null;
  if (input.status === 'correction_requested' && pendingDue !== null) {
    assertCalendarDate('pendingCorrectionDueOn', pendingDue);
    if (input.todayInPrague <= pendingDue) {
      v.push({
        code: 'INVALID_STATUS_TRANSITION',
        message: `The applicant may correct the defects until ${pendingDue}; check the application when it is resubmitted or once that day has passed.`,
      });
    }
  } else if (input.status !== 'submitted') {
    v.push({
      code: 'INVALID_STATUS_TRANSITION',
      message: `Only a submitted application can be formally checked; this one is ${input.status.replace(/_/g, ' ')}.`,
    });
  }

  input.reasons.forEach((reason, i) => {
    if (reason.trim() === '') v.push(invalid(`reasons[${i}]`, 'A reason must not be blank.'));
  });
  const hasReason = input.reasons.some((r) => r.trim() !== '');
  const due = input.correctionDueOn ?? null;

  switch (input.result) {
    case 'eligible':
    case 'ineligible':
      if (input.result === 'ineligible' && !hasReason) {
        v.push(invalid('reasons', 'Say why the application is ineligible: at least one reason is required.'));
      }
      if (due !== null) v.push(invalid('correctionDueOn', 'A correction deadline belongs only to a request for correction.'));
      break;
    case 'correction_requested':
      if (!hasReason) v.push(invalid('reasons', 'List the defects to correct: at least one is required.'));
      if (due === null) v.push(invalid('correctionDueOn', 'A request for correction needs a deadline.'));
      else if (!isCalendarDate(due)) v.push(invalid('correctionDueOn', 'The correction deadline must be a date (YYYY-MM-DD).'));
      else if (due <= input.todayInPrague) {
        v.push(invalid('correctionDueOn', `The correction deadline must be after today (${input.todayInPrague}).`));
      }
      break;
  }
  return v;
}

/** The letter the applicant gets after the formal check, if any (kinds of GET /applications/:id/letters). */
export function formalCheckLetter(result: FormalCheckResult): 'ineligible' | 'correction_request' | null {
  return result === 'ineligible' ? 'ineligible' : result === 'correction_requested' ? 'correction_request' : null;
}
