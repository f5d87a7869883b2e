import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationLifecycle, ApplicationsService, type ApplicationView, FormalChecksRepository } from '@app/applications';
import { AuditTrail, type AuthUser, Clock, DomainError, pragueDate } from '@app/core';
import { LetterRequests } from '@app/letters';
import { checkFormalCheck, formalCheckLetter, type FormalCheckResult } from './domain/formal-check.rules';

export interface FormalCheckCommand {
  result: FormalCheckResult;
  reasons: string[];
  correctionDueOn?: string;
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
    private readonly formalChecks: FormalChecksRepository,
    private readonly applications: ApplicationsService,
    private readonly lifecycle: ApplicationLifecycle,
    private readonly letters: LetterRequests,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async check(caller: AuthUser, id: string, command: FormalCheckCommand): Promise<ApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const app = await this.formalChecks.applicationToCheck(manager, id);
      if (!app) throw new DomainError('NOT_FOUND', 'No such submitted application.');
      const now = this.clock.now();
      const reasons = command.reasons.map((r) => r.trim());
      const violations = checkFormalCheck({
        now,
        todayInPrague: pragueDate(now),
        submissionClosesAt: app.submissionClosesAt,
        status: app.status,
        pendingCorrectionDueOn: app.correctionDueOn,
        result: command.result,
        reasons,
        correctionDueOn: command.correctionDueOn ?? null,
      });
      if (violations.length) throw DomainError.fromViolations(violations);

      const correctionDueOn = command.result === 'correction_requested' ? (command.correctionDueOn ?? null) : null;
      await this.lifecycle.changeStatus(
        manager,
        { applicationId: id, from: app.status, to: command.result, at: now, by: caller.id, reason: reasons.join('; ') || null },
        { correctionDueOn },
      );
      await this.formalChecks.record(manager, {
        applicationId: id,
        result: command.result,
        reasons,
        correctionDueOn,
        checkedAt: now,
        checkedBy: caller.id,
      });
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
        before: { status: app.status, correctionDueOn: app.correctionDueOn },
        after: { status: command.result, reasons, correctionDueOn, letterId },
      });
      return view;
    });
  }
}
