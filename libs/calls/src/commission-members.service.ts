import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError } from '@app/core';
import type { CommissionView } from './calls.views';
import { CallsRepository } from './calls.repository';
import { CommissionMembersRepository } from './commission-members.repository';
import { seesDraftCalls } from './domain/call.rules';
import { checkCommission, checkCommissionChange, commissionDifference, reasonGiven } from './domain/commission.rules';

export interface CommissionCommand {
  memberIds: string[];
  chairId: string;
  /** Why the commission changes; needed once the submission window has closed. */
  reason?: string;
}

/** Who sits on a call's DOT Commission, and its chair. */
@Injectable()
export class CommissionMembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly calls: CallsRepository,
    private readonly members: CommissionMembersRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Sets the call's DOT Commission: users with the commission role, one of
   * them the chair. Once the submission window has closed (members may be
   * scoring) a change needs a reason, kept in the audit event; after the
   * evaluation's close it cannot change (checkCommissionChange). A removed
   * member's sheets stay in score_sheet: the record shows them, the averages
   * leave them out.
   */
  setCommission(caller: AuthUser, callId: string, command: CommissionCommand): Promise<CommissionView> {
    return this.dataSource.transaction(async (manager) => {
      const call = await this.calls.lock(manager, callId);
      const before = await this.commissionOf(manager, callId);
      const violations = checkCommission({
        memberIds: command.memberIds,
        chairId: command.chairId,
        quorum: call.quorum,
        roles: await this.members.rolesOf(manager, command.memberIds),
      });
      if (violations.length) throw DomainError.fromViolations(violations);
      const difference = commissionDifference(
        { memberIds: before.members.map((m) => m.userId), chairId: before.members.find((m) => m.chair)?.userId ?? null },
        { memberIds: command.memberIds, chairId: command.chairId },
      );
      const reason = reasonGiven(command.reason);
      const frozen = checkCommissionChange({
        announced: call.status === 'announced',
        now: this.clock.now(),
        submissionClosesAt: call.submissionClosesAt,
        evaluationClosedAt: call.evaluationClosedAt,
        difference,
        reason,
      });
      if (frozen.length) throw DomainError.fromViolations(frozen);
      await this.members.deleteMembers(manager, callId);
      await this.members.insertMembers(manager, callId, command.memberIds, command.chairId);
      const after = await this.commissionOf(manager, callId);
      await this.audit.append(manager, {
        actor: caller,
        action: 'call.commission_set',
        entityType: 'call',
        entityId: callId,
        before,
        after: { ...after, added: difference.added, removed: difference.removed },
        reason,
      });
      return after;
    });
  }

  /**
   * The call's DOT Commission: for officers of any call, for a commission
   * member of an announced call they sit on; a member of another call's
   * commission is refused as the ranking refuses them (403 NOT_A_COMMISSION_MEMBER).
   */
  async getCommission(caller: AuthUser, callId: string): Promise<CommissionView> {
    const manager = this.dataSource.manager;
    const call = await this.calls.find(manager, callId);
    if (!call || (call.status === 'draft' && !seesDraftCalls(caller.role))) throw new DomainError('NOT_FOUND', 'No such call.');
    if (caller.role === 'commission' && !(await this.members.isMember(manager, callId, caller.id))) {
      throw new DomainError('NOT_A_COMMISSION_MEMBER', "You are not a member of this call's commission.");
    }
    return this.commissionOf(manager, callId);
  }

  private async commissionOf(manager: EntityManager, callId: string): Promise<CommissionView> {
    return { callId, members: await this.members.membersOf(manager, callId) };
  }
}
