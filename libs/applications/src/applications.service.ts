import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, definedOnly, DomainError, pragueDate, type Violation } from '@app/core';
import { CallEntity, CallPartEntity, CommissionMemberEntity } from '@app/calls';
import { PolicyService } from '@app/policy';
import { ApplicationBudgetLineEntity } from './application-budget-line.entity';
import { ApplicationStatusChangeEntity } from './application-status-change.entity';
import { ApplicationEntity } from './application.entity';
import { FormalCheckEntity } from './formal-check.entity';
import { ApplicationLifecycle } from './application-lifecycle.repository';
import { GrantRecordsRepository } from './grant-records.repository';
import { ProposalBalances } from './proposal-balances';
import { ProposalVisibility } from './proposal-visibility';
import { toApplicationView, toSummaryView, type ApplicationSummaryView, type ApplicationView } from './applications.views';
import { canTransition, COMMISSION_VISIBLE_STATUSES, INACTIVE_STATUSES, notEditableBecause, type ApplicationStatus } from './domain/application-status';
import { budgetTotals, checkDraft, type BudgetLine } from './domain/budget';
import { referencePrefix } from './domain/reference-number';
import { hideProposals } from './domain/proposal-visibility';
import { checkSubmission } from './domain/submission.rules';
import { SubmissionRepository } from './submission.repository';

export interface ApplicationContent {
  title: string;
  summary: string;
  justification: string;
  primaryMeasureCode: string;
  measureCodes: string[];
  targetGroups: string[];
  districts: string[];
  startDate: string;
  endDate: string;
  budgetLines: BudgetLine[];
  otherFundingCzk: number;
  contactPerson: { name: string; email: string; phone: string };
}

export interface NewApplicationCommand extends ApplicationContent {
  callId: string;
  partCode: string;
}

export type ApplicationPatch = Partial<ApplicationContent> & { partCode?: string };

export interface ApplicationFilter {
  callId?: string;
  partCode?: string;
  status?: ApplicationStatus;
}

export interface SubmissionReceipt {
  id: string;
  status: ApplicationStatus;
  referenceNumber: string;
  submittedAt: string;
}


