import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';

/** The audit chain's one writer statement: the database chains the event (lock, head, hash, insert). */
@Injectable()
export class AuditEventsRepository {
  /**
   * Appends inside the caller's transaction (preparedQuery refuses to run
   * outside one: the event belongs to the change it records); see
   * migrations/*-audit-append-function. `params` are AuditTrail.prepare's.
   */
  async append(manager: EntityManager, params: readonly unknown[]): Promise<void> {
    await preparedQuery(manager, 'audit_append', 'SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)', [...params]);
  }
}
