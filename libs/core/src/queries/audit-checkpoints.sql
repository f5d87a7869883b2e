-- Generated from libs/core/src/audit/audit-checkpoints.repository.ts by `npm run sql:snapshots`. Do not edit.

-- AuditCheckpointsRepository.take
SELECT id, head_seq, head_hash, event_count, taken_at FROM audit_checkpoint_take($1);

-- AuditCheckpointsRepository.page
SELECT id, head_seq, head_hash, event_count, taken_at FROM audit_checkpoint
 ORDER BY taken_at DESC, head_seq DESC, id LIMIT $1 OFFSET $2;

-- AuditCheckpointsRepository.page
SELECT count(*)::int AS n FROM audit_checkpoint;
