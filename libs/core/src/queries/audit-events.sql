-- Generated from libs/core/src/audit/audit-events.repository.ts by `npm run sql:snapshots`. Do not edit.

-- AuditEventsRepository.append (prepared statement audit_append)
SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);
