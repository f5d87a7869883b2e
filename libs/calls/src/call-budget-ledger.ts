import type { EntityManager } from 'typeorm';

/**
 * What calls books in the city's ledger, inside the transaction of its own
 * change: a programme's appropriation, a budget measure, a part's allocation
 * when its call is announced. The ledger is money's; money provides the
 * implementation (its global MoneyPortsModule, which each app imports once),
 * so calls never imports money.
 */
export abstract class CallBudgetLedger {
  abstract appropriated(manager: EntityManager, programme: { id: string; code: string; amountCzk: number }, by: string, at: Date): Promise<void>;

  abstract budgetMeasure(manager: EntityManager, measure: { programmeId: string; reference: string; amountCzk: number }, by: string, at: Date): Promise<void>;

  abstract allocated(
    manager: EntityManager,
    allocation: { programmeId: string; callId: string; partId: string; partCode: string; amountCzk: number },
    by: string,
    at: Date,
  ): Promise<void>;
}
