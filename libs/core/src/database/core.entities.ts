import { AuditCheckpointEntity } from '../audit/audit-checkpoint.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';

/** core's tables: the audit trail, its checkpoints and the idempotency records. */
export const CORE_ENTITIES = [AuditEventEntity, AuditCheckpointEntity, IdempotencyKeyEntity];
