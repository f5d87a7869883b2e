-- Generated from libs/applications/src/formal-checks.repository.ts by `npm run sql:snapshots`. Do not edit.

-- FormalChecksRepository.applicationToCheck
SELECT a.status, a.correction_due_on::text AS correction_due_on, c.submission_closes_at
  FROM application a JOIN call c ON c.id = a.call_id
 WHERE a.id = $1 AND a.status <> 'draft'
   FOR UPDATE OF a;

-- FormalChecksRepository.record
INSERT INTO formal_check (application_id, result, reasons, correction_due_on, checked_at, checked_by)
VALUES ($1, $2, $3, $4, $5, $6);
