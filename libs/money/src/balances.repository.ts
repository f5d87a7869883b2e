import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApplicationStatus } from '@app/applications';

/** One application's proposal (null: it has none), and the status the caller read it in. */
export interface Proposal {
  applicationId: string;
  amountCzk: number | null;
  status: ApplicationStatus;
}

/**
 * The writer of the cached balances: `call_part`'s proposed, committed, paid
 * and returned sums and the application's proposed, awarded, paid, returned
 * and return-due amounts. Every other library asks money (applications and
 * evaluation through applications' ProposalBalances port); the decision's
 * commitment is the one exception, a CTE of the decision's single statement
 * (decision.repository.ts). Each method runs inside the caller's transaction;
 * the CHECKs on both tables (paid ≤ awarded, committed ≤ allocation, …) are
 * the second line behind the rules.
 */
@Injectable()
export class BalancesRepository {
  /**
   * The commission's proposals of a call: the applications' amounts and their
   * parts' sums, written only if every application is still in the status
   * the caller read (`status`). The rows are locked as they are matched, so
   * a withdrawal that committed meanwhile (READ COMMITTED re-checks the
   * status on the newest row) is never overwritten. Answers the ids no longer
   * in their status: then no proposal and no part changed.
   */
  async propose(manager: EntityManager, proposals: readonly Proposal[], parts: readonly { id: string; proposedCzk: number }[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `WITH v AS (
         SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS v(id, amount, status)
       ), still AS (
         SELECT a.id, v.amount FROM application a JOIN v ON v.id = a.id AND a.status = v.status
            FOR UPDATE OF a
       ), changed AS (
         UPDATE application a SET proposed_czk = s.amount, updated_at = now()
           FROM still s
          WHERE a.id = s.id AND a.proposed_czk IS DISTINCT FROM s.amount
            AND (SELECT count(*) FROM still) = (SELECT count(*) FROM v)
       )
       SELECT v.id FROM v WHERE v.id NOT IN (SELECT id FROM still)`,
      [proposals.map((p) => p.applicationId), proposals.map((p) => p.amountCzk), proposals.map((p) => p.status)],
    );
    if (rows.length) return rows.map((r) => r.id);
    await manager.query('UPDATE call_part p SET proposed_czk = v.amount FROM unnest($1::uuid[], $2::bigint[]) AS v(id, amount) WHERE p.id = v.id', [
      parts.map((p) => p.id),
      parts.map((p) => p.proposedCzk),
    ]);
    return [];
  }

  /** The proposals of applications that leave the competition go; their parts' sums are recounted by the caller. */
  async dropProposals(manager: EntityManager, applicationIds: readonly string[]): Promise<void> {
    if (!applicationIds.length) return;
    await manager.query('UPDATE application SET proposed_czk = NULL, updated_at = now() WHERE id = ANY($1::uuid[]) AND proposed_czk IS NOT NULL', [
      applicationIds,
    ]);
  }

  /** A withdrawn application's proposal goes back to its part. */
  async withdrawProposal(manager: EntityManager, applicationId: string, callPartId: string, amountCzk: number): Promise<void> {
    await manager.query('UPDATE application SET proposed_czk = NULL, updated_at = now() WHERE id = $1', [applicationId]);
    await manager.query('UPDATE call_part SET proposed_czk = proposed_czk - $2 WHERE id = $1', [callPartId, amountCzk]);
  }

  /** Each part's proposed sum from its applications' proposals (the close of an evaluation). */
  async recountProposals(manager: EntityManager, callId: string): Promise<void> {
    await manager.query(
      `UPDATE call_part p
          SET proposed_czk = COALESCE((SELECT sum(a.proposed_czk) FROM application a WHERE a.call_part_id = p.id), 0)
        WHERE p.call_id = $1`,
      [callId],
    );
  }

  /** An instalment paid: the application's and its part's paid sums. */
  async paid(manager: EntityManager, applicationId: string, callPartId: string, amountCzk: number): Promise<void> {
    await manager.query('UPDATE application SET paid_czk = paid_czk + $2, updated_at = now() WHERE id = $1', [applicationId, amountCzk]);
    await manager.query('UPDATE call_part SET paid_czk = paid_czk + $2 WHERE id = $1', [callPartId, amountCzk]);
  }

  /**
   * The settlement's review: the unpaid rest of the award leaves the
   * application and the part's commitments; what was paid and not accepted is
   * to be returned.
   */
  async reviewed(manager: EntityManager, applicationId: string, callPartId: string, outcome: { releaseCzk: number; returnDueCzk: number }): Promise<void> {
    if (outcome.releaseCzk > 0) {
      await manager.query('UPDATE call_part SET committed_czk = committed_czk - $2 WHERE id = $1', [callPartId, outcome.releaseCzk]);
    }
    await manager.query('UPDATE application SET awarded_czk = awarded_czk - $2, return_due_czk = $3, updated_at = now() WHERE id = $1', [
      applicationId,
      outcome.releaseCzk,
      outcome.returnDueCzk,
    ]);
  }

  /** Money received back: `fromDueCzk` of it settles what the review claimed. */
  async returned(manager: EntityManager, applicationId: string, callPartId: string, amounts: { returnedCzk: number; fromDueCzk: number }): Promise<void> {
    await manager.query('UPDATE application SET returned_czk = returned_czk + $2, return_due_czk = return_due_czk - $3, updated_at = now() WHERE id = $1', [
      applicationId,
      amounts.returnedCzk,
      amounts.fromDueCzk,
    ]);
    await manager.query('UPDATE call_part SET returned_czk = returned_czk + $2 WHERE id = $1', [callPartId, amounts.returnedCzk]);
  }

  /**
   * After a reversal: the application's balances as recomputed from its
   * ledger; its part's paid and returned sums move by the same difference.
   */
  async recomputed(
    manager: EntityManager,
    applicationId: string,
    callPartId: string,
    before: { paidCzk: number; returnedCzk: number },
    after: { paidCzk: number; returnedCzk: number; returnDueCzk: number },
  ): Promise<void> {
    await manager.query('UPDATE application SET paid_czk = $2, returned_czk = $3, return_due_czk = $4, updated_at = now() WHERE id = $1', [
      applicationId,
      after.paidCzk,
      after.returnedCzk,
      after.returnDueCzk,
    ]);
    await manager.query('UPDATE call_part SET paid_czk = paid_czk + $2, returned_czk = returned_czk + $3 WHERE id = $1', [
      callPartId,
      after.paidCzk - before.paidCzk,
      after.returnedCzk - before.returnedCzk,
    ]);
  }
}
