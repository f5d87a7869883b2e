import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, definedOnly, DomainError, pragueDate, uniqueViolation } from '@app/core';
import { UserEntity } from '@app/identity';
import { PolicyService } from '@app/policy';
import { BudgetMeasureEntity } from './budget-measure.entity';
import { CallCriterionEntity } from './call-criterion.entity';
import { CallPartEntity } from './call-part.entity';
import { CallEntity } from './call.entity';
import { CommissionMemberEntity } from './commission-member.entity';
import { checkCommission } from './domain/commission.rules';
import { toCallView, toProgrammeView, type CallView, type ProgrammeView } from './calls.views';
import {
  checkAllocationsFitAppropriation,
  checkAnnouncement,
  checkAppropriationChange,
  checkCallTerms,
  type CallTerms,
} from './domain/call.rules';
import { ProgrammeEntity } from './programme.entity';
import { CallBudgetLedger } from './call-budget-ledger';
import { ProgrammesRepository, type BudgetMeasureView } from './programmes.repository';

export interface ProgrammeCommand {
  code: string;
  name: string;
  year: number;
  appropriationCzk: number;
}

export interface BudgetMeasureCommand {
  amountCzk: number;
  reference: string;
  reason: string;
}

export type CallCommand = Omit<CallTerms, 'rankingMethod'> & {
  programmeId: string;
  title: string;
  rankingMethod?: CallTerms['rankingMethod'];
};

export type CallPatch = Partial<Omit<CallCommand, 'programmeId'>>;

export interface CommissionCommand {
  memberIds: string[];
  chairId: string;
}

export interface ProgrammeDetailsView extends ProgrammeView {
  /** The parts' allocations of the programme's announced calls. */
  allocatedCzk: number;
  budgetMeasures: BudgetMeasureView[];
}

export interface CommissionView {
  callId: string;
  members: { userId: string; fullName: string; email: string; chair: boolean }[];
}

