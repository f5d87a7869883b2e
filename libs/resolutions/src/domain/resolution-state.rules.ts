import type { Violation } from '@app/core/domain';
import type { ResolutionStatus } from './resolution.types';

/** Only a draft is edited, adopted, rejected by the body or withdrawn (RESOLUTION_NOT_DRAFT). */
export function checkDraft(status: ResolutionStatus): Violation[] {
  if (status === 'draft') return [];
  return [{ code: 'RESOLUTION_NOT_DRAFT', message: `The resolution is ${status}, no longer a draft: it cannot change.` }];
}

/** The optimistic check of an edit: the version it was based on must still be the draft's (RESOLUTION_CHANGED). */
export function checkVersion(current: number, expected: number | undefined): Violation[] {
  if (expected === undefined || expected === current) return [];
  return [
    {
      code: 'RESOLUTION_CHANGED',
      field: 'version',
      message: `The draft changed since version ${expected}; it is at version ${current} now. Reload it and edit again.`,
    },
  ];
}

export const CLOSE_REASON_MAX_LENGTH = 2000;

/** A draft the body rejected, or the officers withdraw, says why (trimmed, 1..2000 characters). */
export function checkCloseReason(reason: string): Violation[] {
  const trimmed = reason.trim();
  if (trimmed === '') return [{ code: 'VALIDATION_FAILED', field: 'reason', message: 'Say why the resolution is closed.' }];
  if (trimmed.length > CLOSE_REASON_MAX_LENGTH) {
    return [{ code: 'VALIDATION_FAILED', field: 'reason', message: `The reason can have at most ${CLOSE_REASON_MAX_LENGTH} characters.` }];
  }
  return [];
}
