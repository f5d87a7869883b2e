-- Generated from libs/letters/src/worker/letter-store.repository.ts by `npm run sql:snapshots`. Do not edit.

-- LetterStoreRepository.load
SELECT id, application_id AS "applicationId", kind, status, generation, data FROM letter WHERE id = $1;

-- LetterStoreRepository.markReady, fragment ${update}
UPDATE letter SET status = 'ready', pdf = ${bind(rendered.pdf)}, sha256 = ${bind(rendered.sha256)}, ready_at = now(),
       attempts = ${bind(attempts)}, failure_reason = NULL
 WHERE id = ${bind(letter.id)} AND generation = ${bind(letter.generation)} AND status = 'queued'
RETURNING id

-- LetterStoreRepository.markReady
WITH ready AS (${update}) SELECT ${appended} AS audit_seq FROM ready;

-- LetterStoreRepository.markFailed
WITH failed AS (
  UPDATE letter SET status = 'failed', failure_reason = $3, attempts = $4
   WHERE id = $1 AND generation = $2 AND status = 'queued'
   RETURNING application_id, kind
)
SELECT application_id, kind FROM failed;
