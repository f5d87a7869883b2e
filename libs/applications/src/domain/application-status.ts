import { correctionDeadlinePassed } from './correction-deadline';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'correction_requested',
  'eligible',
  'ineligible',
  'recommended',
  'not_recommended',
  'approved',
  'rejected',
  'contracted',
  'settlement_submitted',
  'settled',
  'closed',
  'withdrawn',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['correction_requested', 'eligible', 'ineligible', 'withdrawn'],
  // After the correction deadline has passed without a resubmission, the officer decides on it as it is.
  correction_requested: ['submitted', 'correction_requested', 'eligible', 'ineligible', 'withdrawn'],
  eligible: ['recommended', 'not_recommended', 'withdrawn'],
  ineligible: ['withdrawn'],
  // The council/assembly decides: it may reject a recommended application, and approve one the commission did not
  // recommend (money's decision rules then require the reason for deviating from the commission).
  recommended: ['approved', 'rejected', 'withdrawn'],
  not_recommended: ['approved', 'rejected', 'withdrawn'],
  approved: ['contracted'],
  rejected: [],
  contracted: ['settlement_submitted'],
  settlement_submitted: ['settled'],
  settled: ['closed'],
  closed: [],
  withdrawn: [],
};

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: ApplicationStatus): ApplicationStatus[] {
  return [...TRANSITIONS[from]];
}

/** Only the applicant's own drafts and applications returned for correction can be changed. */
export function isEditable(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'correction_requested';
}

/**
 * Editable now: a draft always; an application returned for correction up to
 * and including its correction due date (a Prague calendar date), after which
 * the officer decides on it as it is. Null when editable, else the reason.
 */
export function notEditableBecause(input: { status: ApplicationStatus; correctionDueOn: string | null; todayInPrague: string }): string | null {
  if (!isEditable(input.status)) return `An application in status ${input.status} cannot be edited.`;
  if (input.status === 'correction_requested' && input.correctionDueOn !== null && correctionDeadlinePassed({ todayInPrague: input.todayInPrague, correctionDueOn: input.correctionDueOn })) {
    return `The deadline for correcting the defects was ${input.correctionDueOn}; the officer now decides on the application as it is.`;
  }
  return null;
}

/** From the formal check on, an eligible application is the DOT Commission's to see. */
export const COMMISSION_VISIBLE_STATUSES: readonly ApplicationStatus[] = [
  'eligible',
  'recommended',
  'not_recommended',
  'approved',
  'rejected',
  'contracted',
  'settlement_submitted',
  'settled',
  'closed',
];

/** Statuses that do not count against a call's limit of applications per organisation. */
export const INACTIVE_STATUSES: readonly ApplicationStatus[] = ['draft', 'withdrawn'];
