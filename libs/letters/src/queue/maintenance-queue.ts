/** The worker's housekeeping queue: jobs its schedulers add (see MaintenanceSchedule). */
export const MAINTENANCE_QUEUE = 'maintenance';

/** The audit chain's checkpoint (head hash, count, time), AUDIT_CHECKPOINT_CRON. */
export const AUDIT_CHECKPOINT_JOB = 'audit-checkpoint';

/** Sent outbox messages and expired idempotency keys deleted, RETENTION_CRON. */
export const RETENTION_JOB = 'retention';

/** Business time: the cron patterns are read in Prague's time zone. */
export const MAINTENANCE_TIME_ZONE = 'Europe/Prague';
