import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AuthUser, DomainError } from '@app/core';
import { LedgerRepository, type LedgerLine, type PartBudgetRow } from './ledger.repository';

export type { LedgerLine } from './ledger.repository';

/** A part's cached balances and what is left of its allocation. */
export type PartBudget = PartBudgetRow & { availableCzk: number };

export interface LedgerCheck {
  ok: boolean;
  transactions: number;
  unbalancedTransactions: string[];
  parts: { partId: string; field: string; cachedCzk: number; ledgerCzk: number }[];
  applications: { applicationId: string; field: string; cachedCzk: number; ledgerCzk: number }[];
}

/** Reading the ledger: an application's movements, a call's budget, and the check of every cached balance against the ledger. */
@Injectable()
export class LedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
  ) {}

  async applicationLedger(caller: AuthUser, applicationId: string): Promise<LedgerLine[]> {
    const manager = this.dataSource.manager;
    const own = caller.role === 'applicant' ? caller.organisationId : null;
    if (!(await this.ledger.applicationVisible(manager, applicationId, own))) throw new DomainError('NOT_FOUND', 'No such application.');
    return this.ledger.linesOf(manager, applicationId);
  }

  async callBudget(callId: string): Promise<{ callId: string; parts: PartBudget[] }> {
    const parts = await this.ledger.partBudgets(this.dataSource.manager, callId);
    if (!parts.length) throw new DomainError('NOT_FOUND', 'No such call.');
    return { callId, parts: parts.map((p) => ({ ...p, availableCzk: p.allocationCzk - p.committedCzk })) };
  }

  /**
   * Recomputes every cached balance from the ledger and compares: the parts'
   * committed / paid / returned and available, the applications' awarded /
   * paid / returned / return due; and that every transaction sums to zero.
   */
  async check(): Promise<LedgerCheck> {
    const manager = this.dataSource.manager;
    const [unbalancedIds, transactions, parts, applications] = await Promise.all([
      this.ledger.unbalancedTransactions(manager),
      this.ledger.transactionCount(manager),
      this.ledger.partsAgainstLedger(manager),
      this.ledger.applicationsAgainstLedger(manager),
    ]);
    const partMismatches: LedgerCheck['parts'] = [];
    for (const { partId, cached, ledger } of parts) {
      const compare = (field: string, cachedCzk: number, ledgerCzk: number) => {
        if (cachedCzk !== ledgerCzk) partMismatches.push({ partId, field, cachedCzk, ledgerCzk });
      };
      compare('availableCzk', cached.allocationCzk - cached.committedCzk, ledger.availableCzk);
      compare('committedCzk', cached.committedCzk, ledger.committedCzk);
      compare('paidCzk', cached.paidCzk, ledger.paidCzk);
      compare('returnedCzk', cached.returnedCzk, ledger.returnedCzk);
    }
    const appMismatches: LedgerCheck['applications'] = [];
    for (const { applicationId, cached, ledger } of applications) {
      const compare = (field: string, cachedCzk: number, ledgerCzk: number) => {
        if (cachedCzk !== ledgerCzk) appMismatches.push({ applicationId, field, cachedCzk, ledgerCzk });
      };
      compare('awardedCzk', cached.awardedCzk, ledger.awardedCzk);
      compare('returnedCzk', cached.returnedCzk, ledger.returnedCzk);
      compare('returnDueCzk', cached.returnDueCzk, ledger.returnDueCzk);
      // Gross paid = what is still paid + claimed back + returned.
      compare('paidCzk', cached.paidCzk, ledger.paidCzk);
    }
    return {
      ok: unbalancedIds.length === 0 && partMismatches.length === 0 && appMismatches.length === 0,
      transactions,
      unbalancedTransactions: unbalancedIds,
      parts: partMismatches,
      applications: appMismatches,
    };
  }
}
