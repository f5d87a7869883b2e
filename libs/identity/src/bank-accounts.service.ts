import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError, uniqueViolation } from '@app/core';
import { checkBankAccountDecision, checkBankAccountRequest, type BankAccountRequestStatus } from './domain/bank-account-requests';
import { AffiliationsRepository } from './affiliations.repository';
import { BankAccountRequestsRepository, type BankAccountRequestView } from './bank-account-requests.repository';
import { OrganisationsRepository } from './organisations.repository';

export type { BankAccountRequestView, PersonView } from './bank-account-requests.repository';

const NO_ORGANISATION = 'No such organisation.';
const NO_REQUEST = 'No such bank account request.';

/**
 * An organisation's registered bank account, which grants are contracted and
 * paid to, changes only with two people: the organisation's user asks, an
 * officer who is neither them nor affiliated with the organisation confirms
 * (or rejects). Every step is audited on the organisation with both names;
 * until the confirmation the registered account stays.
 */
@Injectable()
export class BankAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsRepository,
    private readonly requests: BankAccountRequestsRepository,
    private readonly affiliations: AffiliationsRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** The organisation's own user asks for a new registered account (others: 404). */
  async request(caller: AuthUser, organisationId: string, bankAccount: string): Promise<BankAccountRequestView> {
    if (caller.organisationId !== organisationId) throw new DomainError('NOT_FOUND', NO_ORGANISATION);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const organisation = await this.organisations.lockForUpdate(manager, organisationId);
        if (!organisation) throw new DomainError('NOT_FOUND', NO_ORGANISATION);
        const violations = checkBankAccountRequest({
          bankAccount,
          registered: organisation.bankAccount,
          pendingRequest: await this.requests.hasPending(manager, organisationId),
        });
        if (violations.length) throw DomainError.fromViolations(violations);
        const id = randomUUID();
        await this.requests.insert(manager, { id, organisationId, bankAccount, previousBankAccount: organisation.bankAccount, requestedBy: caller.id, at: this.clock.now() });
        const view = await this.viewOf(manager, id);
        await this.audit.append(manager, {
          actor: caller,
          action: 'organisation.bank_account_requested',
          entityType: 'organisation',
          entityId: organisationId,
          before: { bankAccount: organisation.bankAccount },
          after: view,
        });
        return view;
      });
    } catch (error) {
      // Two requests at once: the organisation's row lock orders them, the index is the second line.
      if (uniqueViolation(error) === 'bank_account_request_one_pending_idx') {
        throw DomainError.fromViolations(checkBankAccountRequest({ bankAccount, registered: null, pendingRequest: true }));
      }
      throw error;
    }
  }

  /** An officer confirms: the account is registered from now, the previous one's period ends. */
  async confirm(caller: AuthUser, requestId: string): Promise<BankAccountRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const { request, organisation } = await this.lockForDecision(manager, caller, requestId);
      const now = this.clock.now();
      await this.requests.decide(manager, requestId, { status: 'confirmed', decidedBy: caller.id, at: now, rejectionReason: null });
      await this.organisations.changeBankAccount(manager, organisation.id, request.bankAccount, requestId, now);
      const view = await this.viewOf(manager, requestId);
      await this.audit.append(manager, {
        actor: caller,
        action: 'organisation.bank_account_confirmed',
        entityType: 'organisation',
        entityId: organisation.id,
        before: { bankAccount: organisation.bankAccount },
        after: { bankAccount: request.bankAccount, requestId, requestedBy: view.requestedBy, confirmedBy: view.decidedBy, requestedAt: view.requestedAt },
      });
      return view;
    });
  }

  /** An officer rejects, with the reason the organisation is told; the registered account stays. */
  async reject(caller: AuthUser, requestId: string, reason: string): Promise<BankAccountRequestView> {
    const trimmed = reason.trim();
    if (trimmed === '') throw new DomainError('VALIDATION_FAILED', 'A rejection needs its reason.', [{ field: 'reason', message: 'must not be empty' }]);
    return this.dataSource.transaction(async (manager) => {
      const { organisation } = await this.lockForDecision(manager, caller, requestId);
      await this.requests.decide(manager, requestId, { status: 'rejected', decidedBy: caller.id, at: this.clock.now(), rejectionReason: trimmed });
      const view = await this.viewOf(manager, requestId);
      await this.audit.append(manager, {
        actor: caller,
        action: 'organisation.bank_account_rejected',
        entityType: 'organisation',
        entityId: organisation.id,
        before: { bankAccount: organisation.bankAccount },
        after: { bankAccount: organisation.bankAccount, requestId, rejectedAccount: view.bankAccount, requestedBy: view.requestedBy, rejectedBy: view.decidedBy },
        reason: trimmed,
      });
      return view;
    });
  }

  /** An organisation's requests, newest first: its own user, officers and the Budget Department (another organisation's user: 404). */
  async ofOrganisation(caller: AuthUser, organisationId: string): Promise<BankAccountRequestView[]> {
    const manager = this.dataSource.manager;
    const mayRead = caller.role === 'officer' || caller.role === 'budget' || caller.organisationId === organisationId;
    if (!mayRead || !(await this.organisations.findById(manager, organisationId))) throw new DomainError('NOT_FOUND', NO_ORGANISATION);
    return this.requests.ofOrganisation(manager, organisationId);
  }

  /** Every organisation's requests (the officers' queue: `pending`), oldest first. */
  page(status: BankAccountRequestStatus | undefined, page: number, pageSize: number): Promise<{ items: BankAccountRequestView[]; total: number }> {
    return this.requests.page(this.dataSource.manager, status, page, pageSize);
  }

  private async lockForDecision(manager: EntityManager, caller: AuthUser, requestId: string) {
    const request = await this.requests.lockForDecision(manager, requestId);
    if (!request) throw new DomainError('NOT_FOUND', NO_REQUEST);
    const organisation = await this.organisations.lockForUpdate(manager, request.organisationId);
    if (!organisation) throw new DomainError('NOT_FOUND', NO_REQUEST);
    const affiliated = (await this.affiliations.organisationIdsOf(manager, caller.id)).includes(request.organisationId);
    const violations = checkBankAccountDecision({ status: request.status, requestedBy: request.requestedBy, decidedBy: caller.id, deciderAffiliated: affiliated });
    if (violations.length) throw DomainError.fromViolations(violations);
    return { request, organisation };
  }

  private async viewOf(manager: EntityManager, id: string): Promise<BankAccountRequestView> {
    const view = await this.requests.view(manager, id);
    if (!view) throw new Error(`bank account request ${id} vanished inside its transaction`);
    return view;
  }
}
