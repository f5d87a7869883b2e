import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/core';
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

/** What changes together with the status, in the same UPDATE. */
export interface ChangedWithStatus {
  /** The due date of a correction request (null clears it). */
  correctionDueOn?: string | null;
  /** The application leaves the competition: its proposed amount goes. */
  clearProposal?: boolean;
}

/**
 * The writer of `application.status`: asks the transition table
 * (domain/application-status), changes the row only while it is still in the
 * status the caller read (`AND status = from`), and writes the history row, in
 * one statement inside the caller's transaction. A row that is no longer where
 * the caller saw it changes nothing and is refused (INVALID_STATUS_TRANSITION).
 *
 * Still outside it (next steps of the redesign): the submit statement of
 * SubmissionRepository (the registry-book number in the same statement) and
 * money's decision statement.
 */
@Injectable()
export class ApplicationLifecycle {
  async changeStatus(manager: EntityManager, change: StatusChange, also: ChangedWithStatus = {}): Promise<void> {
    assertTransition(change.from, change.to);
    const params: unknown[] = [change.applicationId, change.from, change.to, change.at, change.by, change.reason ?? null];
    const sets = ['status = $3', 'updated_at = now()'];
    if (also.correctionDueOn !== undefined) sets.push(`correction_due_on = $${params.push(also.correctionDueOn)}::date`);
    if (also.clearProposal) sets.push('proposed_czk = NULL');
    const rows: { n: number }[] = await manager.query(
      `WITH changed AS (
         UPDATE application SET ${sets.join(', ')} WHERE id = $1 AND status = $2 RETURNING id
       ), history AS (
         INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by, reason)
         SELECT id, $2, $3, $4, $5, $6 FROM changed
         RETURNING application_id
       )
       SELECT count(*)::int AS n FROM history`,
      params,
    );
    if (rows[0].n !== 1) throw notWhereItWas([change]);
  }

  /** Several applications at once (the close of an evaluation), each from the status the caller read. */
  async changeStatuses(
    manager: EntityManager,
    changes: readonly (Pick<StatusChange, 'applicationId' | 'from' | 'to'> & Pick<ChangedWithStatus, 'clearProposal'>)[],
    common: Pick<StatusChange, 'at' | 'by' | 'reason'>,
  ): Promise<void> {
    if (!changes.length) return;
    for (const c of changes) assertTransition(c.from, c.to);
    const rows: { n: number }[] = await manager.query(
      `WITH step AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[]) AS s(id, from_status, to_status, clear_proposal)
       ), changed AS (
         UPDATE application a
            SET status = s.to_status,
                proposed_czk = CASE WHEN s.clear_proposal THEN NULL ELSE a.proposed_czk END,
                updated_at = now()
           FROM step s
          WHERE a.id = s.id AND a.status = s.from_status
         RETURNING a.id, s.from_status, s.to_status
       ), history AS (
         INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by, reason)
         SELECT id, from_status, to_status, $5, $6, $7 FROM changed
         RETURNING application_id
       )
       SELECT count(*)::int AS n FROM history`,
      [
        changes.map((c) => c.applicationId),
        changes.map((c) => c.from),
        changes.map((c) => c.to),
        changes.map((c) => c.clearProposal ?? false),
        common.at,
        common.by,
        common.reason ?? null,
      ],
    );
    if (rows[0].n !== changes.length) throw notWhereItWas(changes);
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
