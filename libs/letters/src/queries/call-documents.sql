-- Generated from libs/letters/src/documents/call-documents.repository.ts by `npm run sql:snapshots`. Do not edit.

-- CallDocumentsRepository.find
SELECT id, status, sha256, generation, failure_reason AS "failureReason"
  FROM call_document WHERE kind = $1 AND subject_id = $2 AND revision = $3;

-- CallDocumentsRepository.queue
WITH queued AS (
  INSERT INTO call_document (kind, subject_id, revision, status, data, created_at)
  VALUES ($1, $2::uuid, $3, 'queued', $4::jsonb, $5::timestamptz)
  ON CONFLICT (kind, subject_id, revision) DO NOTHING
  RETURNING id, generation
), queued_outbox AS (
  INSERT INTO outbox_message (topic, payload, created_at)
  SELECT $6, jsonb_build_object('documentId', id, 'generation', generation), $5::timestamptz FROM queued
  RETURNING id
)
SELECT id FROM queued;

-- CallDocumentsRepository.requeueFailed
WITH previous AS (
  SELECT id, failure_reason FROM call_document WHERE id = $1 AND status = 'failed' FOR UPDATE
), requeued AS (
  UPDATE call_document d SET status = 'queued', generation = d.generation + 1, attempts = 0, failure_reason = NULL
    FROM previous p WHERE d.id = p.id
  RETURNING d.id, d.generation, p.failure_reason AS previous_failure_reason
), requeued_outbox AS (
  INSERT INTO outbox_message (topic, payload, created_at)
  SELECT $3, jsonb_build_object('documentId', id, 'generation', generation), $2::timestamptz FROM requeued
  RETURNING id
)
SELECT generation, previous_failure_reason FROM requeued;

-- CallDocumentsRepository.pdfOf
SELECT pdf FROM call_document WHERE id = $1;