@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly policy: PolicyService,
    private readonly ledger: CallBudgetLedger,
    private readonly programmes: ProgrammesRepository,
  ) {}

  async createProgramme(caller: AuthUser, command: ProgrammeCommand): Promise<ProgrammeView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const programme = await manager.save(manager.create(ProgrammeEntity, command));
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
    } catch (error) {
      if (uniqueViolation(error) === 'programme_code_key') {
        throw new DomainError('PROGRAMME_EXISTS', `A programme with code ${command.code} already exists.`, [
          { field: 'code', message: 'is already used by another programme' },
        ]);
      }
      throw error;
    }
  }

  /** A programme with its budget measures and what its announced calls allocate. */
  async getProgramme(id: string): Promise<ProgrammeDetailsView> {
    const manager = this.dataSource.manager;
    const programme = await manager.getRepository(ProgrammeEntity).findOneBy({ id });
    if (!programme) throw new DomainError('NOT_FOUND', 'No such programme.');
    // One after the other: a manager may share one connection.
    const budgetMeasures = await this.programmes.budgetMeasuresOf(manager, id);
    const allocatedCzk = await this.programmes.allocatedByAnnouncedCalls(manager, id);
    return { ...toProgrammeView(programme), allocatedCzk, budgetMeasures };
  }

  listProgrammes(page: number, pageSize: number): Promise<{ items: ProgrammeView[]; total: number }> {
    return this.programmes.page(this.dataSource.manager, page, pageSize);
  }

  /** Raises or lowers a programme's appropriation; never below what its announced calls allocate. */
  async addBudgetMeasure(caller: AuthUser, programmeId: string, command: BudgetMeasureCommand): Promise<ProgrammeView> {
    return this.dataSource.transaction(async (manager) => {
      const programme = await this.lockProgramme(manager, programmeId);
      const before = toProgrammeView(programme);
      const allocatedCzk = await this.programmes.allocatedByAnnouncedCalls(manager, programmeId);
      const violations = checkAppropriationChange({
        appropriationCzk: programme.appropriationCzk,
        changeCzk: command.amountCzk,
        allocatedCzk,
      });
      if (violations.length) throw DomainError.fromViolations(violations);
      programme.appropriationCzk += command.amountCzk;
      await manager.update(ProgrammeEntity, { id: programme.id }, { appropriationCzk: programme.appropriationCzk });
      const measure = await manager.save(
        manager.create(BudgetMeasureEntity, { programmeId, ...command, createdBy: caller.id }),
      );
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
        after: { ...after, budgetMeasure: { id: measure.id, ...command } },
        reason: command.reason,
      });
      return after;
    });
  }

  async createCall(caller: AuthUser, command: CallCommand): Promise<CallView> {
    const terms = withDefaults(command);
    await this.assertTerms(terms);
    return this.dataSource.transaction(async (manager) => {
      await this.lockProgramme(manager, command.programmeId);
      const [{ next }]: { next: number }[] = await manager.query(
        'SELECT COALESCE(MAX(sequence_in_programme), 0) + 1 AS next FROM call WHERE programme_id = $1',
        [command.programmeId],
      );
      const call = await manager.save(
        manager.create(CallEntity, {
          ...callColumns(terms),
          programmeId: command.programmeId,
          title: command.title,
          sequenceInProgramme: Number(next),
          status: 'draft',
        }),
      );
      await this.saveChildren(manager, call.id, terms);
      const view = await this.viewOf(manager, call.id);
      await this.audit.append(manager, { actor: caller, action: 'call.created', entityType: 'call', entityId: call.id, after: view });
      return view;
    });
  }

  /** Only drafts change: once announced, the terms are frozen (Act 250/2000 §10c). */
  async updateCall(caller: AuthUser, id: string, patch: CallPatch): Promise<CallView> {
    return this.dataSource.transaction(async (manager) => {
      const call = await this.lockCall(manager, id);
      if (call.status !== 'draft') throw new DomainError('CALL_NOT_EDITABLE', 'An announced call can no longer be changed.');
      const before = await this.viewOf(manager, id);
      const terms: CallTerms = {
        ...termsOf(before),
        ...definedOnly(patch),
        submissionOpensAt: patch.submissionOpensAt ?? new Date(before.submissionOpensAt),
        submissionClosesAt: patch.submissionClosesAt ?? new Date(before.submissionClosesAt),
      };
      await this.assertTerms(terms);
      await manager.update(CallEntity, { id }, { ...callColumns(terms), title: patch.title ?? call.title });
      if (patch.parts) await manager.delete(CallPartEntity, { callId: id });
      if (patch.criteria) await manager.delete(CallCriterionEntity, { callId: id });
      await this.saveChildren(manager, id, { parts: patch.parts ?? [], criteria: patch.criteria ?? [] });
      const after = await this.viewOf(manager, id);
      await this.audit.append(manager, { actor: caller, action: 'call.updated', entityType: 'call', entityId: id, before, after });
      return after;
    });
  }

  async announce(caller: AuthUser, id: string): Promise<CallView> {
    return this.dataSource.transaction(async (manager) => {
      const programmeId = (await this.findCall(manager, id)).programmeId;
      const programme = await this.lockProgramme(manager, programmeId);
      const call = await this.lockCall(manager, id);
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
      await manager.update(CallEntity, { id }, { status: 'announced', announcedAt: now });
      // Each part's allocation leaves the programme's unallocated appropriation in the ledger.
      const parts: { id: string; code: string; allocation_czk: string }[] = await manager.query(
        'SELECT id, code, allocation_czk FROM call_part WHERE call_id = $1 ORDER BY code',
        [id],
      );
      for (const part of parts) {
        await this.ledger.allocated(
          manager,
          { programmeId, callId: id, partId: part.id, partCode: part.code, amountCzk: Number(part.allocation_czk) },
          caller.id,
          now,
        );
      }
      const after = await this.viewOf(manager, id);
      await this.audit.append(manager, { actor: caller, action: 'call.announced', entityType: 'call', entityId: id, before, after });
      return after;
    });
  }

  /** Sets the call's DOT Commission: users with the commission role, one of them the chair. */
  async setCommission(caller: AuthUser, callId: string, command: CommissionCommand): Promise<CommissionView> {
    return this.dataSource.transaction(async (manager) => {
      const call = await this.lockCall(manager, callId);
      const before = await this.commissionOf(manager, callId);
      const users = command.memberIds.length
        ? await manager.findBy(UserEntity, { id: In([...new Set(command.memberIds)]) })
        : [];
      const violations = checkCommission({
        memberIds: command.memberIds,
        chairId: command.chairId,
        quorum: call.quorum,
        roles: new Map(users.map((u) => [u.id, u.role])),
      });
      if (violations.length) throw DomainError.fromViolations(violations);
      await manager.delete(CommissionMemberEntity, { callId });
      await manager.insert(
        CommissionMemberEntity,
        command.memberIds.map((userId) => ({ callId, userId, isChair: userId === command.chairId })),
      );
      const after = await this.commissionOf(manager, callId);
      await this.audit.append(manager, { actor: caller, action: 'call.commission_set', entityType: 'call', entityId: callId, before, after });
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
    const call = await manager.findOneBy(CallEntity, { id: callId });
    if (!call || (call.status === 'draft' && !seesDrafts(caller))) throw new DomainError('NOT_FOUND', 'No such call.');
    if (caller.role === 'commission' && !(await manager.existsBy(CommissionMemberEntity, { callId, userId: caller.id }))) {
      throw new DomainError('NOT_A_COMMISSION_MEMBER', "You are not a member of this call's commission.");
    }
    return this.commissionOf(manager, callId);
  }

  private async commissionOf(manager: EntityManager, callId: string): Promise<CommissionView> {
    const members = await manager.find(CommissionMemberEntity, { where: { callId }, relations: { user: true } });
    return {
      callId,
      members: members
        .map((m) => ({ userId: m.userId, fullName: m.user!.fullName, email: m.user!.email, chair: m.isChair }))
        .sort((a, b) => Number(b.chair) - Number(a.chair) || a.fullName.localeCompare(b.fullName, 'cs')),
    };
  }

  /** Announced calls for everyone; officers also see drafts. */
  async list(caller: AuthUser | undefined, page: number, pageSize: number): Promise<{ items: CallView[]; total: number }> {
    // Page over calls alone; parts and criteria are loaded for that page only.
    const pageQuery = this.dataSource.getRepository(CallEntity).createQueryBuilder('call');
    if (!seesDrafts(caller)) pageQuery.where("call.status = 'announced'");
    const [rows, total] = await pageQuery
      .orderBy('call.submission_opens_at', 'DESC')
      .addOrderBy('call.id')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const ids = rows.map((r) => r.id);
    const calls = ids.length ? await this.callQuery(this.dataSource.manager).where('call.id IN (:...ids)', { ids }).getMany() : [];
    const byId = new Map(calls.map((c) => [c.id, c]));
    const now = this.clock.now();
    return { items: ids.map((id) => toCallView(byId.get(id)!, now)), total };
  }

  async get(caller: AuthUser | undefined, id: string): Promise<CallView> {
    const view = await this.viewOf(this.dataSource.manager, id);
    if (view.status === 'draft' && !seesDrafts(caller)) throw new DomainError('NOT_FOUND', 'No such call.');
    return view;
  }

  private async assertTerms(terms: CallTerms): Promise<void> {
    const violations = checkCallTerms(terms, await this.policy.measureCodes());
    if (violations.length) throw DomainError.fromViolations(violations);
  }

  private async saveChildren(manager: EntityManager, callId: string, terms: Pick<CallTerms, 'parts' | 'criteria'>): Promise<void> {
    if (terms.parts.length) {
      await manager.insert(CallPartEntity, terms.parts.map((p) => ({ ...p, callId })));
    }
    if (terms.criteria.length) {
      await manager.insert(
        CallCriterionEntity,
        terms.criteria.map((c, position) => ({ ...c, position, callId })),
      );
    }
  }

  private async viewOf(manager: EntityManager, id: string): Promise<CallView> {
    const call = await this.callQuery(manager).where('call.id = :id', { id }).getOne();
    if (!call) throw new DomainError('NOT_FOUND', 'No such call.');
    return toCallView(call, this.clock.now());
  }

  private callQuery(manager: EntityManager) {
    return manager
      .getRepository(CallEntity)
      .createQueryBuilder('call')
      .innerJoinAndSelect('call.programme', 'programme')
      .leftJoinAndSelect('call.parts', 'part')
      .leftJoinAndSelect('call.criteria', 'criterion');
  }

  private async findCall(manager: EntityManager, id: string): Promise<CallEntity> {
    const call = await manager.findOneBy(CallEntity, { id });
    if (!call) throw new DomainError('NOT_FOUND', 'No such call.');
    return call;
  }

  private async lockCall(manager: EntityManager, id: string): Promise<CallEntity> {
    const call = await manager.findOne(CallEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!call) throw new DomainError('NOT_FOUND', 'No such call.');
    return call;
  }

  /** Serialises everything that touches a programme's money: announcements and budget measures. */
  private async lockProgramme(manager: EntityManager, id: string): Promise<ProgrammeEntity> {
    const programme = await manager.findOne(ProgrammeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!programme) throw new DomainError('NOT_FOUND', 'No such programme.', [{ field: 'programmeId', message: 'does not exist' }]);
    return programme;
  }

}

function seesDrafts(caller: AuthUser | undefined): boolean {
  return caller?.role === 'officer' || caller?.role === 'admin';
}

function withDefaults(command: CallCommand): CallTerms {
  const { programmeId: _p, title: _t, ...terms } = command;
  return { ...terms, rankingMethod: command.rankingMethod ?? 'average' };
}

function termsOf(view: CallView): CallTerms {
  return {
    announcedOn: view.announcedOn,
    submissionOpensAt: new Date(view.submissionOpensAt),
    submissionClosesAt: new Date(view.submissionClosesAt),
    decisionDueOn: view.decisionDueOn,
    settlementDueOn: view.settlementDueOn,
    eligibleApplicantKinds: view.eligibleApplicantKinds,
    eligibleMeasureCodes: view.eligibleMeasureCodes,
    maxApplicationsPerOrganisation: view.maxApplicationsPerOrganisation,
    minScore: view.minScore,
    quorum: view.quorum,
    maxRequestShareOfCostsPct: view.maxRequestShareOfCostsPct,
    rankingMethod: view.rankingMethod,
    parts: view.parts,
    criteria: view.criteria,
  };
}

function callColumns(terms: CallTerms) {
  const { parts: _parts, criteria: _criteria, ...columns } = terms;
  return columns;
}
