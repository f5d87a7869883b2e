import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationsService } from '@app/applications/applications.service';
import type { ApplicationView } from '@app/applications/applications.views';
import type { ApplicationStatus } from '@app/applications/domain/application-status';
import { AuditTrail } from '@app/core/audit/audit-trail.service';
import type { AuthUser } from '@app/core/auth/role';
import { Clock } from '@app/core/clock/clock';
import { DomainError } from '@app/core/errors/domain-error';
import { pragueDate } from '@app/core/time/prague-time';
import { LetterRequests } from '@app/letters/letter-requests';
import { checkFormalCheck, formalCheckLetter, type FormalCheckResult } from './domain/formal-check.rules';

export interface FormalCheckCommand {
  result: FormalCheckResult;
  reasons: string[];
  correctionDueOn?: string;
}

interface CheckedRow {
  status: ApplicationStatus;
  correction_due_on: string | null;
  submission_closes_at: Date;
}

/**
 * The NMF officer's formal check: eligible, ineligible with reasons, or a
 * request to correct defects by a date. Status, history, the check itself,
 * the applicant's letter and the audit event commit together.
 */
@Injectable()
export class FormalCheckService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly letters: LetterRequests,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async check(caller: AuthUser, id: string, command: FormalCheckCommand): Promise<ApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const rows: CheckedRow[] = await manager.query(
        `SELECT a.status, a.correction_due_on::text AS correction_due_on, c.submission_closes_at
           FROM application a JOIN call c ON c.id = a.call_id
          WHERE a.id = $1 AND a.status <> 'draft'
            FOR UPDATE OF a`,
        [id],
      );
      const app = rows[0];
      if (!app) throw new DomainError('NOT_FOUND', 'No such submitted application.');
      const now = this.clock.now();
      const reasons = command.reasons.map((r) => r.trim());
      const violations = checkFormalCheck({
        now,
        todayInPrague: pragueDate(now),
        submissionClosesAt: app.submission_closes_at,
        status: app.status,
        pendingCorrectionDueOn: app.correction_due_on,
        result: command.result,
        reasons,
        correctionDueOn: command.correctionDueOn ?? null,
      });
      if (violations.length) throw DomainError.fromViolations(violations);

      const correctionDueOn = command.result === 'correction_requested' ? (command.correctionDueOn ?? null) : null;
      await manager.query(
        `WITH changed AS (
           UPDATE application SET status = $2, correction_due_on = $3, updated_at = now() WHERE id = $1 RETURNING id
         ), history AS (
           INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by, reason)
           SELECT id, $4, $2, $5, $6, $7 FROM changed
         )
         INSERT INTO formal_check (application_id, result, reasons, correction_due_on, checked_at, checked_by)
         SELECT id, $2, $8, $3, $5, $6 FROM changed`,
        [id, command.result, correctionDueOn, app.status, now, caller.id, reasons.join('; ') || null, reasons],
      );
      const letterKind = formalCheckLetter(command.result);
      const letterId = letterKind
        ? await this.letters.request(manager, {
            applicationId: id,
            kind: letterKind,
            decidedAt: now,
            decision: { result: command.result, reasons, correctionDueOn },
          })
        : null;
      const view = await this.applications.viewOf(manager, id);
      await this.audit.append(manager, {
        actor: caller,
        action: 'application.formal_check',
        entityType: 'application',
        entityId: id,
        before: { status: app.status, correctionDueOn: app.correction_due_on },
        after: { status: command.result, reasons, correctionDueOn, letterId },
      });
      return view;
    });
  }
}
