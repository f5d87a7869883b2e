import type { EntityManager } from 'typeorm';
import type { ApplicationStatus } from './domain/application-status';

/** One application's proposal (null: it has none), written only while it is still in the status the caller read. */
export interface ProposedAmount {
  applicationId: string;
  amountCzk: number | null;
  status: ApplicationStatus;
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
  /**
   * Sets the applications' proposals and their parts' proposed sums, if
   * every application is still in the status the caller read (a withdrawal
   * may have committed since). Answers the ids of those that are not; then
   * nothing was written (the caller throws, and its transaction rolls back).
   */
  abstract propose(manager: EntityManager, proposals: readonly ProposedAmount[], parts: readonly { id: string; proposedCzk: number }[]): Promise<string[]>;

  /** The applications leave the competition: their proposals go and every part of the call is recounted. */
  abstract drop(manager: EntityManager, callId: string, applicationIds: readonly string[]): Promise<void>;

  /** A withdrawn application's proposal goes back to its part. */
  abstract withdraw(manager: EntityManager, application: { id: string; callPartId: string; proposedCzk: number }): Promise<void>;
}
