import type { EntityManager } from 'typeorm';

/** One application's proposal (null: it has none). */
export interface ProposedAmount {
  applicationId: string;
  amountCzk: number | null;
}

/**
 * The proposals' side of the money balances (`application.proposed_czk` and
 * its part's `call_part.proposed_czk`), which money owns and writes. Declared
 * here, below money, for the withdrawal and the commission's proposals
 * (evaluation); money implements it (its MoneyPortsModule, which each app
 * imports once), so neither library imports money. Each call runs inside the
 * caller's transaction.
 */
export abstract class ProposalBalances {
  /** Sets the applications' proposals and their parts' proposed sums. */
  abstract propose(manager: EntityManager, proposals: readonly ProposedAmount[], parts: readonly { id: string; proposedCzk: number }[]): Promise<void>;

  /** The applications leave the competition: their proposals go and every part of the call is recounted. */
  abstract drop(manager: EntityManager, callId: string, applicationIds: readonly string[]): Promise<void>;

  /** A withdrawn application's proposal goes back to its part. */
  abstract withdraw(manager: EntityManager, application: { id: string; callPartId: string; proposedCzk: number }): Promise<void>;
}
