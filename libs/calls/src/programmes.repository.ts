import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, toSafeNumber, uniqueViolation } from '@app/core';
import { BudgetMeasureEntity } from './budget-measure.entity';
import { toProgrammeView, type ProgrammeView } from './calls.views';
import { ProgrammeEntity } from './programme.entity';

export interface BudgetMeasureView {
  id: string;
  amountCzk: number;
  reference: string;
  reason: string;
  createdAt: string;
}

export interface NewProgramme {
  code: string;
  name: string;
  year: number;
  appropriationCzk: number;
}

export interface NewBudgetMeasure {
  programmeId: string;
  amountCzk: number;
  reference: string;
  reason: string;
  createdBy: string;
}

/**
 * A programme and its budget measures (tables `programme`, `budget_measure`),
 * and what its announced calls allocate. The writers run in the caller's transaction.
 */
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

  find(manager: EntityManager, id: string): Promise<ProgrammeEntity | null> {
    return manager.findOneBy(ProgrammeEntity, { id });
  }

  /**
   * Reads the programme with its row locked until the caller's transaction
   * ends: serialises everything that touches its money (announcements, budget
   * measures) and the numbering of its calls. NOT_FOUND (on `programmeId`) when there is none.
   */
  async lock(manager: EntityManager, id: string): Promise<ProgrammeEntity> {
    const programme = await manager.findOne(ProgrammeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!programme) throw new DomainError('NOT_FOUND', 'No such programme.', [{ field: 'programmeId', message: 'does not exist' }]);
    return programme;
  }

  /** A new programme; its code is unique (PROGRAMME_EXISTS). */
  async insert(manager: EntityManager, programme: NewProgramme): Promise<ProgrammeEntity> {
    try {
      return await manager.save(manager.create(ProgrammeEntity, programme));
    } catch (error) {
      if (uniqueViolation(error) === 'programme_code_key') {
        throw new DomainError('PROGRAMME_EXISTS', `A programme with code ${programme.code} already exists.`, [
          { field: 'code', message: 'is already used by another programme' },
        ]);
      }
      throw error;
    }
  }

  async setAppropriation(manager: EntityManager, id: string, appropriationCzk: number): Promise<void> {
    await manager.update(ProgrammeEntity, { id }, { appropriationCzk });
  }

  /** Records a budget measure of the programme; returns its id. */
  async insertBudgetMeasure(manager: EntityManager, measure: NewBudgetMeasure): Promise<string> {
    const saved = await manager.save(manager.create(BudgetMeasureEntity, measure));
    return saved.id;
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
