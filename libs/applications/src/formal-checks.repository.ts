import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApplicationStatus } from './domain/application-status';
import type { FormalCheckEntity } from './formal-check.entity';

/** What the formal check of one application is judged on. */
export interface ApplicationToCheck {
  status: ApplicationStatus;
  /** The due date of a pending correction request (YYYY-MM-DD), or null. */
  correctionDueOn: string | null;
  submissionClosesAt: Date;
}

/** One formal check as it is recorded. */
export interface FormalCheckWrite {
  applicationId: string;
  result: FormalCheckEntity['result'];
  reasons: string[];
  correctionDueOn: string | null;
  checkedAt: Date;
  checkedBy: string;
}

/**
 * The NMF officer's formal checks (`formal_check`, applications' table: the
 * applicant's view shows them) and what they are judged on; evaluation's
 * FormalCheckService decides, this writes.
 */
@Injectable()
export class FormalChecksRepository {
  /**
   * The submitted (not draft) application with its call's window, its row
   * locked until the caller's transaction ends (two checks of one application
   * go one after the other); null for a draft or no such application.
   */
  async applicationToCheck(manager: EntityManager, applicationId: string): Promise<ApplicationToCheck | null> {
    const rows: { status: ApplicationStatus; correction_due_on: string | null; submission_closes_at: Date }[] = await manager.query(
      `SELECT a.status, a.correction_due_on::text AS correction_due_on, c.submission_closes_at
         FROM application a JOIN call c ON c.id = a.call_id
        WHERE a.id = $1 AND a.status <> 'draft'
          FOR UPDATE OF a`,
      [applicationId],
    );
    const r = rows[0];
    return r ? { status: r.status, correctionDueOn: r.correction_due_on, submissionClosesAt: r.submission_closes_at } : null;
  }

  /** Appends the check to the application's checks (every check is kept, in order). */
  async record(manager: EntityManager, check: FormalCheckWrite): Promise<void> {
    await manager.query(
      `INSERT INTO formal_check (application_id, result, reasons, correction_due_on, checked_at, checked_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [check.applicationId, check.result, check.reasons, check.correctionDueOn, check.checkedAt, check.checkedBy],
    );
  }
}
