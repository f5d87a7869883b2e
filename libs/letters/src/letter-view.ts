import type { AuthUser } from '@app/core';
import type { LetterKind, LetterStatus } from './domain/letter-kind';

/** A letter as its readers see it. */
export interface LetterView {
  id: string;
  kind: LetterKind;
  status: LetterStatus;
  /** Hex SHA-256 of the PDF once ready (also its ETag), else null. */
  sha256: string | null;
  createdAt: string;
  readyAt: string | null;
  /**
   * Staff only (officer, budget): why the worker gave up, so an officer can
   * tell a retry worth trying from one that is not. Applicants never see it:
   * it is an operator's message, not the applicant's business.
   */
  failureReason?: string | null;
}

export interface LetterRow {
  id: string;
  kind: LetterKind;
  status: LetterStatus;
  sha256: string | null;
  failure_reason: string | null;
  created_at: Date;
  ready_at: Date | null;
}

export function toLetterView(row: LetterRow, caller: Pick<AuthUser, 'role'>): LetterView {
  const view: LetterView = {
    id: row.id,
    kind: row.kind,
    status: row.status,
    sha256: row.sha256,
    createdAt: row.created_at.toISOString(),
    readyAt: row.ready_at?.toISOString() ?? null,
  };
  return caller.role === 'applicant' ? view : { ...view, failureReason: row.failure_reason };
}

/** A letter in the staff's list across applications (the officer's "failed letters" screen). */
export interface LetterListView {
  id: string;
  applicationId: string;
  callId: string;
  referenceNumber: string | null;
  organisationName: string;
  kind: LetterKind;
  status: LetterStatus;
  failureReason: string | null;
  createdAt: string;
  readyAt: string | null;
}
