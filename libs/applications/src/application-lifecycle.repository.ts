import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type PreparedAuditEvent, preparedQuery } from '@app/core';
import { canTransition, type ApplicationStatus } from './domain/application-status';

/** One step of an application's life, by whom and when (and why, for the history). */
export interface StatusChange {
  applicationId: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
  at: Date;
  by: string;
  reason?: string | null;
}

/** What goes with the status change, in the same statement. */
export interface ChangedWithStatus {
  /** The due date of a correction request (null clears it); absent: unchanged. */
  correctionDueOn?: string | null;
  /** The audit event of the change (AuditTrail.prepare), appended last, only when the row changed. */
  audit?: PreparedAuditEvent;
}

/** The first submission: the registry-book number is taken in the same statement. */
export interface FirstSubmission {
  applicationId: string;
  callId: string;
  /** The reference number's prefix (referencePrefix); the statement appends the book's next number. */
  prefix: string;
  from: ApplicationStatus;
  submittedAt: Date;
  at: Date;
  by: string;
}

/**
 * The writer of `application.status`, the only one: every step asks the
 * transition table (domain/application-status), changes the row only while it
 * is still in the status the caller read (`AND status = from`), and writes the
 * history row, in one statement inside the caller's transaction. A row that
 * is no longer where the caller saw it changes nothing and is refused
 * (INVALID_STATUS_TRANSITION).
 */
@Injectable()
export class ApplicationLifecycle {
  async changeStatus(manager: EntityManager, change: StatusChange, also: ChangedWithStatus = {}): Promise<void> {
    assertTransition(change.from, change.to);
    const params = [
      change.applicationId,
      change.from,
      change.to,
      change.at,
      change.by,
      change.reason ?? null,
      also.correctionDueOn !== undefined,
      also.correctionDueOn ?? null,
    ];
    const audit = also.audit?.params ?? NO_AUDIT_EVENT;
    const [row] = await preparedQuery<{ n: number }>(manager, 'lifecycle_change_status', CHANGE_STATUS, [...params, ...audit]);
    if (row.n !== 1) throw notWhereItWas([change]);
  }

  /** Several applications at once (the close of an evaluation), each from the status the caller read. */
  async changeStatuses(
    manager: EntityManager,
    changes: readonly Pick<StatusChange, 'applicationId' | 'from' | 'to'>[],
    common: Pick<StatusChange, 'at' | 'by' | 'reason'>,
  ): Promise<void> {
    if (!changes.length) return;
    for (const c of changes) assertTransition(c.from, c.to);
    const rows: { n: number }[] = await manager.query(
      `WITH step AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) AS s(id, from_status, to_status)
       ), changed AS (
         UPDATE application SET status = s.to_status, updated_at = now()
           FROM step s
          WHERE application.id = s.id AND application.status = s.from_status
         RETURNING application.id, s.from_status, s.to_status
       ), history AS (
         INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by, reason)
         SELECT id, from_status, to_status, $4, $5, $6 FROM changed
         RETURNING application_id
       )
       SELECT count(*)::int AS n FROM history`,
      [changes.map((c) => c.applicationId), changes.map((c) => c.from), changes.map((c) => c.to), common.at, common.by, common.reason ?? null],
    );
    if (rows[0].n !== changes.length) throw notWhereItWas(changes);
  }

  /**
   * The first submission: takes the next number of the call's registry book,
   * marks the application submitted (with its history row) and appends the
   * audit event, in one statement. The call's row lock, which makes the
   * numbers gapless, is then held for this statement and the commit only: it
   * is what every submit of a call queues on. The number is formatted as
   * formatReferenceNumber does (at least four digits; the e2e tests hold the
   * two to the same result) and put into the prepared audit event in place of
   * its placeholder.
   */
  async submitFirst(manager: EntityManager, change: FirstSubmission, audit: PreparedAuditEvent): Promise<string> {
    assertTransition(change.from, 'submitted');
    const rows = await preparedQuery<{ reference_number: string }>(manager, 'lifecycle_submit_first', SUBMIT_FIRST, [
      change.applicationId,
      change.callId,
      change.prefix,
      change.submittedAt,
      change.from,
      change.at,
      change.by,
      JSON.stringify(audit.placeholder),
      ...audit.params,
    ]);
    if (!rows[0]) throw notWhereItWas([{ from: change.from, to: 'submitted' }]);
    return rows[0].reference_number;
  }

  /** The first line of a new application's history (it is created as a draft). */
  async created(manager: EntityManager, applicationId: string, at: Date, by: string): Promise<void> {
    await manager.query(
      `INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by, reason)
       VALUES ($1, NULL, 'draft', $2, $3, NULL)`,
      [applicationId, at, by],
    );
  }
}

/** The audit event ($9…$19, all null without one) is appended last (it takes the chain's lock until COMMIT), only when the row changed. */
const CHANGE_STATUS = `WITH changed AS (
         UPDATE application SET status = $3, updated_at = now(),
                correction_due_on = CASE WHEN $7::boolean THEN $8::date ELSE correction_due_on END
          WHERE id = $1 AND status = $2
         RETURNING id
       ), history AS (
         INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by, reason)
         SELECT id, $2, $3, $4, $5, $6 FROM changed
         RETURNING application_id
       )
       SELECT h.n,
              CASE WHEN h.n = 1 AND $9::uuid IS NOT NULL
                   THEN audit_append($9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17::jsonb, $18, $19) END AS audit_seq
         FROM (SELECT count(*)::int AS n FROM history) h`;

/** audit_append's eleven arguments, none. */
const NO_AUDIT_EVENT: readonly unknown[] = Array(11).fill(null);

const SUBMIT_FIRST = `WITH book AS (
         UPDATE call SET last_reference_number = last_reference_number + 1 WHERE id = $2 RETURNING last_reference_number AS n
       ), submitted AS (
         UPDATE application SET status = 'submitted', submitted_at = $4, updated_at = now(),
                reference_number = $3 || '-' || lpad(book.n::text, greatest(4, length(book.n::text)), '0')
           FROM book WHERE application.id = $1 AND application.status = $5
         RETURNING application.id, application.reference_number, to_json(application.reference_number)::text AS reference_json
       ), history AS (
         INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by)
         SELECT id, $5, 'submitted', $6, $7 FROM submitted
       )
       SELECT s.reference_number,
              audit_append($9, $10, $11, $12, $13, $14, $15, $16::jsonb,
                           replace($17, $8, s.reference_json)::jsonb, $18, replace($19, $8, s.reference_json))
         FROM submitted s`;

function assertTransition(from: ApplicationStatus, to: ApplicationStatus): void {
  if (!canTransition(from, to)) throw new DomainError('INVALID_STATUS_TRANSITION', `An application in status ${from} cannot become ${to}.`);
}

function notWhereItWas(changes: readonly Pick<StatusChange, 'from' | 'to'>[]): DomainError {
  const [first] = changes;
  return new DomainError(
    'INVALID_STATUS_TRANSITION',
    changes.length === 1
      ? `The application is no longer ${first.from}: it cannot become ${first.to}.`
      : `Not every application is still in the status it was read in; nothing was changed.`,
  );
}
