-- Generated from libs/letters/src/worker/document-store.repository.ts by `npm run sql:snapshots`. Do not edit.

-- DocumentStoreRepository.load
SELECT id, kind, subject_id AS "subjectId", revision, status, generation, data FROM call_document WHERE id = $1;

-- DocumentStoreRepository.markReady
WITH ready AS (
  UPDATE call_document SET status = 'ready', pdf = $1, sha256 = $2, ready_at = now(), attempts = $3, failure_reason = NULL
   WHERE id = $4 AND generation = $5 AND status = 'queued'
  RETURNING id
)
SELECT audit_append($6::uuid, $7::timestamptz, $8::uuid, $9::varchar, $10::varchar, $11::varchar, $12::varchar, $13::jsonb, $14::jsonb, $15::text, $16::text) AS audit_seq
  FROM ready;

-- DocumentStoreRepository.markFailed
WITH failed AS (
  UPDATE call_document SET status = 'failed', failure_reason = $3, attempts = $4
   WHERE id = $1 AND generation = $2 AND status = 'queued'
   RETURNING kind, subject_id, revision
)
SELECT kind, subject_id, revision FROM failed;
