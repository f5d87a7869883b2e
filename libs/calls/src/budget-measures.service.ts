import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError } from '@app/core';
import { CallBudgetLedger } from './call-budget-ledger';
import { toProgrammeView, type ProgrammeView } from './calls.views';
import { checkAppropriationChange } from './domain/call.rules';
import { ProgrammesRepository } from './programmes.repository';

export interface BudgetMeasureCommand {
  amountCzk: number;
  reference: string;
  reason: string;
}

/** Budget measures (rozpočtová opatření): they change a programme's appropriation. */
@Injectable()
export class BudgetMeasuresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly ledger: CallBudgetLedger,
    private readonly programmes: ProgrammesRepository,
  ) {}

  /** Raises or lowers a programme's appropriation; never below what its announced calls allocate. */
  addBudgetMeasure(caller: AuthUser, programmeId: string, command: BudgetMeasureCommand): Promise<ProgrammeView> {
    return this.dataSource.transaction(async (manager) => {
      const programme = await this.programmes.lock(manager, programmeId);
      const before = toProgrammeView(programme);
      const allocatedCzk = await this.programmes.allocatedByAnnouncedCalls(manager, programmeId);
      const violations = checkAppropriationChange({
        appropriationCzk: programme.appropriationCzk,
        changeCzk: command.amountCzk,
        allocatedCzk,
      });
      if (violations.length) throw DomainError.fromViolations(violations);
      programme.appropriationCzk += command.amountCzk;
      await this.programmes.setAppropriation(manager, programme.id, programme.appropriationCzk);
      const measureId = await this.programmes.insertBudgetMeasure(manager, { programmeId, ...command, createdBy: caller.id });
      if (command.amountCzk !== 0) {
        const now = this.clock.now();
        await this.ledger.budgetMeasure(manager, { programmeId, reference: command.reference, amountCzk: command.amountCzk }, caller.id, now);
      }
      const after = toProgrammeView(programme);
      await this.audit.append(manager, {
        actor: caller,
        action: 'programme.budget_measure_recorded',
        entityType: 'programme',
        entityId: programme.id,
        before,
        after: { ...after, budgetMeasure: { id: measureId, ...command } },
        reason: command.reason,
      });
      return after;
    });
  }
}