@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly policy: PolicyService,
    private readonly submissions: SubmissionRepository,
    private readonly grantRecords: GrantRecordsRepository,
    private readonly lifecycle: ApplicationLifecycle,
    private readonly proposals: ProposalBalances,
    private readonly proposalVisibility: ProposalVisibility,
  ) {}

  async create(caller: AuthUser, command: NewApplicationCommand): Promise<ApplicationView> {
    const organisationId = applicantOrganisation(caller);
    const call = await this.dataSource.getRepository(CallEntity).findOne({ where: { id: command.callId }, relations: { parts: true } });
    if (!call || call.status !== 'announced') {
      throw new DomainError('NOT_FOUND', 'No such announced call.', [{ field: 'callId', message: 'is not an announced call' }]);
    }
    const part = partOf(call, command.partCode);
    const { callId: _c, partCode: _p, ...content } = command;
    await this.assertContent(content);
    return this.dataSource.transaction(async (manager) => {
      const app = await manager.save(
        manager.create(ApplicationEntity, {
          ...columnsOf(content),
          callId: call.id,
          callPartId: part.id,
          organisationId,
          createdBy: caller.id,
          status: 'draft',
          referenceNumber: null,
          submittedAt: null,
        }),
      );
      await this.replaceLines(manager, app.id, content.budgetLines);
      await this.lifecycle.created(manager, app.id, this.clock.now(), caller.id);
      const view = await this.viewOf(manager, app.id);
      await this.audit.append(manager, { actor: caller, action: 'application.created', entityType: 'application', entityId: app.id, after: view });
      return view;
    });
  }

  async update(caller: AuthUser, id: string, patch: ApplicationPatch): Promise<ApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const app = await this.lockOwn(manager, caller, id);
      const refusal = notEditableBecause({ status: app.status, correctionDueOn: app.correctionDueOn, todayInPrague: pragueDate(this.clock.now()) });
      if (refusal) throw new DomainError('APPLICATION_NOT_EDITABLE', refusal);
      const before = await this.viewOf(manager, id);
      const { partCode, ...changes } = patch;
      const content: ApplicationContent = { ...contentOf(before), ...definedOnly(changes) };
      await this.assertContent(content);
      const callPartId = partCode === undefined ? app.callPartId : partOf(await this.callWithParts(manager, app.callId), partCode).id;
      await manager.update(ApplicationEntity, { id }, { ...columnsOf(content), callPartId });
      if (patch.budgetLines) await this.replaceLines(manager, id, content.budgetLines);
      const after = await this.viewOf(manager, id);
      await this.audit.append(manager, { actor: caller, action: 'application.updated', entityType: 'application', entityId: id, before, after });
      return after;
    });
  }

  /**
   * Checks every rule at once; on success gives the next number of the call's
   * registry book (gapless: a rolled-back submit returns its number) and freezes the application.
   */
  async submit(caller: AuthUser, id: string): Promise<SubmissionReceipt> {
    const organisationId = applicantOrganisation(caller);
    return this.dataSource.transaction(async (manager) => {
      const subject = await this.submissions.lockSubject(manager, id, organisationId);
      if (!subject) throw new DomainError('NOT_FOUND', 'No such application.');
      if (!canTransition(subject.status, 'submitted')) {
        throw new DomainError('INVALID_STATUS_TRANSITION', `An application in status ${subject.status} cannot be submitted.`);
      }
      const { lines, otherActive } = await this.submissions.linesAndOtherActive(manager, id, subject, INACTIVE_STATUSES);
      const now = this.clock.now();
      const violations = checkSubmission({
        ...subject.context,
        now,
        application: { ...subject.context.application, budgetLines: lines },
        otherActiveApplications: otherActive,
        correctionDueOn: subject.status === 'correction_requested' ? subject.correctionDueOn : null,
      });
      if (violations.length) throw DomainError.fromViolations(violations);

      const { call, application } = subject.context;
      const submittedAt = subject.submittedAt ?? now;
      const receiptOf = (referenceNumber: string): SubmissionReceipt => ({
        id,
        status: 'submitted',
        referenceNumber,
        submittedAt: submittedAt.toISOString(),
      });
      const event = {
        actor: caller,
        action: 'application.submitted',
        entityType: 'application',
        entityId: id,
        before: { status: subject.status, referenceNumber: subject.referenceNumber },
        after: (referenceNumber: string) => ({
          ...receiptOf(referenceNumber),
          requestedCzk: application.requestedCzk,
          totalCostCzk: application.totalCostCzk,
        }),
      };
      if (subject.referenceNumber !== null) {
        // A resubmission after a correction keeps its number.
        await this.lifecycle.changeStatus(
          manager,
          { applicationId: id, from: subject.status, to: 'submitted', at: now, by: caller.id },
          { correctionDueOn: null, audit: this.audit.prepare({ ...event, after: event.after(subject.referenceNumber) }) },
        );
        return receiptOf(subject.referenceNumber);
      }
      const referenceNumber = await this.lifecycle.submitFirst(
        manager,
        {
          applicationId: id,
          callId: subject.callId,
          prefix: referencePrefix(subject.programmeCode, call.year, subject.callSequence),
          from: subject.status,
          submittedAt,
          at: now,
          by: caller.id,
        },
        this.audit.prepare(event),
      );
      return receiptOf(referenceNumber);
    });
  }

  async withdraw(caller: AuthUser, id: string, reason?: string): Promise<ApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const app = await this.lockOwn(manager, caller, id);
      if (!canTransition(app.status, 'withdrawn')) {
        throw new DomainError('INVALID_STATUS_TRANSITION', `An application in status ${app.status} can no longer be withdrawn.`);
      }
      await this.lifecycle.changeStatus(
        manager,
        { applicationId: id, from: app.status, to: 'withdrawn', at: this.clock.now(), by: caller.id, reason: reason ?? null },
      );
      if (app.proposedCzk !== null) {
        // A withdrawn application gives its proposed money back to the part.
        await this.proposals.withdraw(manager, { id, callPartId: app.callPartId, proposedCzk: app.proposedCzk });
      }
      const view = await this.viewOf(manager, id);
      await this.audit.append(manager, {
        actor: caller,
        action: 'application.withdrawn',
        entityType: 'application',
        entityId: id,
        before: { status: app.status, ...(app.proposedCzk !== null ? { proposedCzk: app.proposedCzk } : {}) },
        after: { status: 'withdrawn', ...(app.proposedCzk !== null ? { proposedCzk: null } : {}) },
        reason: reason ?? null,
      });
      return view;
    });
  }

  async list(
    caller: AuthUser,
    filter: ApplicationFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: ApplicationSummaryView[]; total: number }> {
    const qb = this.dataSource
      .getRepository(ApplicationEntity)
      .createQueryBuilder('app')
      .innerJoinAndSelect('app.callPart', 'part');
    if (caller.role === 'applicant') qb.andWhere('app.organisation_id = :org', { org: applicantOrganisation(caller) });
    if (caller.role === 'commission') {
      qb.andWhere('app.status IN (:...visible)', { visible: COMMISSION_VISIBLE_STATUSES }).andWhere(
        'EXISTS (SELECT 1 FROM commission_member m WHERE m.call_id = app.call_id AND m.user_id = :member)',
        { member: caller.id },
      );
    }
    if (filter.callId) qb.andWhere('app.call_id = :callId', { callId: filter.callId });
    if (filter.partCode) qb.andWhere('part.code = :partCode', { partCode: filter.partCode });
    if (filter.status) qb.andWhere('app.status = :status', { status: filter.status });
    const [rows, total] = await qb
      .orderBy('app.created_at', 'DESC')
      .addOrderBy('app.id')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.withProposalsShownTo(caller, rows.map(toSummaryView)), total };
  }

  async get(caller: AuthUser, id: string): Promise<ApplicationView> {
    await this.findVisible(this.dataSource.manager, caller, id);
    const [view] = await this.withProposalsShownTo(caller, [await this.viewOf(this.dataSource.manager, id)]);
    return view;
  }

  /** A commission member is shown a proposal only where the ranking shows it to them (evaluation's rule, through ProposalVisibility). */
  private async withProposalsShownTo<T extends ApplicationSummaryView>(caller: AuthUser, items: T[]): Promise<T[]> {
    if (caller.role !== 'commission' || !items.some((i) => i.proposedCzk !== null)) return items;
    const visible = await this.proposalVisibility.shownToMember(this.dataSource.manager, caller.id, items.map((i) => i.id));
    return hideProposals(items, visible);
  }

  /**
   * Applicants reach only their organisation's applications, commission members
   * only eligible ones of their calls: anything else is "not found".
   */
  private async findVisible(manager: EntityManager, caller: AuthUser, id: string, lock = false): Promise<ApplicationEntity> {
    const where =
      caller.role === 'applicant' ? { id, organisationId: applicantOrganisation(caller) } : { id };
    const app = await manager.findOne(ApplicationEntity, { where, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!app || (caller.role === 'commission' && !(await this.isCommissionMemberFor(manager, caller, app)))) {
      throw new DomainError('NOT_FOUND', 'No such application.');
    }
    return app;
  }

  private async isCommissionMemberFor(manager: EntityManager, caller: AuthUser, app: ApplicationEntity): Promise<boolean> {
    if (!COMMISSION_VISIBLE_STATUSES.includes(app.status)) return false;
    return manager.existsBy(CommissionMemberEntity, { callId: app.callId, userId: caller.id });
  }

  /** Changes are made only by the applicant organisation's own users. */
  private lockOwn(manager: EntityManager, caller: AuthUser, id: string): Promise<ApplicationEntity> {
    applicantOrganisation(caller);
    return this.findVisible(manager, caller, id, true);
  }

  private async assertContent(content: ApplicationContent): Promise<void> {
    const known = await this.policy.measureCodes();
    const unknown: Violation[] = content.measureCodes.flatMap((code, i) =>
      known.has(code) ? [] : [{ code: 'VALIDATION_FAILED' as const, field: `measureCodes[${i}]`, message: `${code} is not a measure of the city's policy.` }],
    );
    if (!known.has(content.primaryMeasureCode)) {
      unknown.push({ code: 'VALIDATION_FAILED', field: 'primaryMeasureCode', message: `${content.primaryMeasureCode} is not a measure of the city's policy.` });
    }
    const violations = [...unknown, ...checkDraft(content)];
    if (violations.length) throw DomainError.fromViolations(violations);
  }

  private async callWithParts(manager: EntityManager, callId: string): Promise<CallEntity> {
    const call = await manager.findOne(CallEntity, { where: { id: callId }, relations: { parts: true } });
    if (!call) throw new Error(`Call ${callId} vanished`);
    return call;
  }

  private async replaceLines(manager: EntityManager, applicationId: string, lines: readonly BudgetLine[]): Promise<void> {
    await manager.delete(ApplicationBudgetLineEntity, { applicationId });
    await manager.insert(
      ApplicationBudgetLineEntity,
      lines.map((l, position) => ({ ...l, position, applicationId })),
    );
  }

  /**
   * The full view, read with the caller's manager (inside a transaction: what
   * it is about to commit), with the contract and settlement once there are.
   */
  async viewOf(manager: EntityManager, id: string): Promise<ApplicationView> {
    const app = await manager.findOne(ApplicationEntity, { where: { id }, relations: { callPart: true } });
    if (!app) throw new DomainError('NOT_FOUND', 'No such application.');
    // One after the other: inside a transaction the manager has a single connection.
    const lines = await manager.findBy(ApplicationBudgetLineEntity, { applicationId: id });
    const history = await manager.find(ApplicationStatusChangeEntity, { where: { applicationId: id }, order: { id: 'ASC' } });
    const checks = await manager.find(FormalCheckEntity, { where: { applicationId: id }, order: { id: 'ASC' } });
    const records = await this.grantRecords.recordsOf(manager, id);
    return toApplicationView(app, lines, history, checks, records);
  }
}

