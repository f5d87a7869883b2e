import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationLifecycle } from '@app/applications';
import { AuditTrail, type AuthUser, Clock, DomainError } from '@app/core';
import { checkSettlement, type SettlementLine } from './domain/settlement.rules';
import { MoneyRepository } from './money.repository';
import { SettlementsRepository, type SettlementView } from './settlements.repository';

export type { SettlementView } from './settlements.repository';

export interface SettlementCommand {
  spentCzk: number;
  lines: SettlementLine[];
  report: string;
}

/** The recipient's settlement at the end of a grant: what was spent, line by line, and the report. */
@Injectable()
export class SettlementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly money: MoneyRepository,
    private readonly settlements: SettlementsRepository,
    private readonly lifecycle: ApplicationLifecycle,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async submit(caller: AuthUser, applicationId: string, command: SettlementCommand): Promise<SettlementView> {
    if (caller.role !== 'applicant' || !caller.organisationId) throw new DomainError('FORBIDDEN', 'Only the recipient submits its settlement.');
    return this.dataSource.transaction(async (manager) => {
      const app = await this.money.lockSubject(manager, applicationId, caller.organisationId!);
      if (!app) throw new DomainError('NOT_FOUND', 'No such application.');
      const violations = checkSettlement({
        status: app.status,
        paidCzk: app.paidCzk,
        returnedCzk: app.returnedCzk,
        spentCzk: command.spentCzk,
        lines: command.lines,
        report: command.report,
        budgetCategories: app.budgetCategories,
      });
      if (violations.length) throw DomainError.fromViolations(violations);
      const now = this.clock.now();
      await this.settlements.insertSettlement(manager, { applicationId, spentCzk: command.spentCzk, lines: command.lines, report: command.report, at: now, by: caller.id });
      await this.lifecycle.changeStatus(manager, { applicationId, from: app.status, to: 'settlement_submitted', at: now, by: caller.id });
      const view = await this.settlements.view(manager, applicationId);
      await this.audit.append(manager, {
        actor: caller,
        action: 'settlement.submitted',
        entityType: 'application',
        entityId: applicationId,
        before: { status: app.status },
        after: view,
      });
      return view;
    });
  }
}
