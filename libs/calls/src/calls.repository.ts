import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/core';
import { CallCriterionEntity } from './call-criterion.entity';
import { CallPartEntity } from './call-part.entity';
import { CallEntity } from './call.entity';
import { toCallView, type CallView } from './calls.views';
import type { CallCriterionTerms, CallPartTerms, CallTerms } from './domain/call.rules';

/** A call's own columns (its terms without the parts and criteria) and its title. */
export type CallColumns = Omit<CallTerms, 'parts' | 'criteria'> & { title: string };

export interface NewDraftCall extends CallColumns {
  programmeId: string;
  sequenceInProgramme: number;
}

/** A part as the ledger books its allocation. */
export interface PartAllocation {
  id: string;
  code: string;
  allocationCzk: number;
}

/**
 * A call with its parts and criteria (tables `call`, `call_part`,
 * `call_criterion`). The writers run in the caller's transaction; a call's
 * terms change only while it is a draft.
 */
@Injectable()
export class CallsRepository {
  find(manager: EntityManager, id: string): Promise<CallEntity | null> {
    return manager.findOneBy(CallEntity, { id });
  }

  /** Reads the call with its row locked until the caller's transaction ends; NOT_FOUND when there is none. */
  async lock(manager: EntityManager, id: string): Promise<CallEntity> {
    const call = await manager.findOne(CallEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!call) throw new DomainError('NOT_FOUND', 'No such call.');
    return call;
  }

  /** The call with its programme, parts and criteria, in its phase at `now`; null when there is none. */
  async viewOf(manager: EntityManager, id: string, now: Date): Promise<CallView | null> {
    const call = await withTerms(manager).where('call.id = :id', { id }).getOne();
    return call ? toCallView(call, now) : null;
  }

  /** Latest opening first; drafts only when asked. Pages over calls alone, then loads that page's parts and criteria. */
  async page(
    manager: EntityManager,
    filter: { includeDrafts: boolean },
    page: number,
    pageSize: number,
    now: Date,
  ): Promise<{ items: CallView[]; total: number }> {
    const pageQuery = manager.getRepository(CallEntity).createQueryBuilder('call');
    if (!filter.includeDrafts) pageQuery.where("call.status = 'announced'");
    const [rows, total] = await pageQuery
      .orderBy('call.submission_opens_at', 'DESC')
      .addOrderBy('call.id')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const ids = rows.map((r) => r.id);
    const calls = ids.length ? await withTerms(manager).where('call.id IN (:...ids)', { ids }).getMany() : [];
    const byId = new Map(calls.map((c) => [c.id, c]));
    return { items: ids.map((id) => toCallView(byId.get(id)!, now)), total };
  }

  /** The next call's number in its programme (1 for the first); the caller holds the programme's lock. */
  async nextSequenceInProgramme(manager: EntityManager, programmeId: string): Promise<number> {
    const [{ next }]: { next: number }[] = await manager.query(
      'SELECT COALESCE(MAX(sequence_in_programme), 0) + 1 AS next FROM call WHERE programme_id = $1',
      [programmeId],
    );
    return Number(next);
  }

  /** A new call, in draft; returns its id. */
  async insertDraft(manager: EntityManager, call: NewDraftCall): Promise<string> {
    const saved = await manager.save(manager.create(CallEntity, { ...call, status: 'draft' }));
    return saved.id;
  }

  /** Changes a draft's own columns; a call that is no longer a draft changes nothing (CALL_NOT_EDITABLE). */
  async updateDraft(manager: EntityManager, id: string, columns: CallColumns): Promise<void> {
    const result = await manager.update(CallEntity, { id, status: 'draft' }, columns);
    if (result.affected !== 1) throw new DomainError('CALL_NOT_EDITABLE', 'An announced call can no longer be changed.');
  }

  /** Announces a draft at `at`; a call already announced changes nothing (CALL_NOT_EDITABLE). */
  async markAnnounced(manager: EntityManager, id: string, at: Date): Promise<void> {
    const result = await manager.update(CallEntity, { id, status: 'draft' }, { status: 'announced', announcedAt: at });
    if (result.affected !== 1) throw new DomainError('CALL_NOT_EDITABLE', 'This call is already announced.');
  }

  /**
   * The evaluation of an announced call is closed (evaluation's close, inside
   * its transaction, after it locked the call and checked the window): once only,
   * so a second close is a broken invariant, not a user's error.
   */
  async markEvaluationClosed(manager: EntityManager, id: string, at: Date): Promise<void> {
    const [{ n }]: { n: number }[] = await manager.query(
      `WITH closed AS (
         UPDATE call SET evaluation_closed_at = $2, updated_at = now() WHERE id = $1 AND status = 'announced' AND evaluation_closed_at IS NULL RETURNING id
       )
       SELECT count(*)::int AS n FROM closed`,
      [id, at],
    );
    if (n !== 1) throw new Error(`Call ${id} is not an announced call with its evaluation open`);
  }

  async insertParts(manager: EntityManager, callId: string, parts: readonly CallPartTerms[]): Promise<void> {
    if (parts.length) await manager.insert(CallPartEntity, parts.map((p) => ({ ...p, callId })));
  }

  /** The criteria keep the order they are given in (their position). */
  async insertCriteria(manager: EntityManager, callId: string, criteria: readonly CallCriterionTerms[]): Promise<void> {
    if (criteria.length) await manager.insert(CallCriterionEntity, criteria.map((c, position) => ({ ...c, position, callId })));
  }

  async deleteParts(manager: EntityManager, callId: string): Promise<void> {
    await manager.delete(CallPartEntity, { callId });
  }

  async deleteCriteria(manager: EntityManager, callId: string): Promise<void> {
    await manager.delete(CallCriterionEntity, { callId });
  }

  /** The call's parts with their allocations, by code. */
  async partAllocationsOf(manager: EntityManager, callId: string): Promise<PartAllocation[]> {
    const rows: { id: string; code: string; allocation_czk: string }[] = await manager.query(
      'SELECT id, code, allocation_czk FROM call_part WHERE call_id = $1 ORDER BY code',
      [callId],
    );
    return rows.map((r) => ({ id: r.id, code: r.code, allocationCzk: Number(r.allocation_czk) }));
  }
}

/** The call with its programme, parts and criteria (what a CallView shows). */
function withTerms(manager: EntityManager) {
  return manager
    .getRepository(CallEntity)
    .createQueryBuilder('call')
    .innerJoinAndSelect('call.programme', 'programme')
    .leftJoinAndSelect('call.parts', 'part')
    .leftJoinAndSelect('call.criteria', 'criterion');
}
