-- Generated from libs/letters/src/letter-requests.repository.ts by `npm run sql:snapshots`. Do not edit.

-- LetterRequests.request
WITH letter_snapshot AS (
  SELECT application_id AS id, data || jsonb_build_object('decidedAt', $2::timestamptz, 'decision', $3::jsonb) AS data
    FROM letter_subject WHERE application_id = $1::uuid
), letter AS (
  INSERT INTO letter (id, application_id, kind, status, data, created_at)
  SELECT $4::uuid, id, $5, 'queued', data, $2::timestamptz FROM letter_snapshot
  RETURNING id
), letter_outbox AS (
  INSERT INTO outbox_message (topic, payload, created_at)
  SELECT $6, jsonb_build_object('letterId', id), $2::timestamptz FROM letter
  RETURNING id
)
SELECT id FROM letter;
