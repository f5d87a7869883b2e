import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toSafeNumber } from '@app/core';
import { toProgrammeView, type ProgrammeView } from './calls.views';
import { ProgrammeEntity } from './programme.entity';

export interface BudgetMeasureView {
  id: string;
  amountCzk: number;
  reference: string;
  reason: string;
  createdAt: string;
}

/** The programmes' reads: a page of them, a programme's budget measures and what its announced calls allocate. */
@Injectable()
export class ProgrammesRepository {
  /** Newest year first, then by code. */
  async page(manager: EntityManager, page: number, pageSize: number): Promise<{ items: ProgrammeView[]; total: number }> {
    const [rows, total] = await manager
      .getRepository(ProgrammeEntity)
      .createQueryBuilder('programme')
      .orderBy('programme.year', 'DESC')
      .addOrderBy('programme.code')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toProgrammeView), total };
  }

  /** Oldest first: the order in which they changed the appropriation. */
  async budgetMeasuresOf(manager: EntityManager, programmeId: string): Promise<BudgetMeasureView[]> {
    const rows: { id: string; amount_czk: string; reference: string; reason: string; created_at: Date }[] = await manager.query(
      'SELECT id, amount_czk, reference, reason, created_at FROM budget_measure WHERE programme_id = $1 ORDER BY created_at, id',
      [programmeId],
    );
    return rows.map((r) => ({ id: r.id, amountCzk: toSafeNumber(r.amount_czk), reference: r.reference, reason: r.reason, createdAt: r.created_at.toISOString() }));
  }

  /** The sum of the parts' allocations of the programme's announced calls (drafts allocate nothing). */
  async allocatedByAnnouncedCalls(manager: EntityManager, programmeId: string): Promise<number> {
    const [{ total }]: { total: string }[] = await manager.query(
      `SELECT COALESCE(SUM(p.allocation_czk), 0) AS total
         FROM call_part p JOIN call c ON c.id = p.call_id
        WHERE c.programme_id = $1 AND c.status = 'announced'`,
      [programmeId],
    );
    return toSafeNumber(total);
  }
}