function applicantOrganisation(caller: AuthUser): string {
  if (caller.role !== 'applicant' || !caller.organisationId) {
    throw new DomainError('FORBIDDEN', 'Only users of the applicant organisation may do this.');
  }
  return caller.organisationId;
}

function partOf(call: CallEntity, partCode: string): CallPartEntity {
  const part = call.parts?.find((p) => p.code === partCode);
  if (!part) throw new DomainError('VALIDATION_FAILED', `The call has no part ${partCode}.`, [{ field: 'partCode', message: 'is not a part of this call' }]);
  return part;
}

function columnsOf(content: ApplicationContent) {
  const { budgetLines, contactPerson, ...rest } = content;
  return {
    ...rest,
    ...budgetTotals(budgetLines),
    contactName: contactPerson.name,
    contactEmail: contactPerson.email,
    contactPhone: contactPerson.phone,
  };
}

function contentOf(view: ApplicationView): ApplicationContent {
  return {
    title: view.title,
    summary: view.summary,
    justification: view.justification,
    primaryMeasureCode: view.primaryMeasureCode,
    measureCodes: view.measureCodes,
    targetGroups: view.targetGroups,
    districts: view.districts,
    startDate: view.startDate,
    endDate: view.endDate,
    budgetLines: view.budgetLines,
    otherFundingCzk: view.otherFundingCzk,
    contactPerson: view.contactPerson,
  };
}
