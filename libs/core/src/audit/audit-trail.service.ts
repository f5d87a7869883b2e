import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/role';
import { Clock } from '../clock/clock';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditEventEntity } from './audit-event.entity';
import { auditPayload, findFirstBrokenLink, GENESIS_HASH } from './audit-hash';

const VERIFY_BATCH = 2000;

export interface AuditRecord {
  actor: Pick<AuthUser, 'id' | 'role'> | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface PreparedAuditEvent {
  /** Stands in `after` for the value the appending statement assigns. */
  placeholder: string;
  /** The arguments of `audit_append`, in order: id … reason, then the canonical payload. */
  params: unknown[];
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  firstBrokenEventId?: string;
}

@Injectable()
export class AuditTrail {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: AuditEventsRepository,
  ) {}

  /**
   * Appends inside the caller's transaction. The advisory lock is held until
   * that transaction ends, so call this as the last statement before commit.
   */
  async append(manager: EntityManager, record: AuditRecord): Promise<void> {
    await this.events.append(manager, this.prepare(record).params);
  }

  /**
   * The `audit_append(...)` call of a record, for a statement that appends the
   * event itself after assigning a value the event must show (a reference
   * number): `after` may be a function of a placeholder, which the statement
   * swaps for the assigned value in both the jsonb and the hashed payload.
   */
  prepare(record: Omit<AuditRecord, 'after'> & { after?: unknown | ((placeholder: string) => unknown) }): PreparedAuditEvent {
    const id = randomUUID();
    const placeholder = `@assigned-by-statement:${id}`;
    const event = {
      id,
      occurredAt: this.clock.now(),
      actorUserId: record.actor?.id ?? null,
      actorRole: record.actor?.role ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      before: normalise(record.before),
      after: normalise(typeof record.after === 'function' ? record.after(placeholder) : record.after),
      reason: record.reason ?? null,
    };
    const params: unknown[] = [
      event.id,
      event.occurredAt,
      event.actorUserId,
      event.actorRole,
      event.action,
      event.entityType,
      event.entityId,
      event.before === null ? null : JSON.stringify(event.before),
      event.after === null ? null : JSON.stringify(event.after),
      event.reason,
      auditPayload(event),
    ];
    return { placeholder, params };
  }

  async list(filter: { entityType?: string; entityId?: string }, page: number, pageSize: number) {
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (filter.entityType) qb.andWhere('e.entity_type = :t', { t: filter.entityType });
    if (filter.entityId) qb.andWhere('e.entity_id = :i', { i: filter.entityId });
    const [items, total] = await qb
      .orderBy('e.seq', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Recomputes the whole chain in batches, in one snapshot. */
  async verify(): Promise<AuditVerification> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      let prevHash = GENESIS_HASH;
      let afterSeq = 0;
      let events = 0;
      for (;;) {
        const batch = await manager
          .getRepository(AuditEventEntity)
          .createQueryBuilder('e')
          .where('e.seq > :afterSeq', { afterSeq })
          .orderBy('e.seq', 'ASC')
          .take(VERIFY_BATCH)
          .getMany();
        if (batch.length === 0) return { ok: true, events };
        const result = findFirstBrokenLink(batch, prevHash);
        if (result.brokenEventId) {
          return { ok: false, events: events + result.count, firstBrokenEventId: result.brokenEventId };
        }
        events += result.count;
        prevHash = result.lastHash;
        afterSeq = batch[batch.length - 1].seq;
      }
    });
  }
}

/** What jsonb will give back: plain JSON, so the hash recomputes to the same value. */
function normalise(value: unknown): Record<string, unknown> | null {
  return value === undefined || value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
}
