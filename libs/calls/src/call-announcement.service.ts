import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError, pragueDate } from '@app/core';
import { CallBudgetLedger } from './call-budget-ledger';
import type { CallView } from './calls.views';
import { CallsRepository } from './calls.repository';
import { checkAllocationsFitAppropriation, checkAnnouncement } from './domain/call.rules';
import { ProgrammesRepository } from './programmes.repository';

/** A call's announcement: its terms freeze and its parts' allocations leave the programme's appropriation. */
@Injectable()
export class CallAnnouncementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly ledger: CallBudgetLedger,
    private readonly programmes: ProgrammesRepository,
    private readonly calls: CallsRepository,
  ) {}

  announce(caller: AuthUser, id: string): Promise<CallView> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.calls.find(manager, id);
      if (!found) throw new DomainError('NOT_FOUND', 'No such call.');
      const programmeId = found.programmeId;
      const programme = await this.programmes.lock(manager, programmeId);
      const call = await this.calls.lock(manager, id);
      if (call.status !== 'draft') throw new DomainError('CALL_NOT_EDITABLE', 'This call is already announced.');
      const before = await this.viewOf(manager, id);
      const now = this.clock.now();
      const violations = [
        ...checkAnnouncement({ announcedOn: call.announcedOn, submissionOpensAt: call.submissionOpensAt, today: pragueDate(now) }),
        ...checkAllocationsFitAppropriation({
          appropriationCzk: programme.appropriationCzk,
          allocatedToOtherCallsCzk: await this.programmes.allocatedByAnnouncedCalls(manager, programmeId),
          partAllocationsCzk: before.parts.map((p) => p.allocationCzk),
        }),
      ];
      if (violations.length) throw DomainError.fromViolations(violations);
      await this.calls.markAnnounced(manager, id, now);
      // Each part's allocation leaves the programme's unallocated appropriation in the ledger.
      for (const part of await this.calls.partAllocationsOf(manager, id)) {
        await this.ledger.allocated(
          manager,
          { programmeId, callId: id, partId: part.id, partCode: part.code, amountCzk: part.allocationCzk },
          caller.id,
          now,
        );
      }
      const after = await this.viewOf(manager, id);
      await this.audit.append(manager, { actor: caller, action: 'call.announced', entityType: 'call', entityId: id, before, after });
      return after;
    });
  }

  private async viewOf(manager: EntityManager, id: string): Promise<CallView> {
    const view = await this.calls.viewOf(manager, id, this.clock.now());
    if (!view) throw new DomainError('NOT_FOUND', 'No such call.');
    return view;
  }
}
