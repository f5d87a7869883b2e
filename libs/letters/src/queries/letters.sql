-- Generated from libs/letters/src/letters.repository.ts by `npm run sql:snapshots`. Do not edit.

-- fragment ${LETTER_COLUMNS}
l.id, l.kind, l.status, l.sha256, l.failure_reason, l.created_at, l.ready_at

-- LettersRepository.applicationExists
SELECT 1 FROM application WHERE id = $1 AND ($2::uuid IS NULL OR organisation_id = $2);

-- LettersRepository.listByApplication
SELECT ${LETTER_COLUMNS} FROM letter l WHERE l.application_id = $1 ORDER BY l.created_at, l.id;

-- LettersRepository.page, fragment ${where}
($1::text IS NULL OR l.status = $1) AND ($2::uuid IS NULL OR a.call_id = $2)

-- LettersRepository.page
SELECT ${LETTER_COLUMNS}, l.application_id, a.call_id, a.reference_number, o.name AS organisation_name
  FROM letter l
  JOIN application a ON a.id = l.application_id
  JOIN organisation o ON o.id = a.organisation_id
 WHERE ${where}
 ORDER BY l.created_at DESC, l.id
 LIMIT $3 OFFSET $4;

-- LettersRepository.page
SELECT count(*) AS n FROM letter l JOIN application a ON a.id = l.application_id WHERE ${where};

-- LettersRepository.findDownloadable
SELECT ${LETTER_COLUMNS}, a.reference_number
  FROM letter l JOIN application a ON a.id = l.application_id
 WHERE l.id = $1 AND ($2::uuid IS NULL OR a.organisation_id = $2);

-- LettersRepository.pdfOf
SELECT pdf FROM letter WHERE id = $1 AND status = 'ready';

-- LettersRepository.statusOf
SELECT status FROM letter WHERE id = $1;

-- LettersRepository.requeueFailed
WITH prior AS (
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
SELECT * FROM retried;
