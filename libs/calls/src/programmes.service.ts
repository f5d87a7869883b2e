import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError } from '@app/core';
import { CallBudgetLedger } from './call-budget-ledger';
import { toProgrammeView, type ProgrammeView } from './calls.views';
import { ProgrammesRepository, type BudgetMeasureView } from './programmes.repository';

export interface ProgrammeCommand {
  code: string;
  name: string;
  year: number;
  appropriationCzk: number;
}

export interface ProgrammeDetailsView extends ProgrammeView {
  /** The parts' allocations of the programme's announced calls. */
  allocatedCzk: number;
  budgetMeasures: BudgetMeasureView[];
}

/** Programmes: created with their appropriation (booked in the ledger), listed, read with their budget measures. */
@Injectable()
export class ProgrammesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly ledger: CallBudgetLedger,
    private readonly programmes: ProgrammesRepository,
  ) {}

  createProgramme(caller: AuthUser, command: ProgrammeCommand): Promise<ProgrammeView> {
    return this.dataSource.transaction(async (manager) => {
      const programme = await this.programmes.insert(manager, command);
      const now = this.clock.now();
      if (programme.appropriationCzk > 0) {
        await this.ledger.appropriated(manager, { id: programme.id, code: programme.code, amountCzk: programme.appropriationCzk }, caller.id, now);
      }
      const view = toProgrammeView(programme);
      await this.audit.append(manager, {
        actor: caller,
        action: 'programme.created',
        entityType: 'programme',
        entityId: programme.id,
        after: view,
      });
      return view;
    });
  }

  /** A programme with its budget measures and what its announced calls allocate. */
  async getProgramme(id: string): Promise<ProgrammeDetailsView> {
    const manager = this.dataSource.manager;
    const programme = await this.programmes.find(manager, id);
    if (!programme) throw new DomainError('NOT_FOUND', 'No such programme.');
    // One after the other: a manager may share one connection.
    const budgetMeasures = await this.programmes.budgetMeasuresOf(manager, id);
    const allocatedCzk = await this.programmes.allocatedByAnnouncedCalls(manager, id);
    return { ...toProgrammeView(programme), allocatedCzk, budgetMeasures };
  }

  listProgrammes(page: number, pageSize: number): Promise<{ items: ProgrammeView[]; total: number }> {
    return this.programmes.page(this.dataSource.manager, page, pageSize);
  }
}
