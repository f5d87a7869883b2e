import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { LetterKind, LetterStatus } from './domain/letter-kind';
import type { LetterRow } from './letter-view';

const LETTER_COLUMNS = 'l.id, l.kind, l.status, l.sha256, l.failure_reason, l.created_at, l.ready_at';

/** A letter with what its download needs to know (no bytes). */
export interface DownloadableLetter {
  id: string;
  kind: LetterKind;
  status: LetterStatus;
  sha256: string | null;
  failureReason: string | null;
  referenceNumber: string | null;
}

/** A letter in the officers' list across applications. */
export interface LetterListRow extends LetterRow {
  application_id: string;
  call_id: string;
  reference_number: string | null;
  organisation_name: string;
}

export interface LetterFilter {
  status?: LetterStatus;
  callId?: string;
}

/** A letter just put back in the queue, and what it failed with before. */
export interface RequeuedLetter extends LetterRow {
  generation: number;
  previous_failure_reason: string | null;
}

/**
 * The letters' queries. `organisationId` scopes a reader to one organisation's
 * applications (an applicant); null reads every one (staff). Out of scope is
 * simply not found.
 */
@Injectable()
export class LettersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async applicationExists(applicationId: string, organisationId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM application WHERE id = $1 AND ($2::uuid IS NULL OR organisation_id = $2)',
      [applicationId, organisationId],
    );
    return rows.length > 0;
  }

  listByApplication(applicationId: string): Promise<LetterRow[]> {
    return this.dataSource.query(`SELECT ${LETTER_COLUMNS} FROM letter l WHERE l.application_id = $1 ORDER BY l.created_at, l.id`, [applicationId]);
  }

  /** Letters across applications, newest first, with their application's reference number and organisation. */
  async page(filter: LetterFilter, page: number, pageSize: number): Promise<{ rows: LetterListRow[]; total: number }> {
    const where = `($1::text IS NULL OR l.status = $1) AND ($2::uuid IS NULL OR a.call_id = $2)`;
    const params = [filter.status ?? null, filter.callId ?? null];
    const rows: LetterListRow[] = await this.dataSource.query(
      `SELECT ${LETTER_COLUMNS}, l.application_id, a.call_id, a.reference_number, o.name AS organisation_name
         FROM letter l
         JOIN application a ON a.id = l.application_id
         JOIN organisation o ON o.id = a.organisation_id
        WHERE ${where}
        ORDER BY l.created_at DESC, l.id
        LIMIT $3 OFFSET $4`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const [{ n }]: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS n FROM letter l JOIN application a ON a.id = l.application_id WHERE ${where}`,
      params,
    );
    return { rows, total: Number(n) };
  }

  async findDownloadable(letterId: string, organisationId: string | null): Promise<DownloadableLetter | null> {
    const [row]: (LetterRow & { reference_number: string | null })[] = await this.dataSource.query(
      `SELECT ${LETTER_COLUMNS}, a.reference_number
         FROM letter l JOIN application a ON a.id = l.application_id
        WHERE l.id = $1 AND ($2::uuid IS NULL OR a.organisation_id = $2)`,
      [letterId, organisationId],
    );
    if (!row) return null;
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      sha256: row.sha256,
      failureReason: row.failure_reason,
      referenceNumber: row.reference_number,
    };
  }

  /** The PDF bytes of a ready letter (the only read of the `pdf` column). */
  async pdfOf(letterId: string): Promise<Buffer | null> {
    const [row]: { pdf: Buffer | null }[] = await this.dataSource.query(`SELECT pdf FROM letter WHERE id = $1 AND status = 'ready'`, [letterId]);
    return row?.pdf ?? null;
  }

  async statusOf(manager: EntityManager, letterId: string): Promise<LetterStatus | null> {
    const [row]: { status: LetterStatus }[] = await manager.query('SELECT status FROM letter WHERE id = $1', [letterId]);
    return row?.status ?? null;
  }

  /**
   * A failed letter back to `queued` in its next generation, and its outbox
   * message, in one statement of the caller's transaction. The conditional
   * UPDATE is the check: of concurrent retries one updates the row, the
   * others find it no longer failed and get nothing back. Read through a CTE
   * (TypeORM answers a bare UPDATE … RETURNING with [rows, rowCount]).
   */
  async requeueFailed(manager: EntityManager, letterId: string, topic: string, now: Date): Promise<RequeuedLetter | null> {
    const [row]: RequeuedLetter[] = await manager.query(
      `WITH prior AS (
         SELECT id, failure_reason FROM letter WHERE id = $1
       ), retried AS (
         UPDATE letter l
            SET status = 'queued', generation = l.generation + 1, attempts = 0, failure_reason = NULL
           FROM prior
          WHERE l.id = prior.id AND l.status = 'failed'
         RETURNING ${LETTER_COLUMNS}, l.generation, prior.failure_reason AS previous_failure_reason
       ), outbox AS (
         INSERT INTO outbox_message (topic, payload, created_at)
         SELECT $2, jsonb_build_object('letterId', id, 'generation', generation), $3 FROM retried
       )
       SELECT * FROM retried`,
      [letterId, topic, now],
    );
    return row ?? null;
  }
}
