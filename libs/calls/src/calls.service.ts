import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, definedOnly, DomainError } from '@app/core';
import { PolicyService } from '@app/policy';
import type { CallView } from './calls.views';
import { CallsRepository, type CallColumns } from './calls.repository';
import { checkCallTerms, seesDraftCalls, type CallTerms } from './domain/call.rules';
import { ProgrammesRepository } from './programmes.repository';

export type CallCommand = Omit<CallTerms, 'rankingMethod'> & {
  programmeId: string;
  title: string;
  rankingMethod?: CallTerms['rankingMethod'];
};

export type CallPatch = Partial<Omit<CallCommand, 'programmeId'>>;

/** A call's drafting (its terms, parts and criteria) and reading; its announcement is CallAnnouncementService's. */
@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly policy: PolicyService,
    private readonly programmes: ProgrammesRepository,
    private readonly calls: CallsRepository,
  ) {}

  async createCall(caller: AuthUser, command: CallCommand): Promise<CallView> {
    const terms = withDefaults(command);
    await this.assertTerms(terms);
    return this.dataSource.transaction(async (manager) => {
      // The programme's lock serialises the numbering of its calls.
      await this.programmes.lock(manager, command.programmeId);
      const sequenceInProgramme = await this.calls.nextSequenceInProgramme(manager, command.programmeId);
      const id = await this.calls.insertDraft(manager, {
        ...callColumns(terms, command.title),
        programmeId: command.programmeId,
        sequenceInProgramme,
      });
      await this.calls.insertParts(manager, id, terms.parts);
      await this.calls.insertCriteria(manager, id, terms.criteria);
      const view = await this.viewOf(manager, id);
      await this.audit.append(manager, { actor: caller, action: 'call.created', entityType: 'call', entityId: id, after: view });
      return view;
    });
  }

  /** Only drafts change: once announced, the terms are frozen (Act 250/2000 §10c). */
  updateCall(caller: AuthUser, id: string, patch: CallPatch): Promise<CallView> {
    return this.dataSource.transaction(async (manager) => {
      const call = await this.calls.lock(manager, id);
      if (call.status !== 'draft') throw new DomainError('CALL_NOT_EDITABLE', 'An announced call can no longer be changed.');
      const before = await this.viewOf(manager, id);
      const terms: CallTerms = {
        ...termsOf(before),
        ...definedOnly(patch),
        submissionOpensAt: patch.submissionOpensAt ?? new Date(before.submissionOpensAt),
        submissionClosesAt: patch.submissionClosesAt ?? new Date(before.submissionClosesAt),
      };
      await this.assertTerms(terms);
      await this.calls.updateDraft(manager, id, callColumns(terms, patch.title ?? call.title));
      // A patch's parts or criteria replace the call's.
      if (patch.parts) await this.calls.deleteParts(manager, id);
      if (patch.criteria) await this.calls.deleteCriteria(manager, id);
      await this.calls.insertParts(manager, id, patch.parts ?? []);
      await this.calls.insertCriteria(manager, id, patch.criteria ?? []);
      const after = await this.viewOf(manager, id);
      await this.audit.append(manager, { actor: caller, action: 'call.updated', entityType: 'call', entityId: id, before, after });
      return after;
    });
  }

  /** Announced calls for everyone; officers also see drafts. */
  list(caller: AuthUser | undefined, page: number, pageSize: number): Promise<{ items: CallView[]; total: number }> {
    return this.calls.page(this.dataSource.manager, { includeDrafts: seesDraftCalls(caller?.role) }, page, pageSize, this.clock.now());
  }

  async get(caller: AuthUser | undefined, id: string): Promise<CallView> {
    const view = await this.viewOf(this.dataSource.manager, id);
    if (view.status === 'draft' && !seesDraftCalls(caller?.role)) throw new DomainError('NOT_FOUND', 'No such call.');
    return view;
  }

  private async assertTerms(terms: CallTerms): Promise<void> {
    const violations = checkCallTerms(terms, await this.policy.measureCodes());
    if (violations.length) throw DomainError.fromViolations(violations);
  }

  private async viewOf(manager: EntityManager, id: string): Promise<CallView> {
    const view = await this.calls.viewOf(manager, id, this.clock.now());
    if (!view) throw new DomainError('NOT_FOUND', 'No such call.');
    return view;
  }
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

function callColumns(terms: CallTerms, title: string): CallColumns {
  const { parts: _parts, criteria: _criteria, ...columns } = terms;
  return { ...columns, title };
}
