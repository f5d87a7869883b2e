import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProposalBalances, type ProposedAmount } from '@app/applications';
import { CallBudgetLedger } from '@app/calls';
import { BalancesRepository } from './balances.repository';
import { MoneyCallBudgetLedger } from './call-budget-ledger';
import { LedgerModule } from './ledger.module';

/** applications' ProposalBalances: money's balances writer. */
@Injectable()
export class MoneyProposalBalances extends ProposalBalances {
  constructor(private readonly balances: BalancesRepository) {
    super();
  }

  propose(manager: EntityManager, proposals: readonly ProposedAmount[], parts: readonly { id: string; proposedCzk: number }[]): Promise<string[]> {
    return this.balances.propose(manager, proposals, parts);
  }

  async drop(manager: EntityManager, callId: string, applicationIds: readonly string[]): Promise<void> {
    await this.balances.dropProposals(manager, applicationIds);
    await this.balances.recountProposals(manager, callId);
  }

  withdraw(manager: EntityManager, application: { id: string; callPartId: string; proposedCzk: number }): Promise<void> {
    return this.balances.withdrawProposal(manager, application.id, application.callPartId, application.proposedCzk);
  }
}

/**
 * Money's implementations of the ports that lower libraries declare: calls'
 * CallBudgetLedger (appropriations, budget measures, allocations) and
 * applications' ProposalBalances. Global, so the modules of calls,
 * applications and evaluation find them without importing money: each app
 * imports this module once.
 */
@Global()
@Module({
  imports: [LedgerModule],
  providers: [BalancesRepository, { provide: CallBudgetLedger, useClass: MoneyCallBudgetLedger }, { provide: ProposalBalances, useClass: MoneyProposalBalances }],
  exports: [BalancesRepository, CallBudgetLedger, ProposalBalances],
})
export class MoneyPortsModule {}
