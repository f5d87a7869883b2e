import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface AuditCheckpoint {
  id: string;
  headSeq: number;
  headHash: string;
  eventCount: number;
  takenAt: Date;
}

interface CheckpointRow {
  id: string;
  head_seq: string;
  head_hash: string;
  event_count: string;
  taken_at: Date;
}

const checkpointOf = (row: CheckpointRow): AuditCheckpoint => ({
  id: row.id,
  headSeq: Number(row.head_seq),
  headHash: row.head_hash,
  eventCount: Number(row.event_count),
  takenAt: row.taken_at,
});

/** The audit chain's checkpoints: taken by the database (audit_checkpoint_take), read newest first. */
@Injectable()
export class AuditCheckpointsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inside the caller's transaction: the database reads the chain's head and
   * counts the events up to it in one snapshot, and stores the checkpoint.
   */
  async take(manager: EntityManager, id: string): Promise<AuditCheckpoint> {
    const [row]: CheckpointRow[] = await manager.query(
      'SELECT id, head_seq, head_hash, event_count, taken_at FROM audit_checkpoint_take($1)',
      [id],
    );
    return checkpointOf(row);
  }

  async page(page: number, pageSize: number): Promise<{ items: AuditCheckpoint[]; total: number }> {
    const [rows, [count]]: [CheckpointRow[], { n: number }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT id, head_seq, head_hash, event_count, taken_at FROM audit_checkpoint
          ORDER BY taken_at DESC, head_seq DESC, id LIMIT $1 OFFSET $2`,
        [pageSize, (page - 1) * pageSize],
      ),
      this.dataSource.query('SELECT count(*)::int AS n FROM audit_checkpoint'),
    ]);
    return { items: rows.map(checkpointOf), total: count.n };
  }
}
