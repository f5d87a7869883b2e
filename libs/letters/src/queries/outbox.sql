-- Generated from libs/letters/src/worker/outbox.repository.ts by `npm run sql:snapshots`. Do not edit.

-- OutboxRepository.claimPending
SELECT id, payload FROM outbox_message
 WHERE sent_at IS NULL AND topic = $1
 ORDER BY id LIMIT $2
   FOR UPDATE SKIP LOCKED;

-- OutboxRepository.markSent
UPDATE outbox_message SET sent_at = now() WHERE id = ANY($1::bigint[]);

-- OutboxRepository.queuedLettersSentBefore
SELECT l.id AS "letterId", l.generation
  FROM letter l
  JOIN (SELECT payload->>'letterId' AS letter_id, bool_or(sent_at IS NULL) AS pending, max(sent_at) AS last_sent
          FROM outbox_message
         WHERE topic = $2 AND payload->>'letterId' IN (SELECT id::text FROM letter WHERE status = 'queued')
         GROUP BY 1) o ON o.letter_id = l.id::text
 WHERE l.status = 'queued' AND NOT o.pending
   AND o.last_sent < now() - make_interval(secs => $1::double precision / 1000)
 ORDER BY o.last_sent LIMIT $3;

-- OutboxRepository.queuedDocumentsSentBefore
SELECT d.id AS "documentId", d.generation
  FROM call_document d
  JOIN (SELECT payload->>'documentId' AS document_id, bool_or(sent_at IS NULL) AS pending, max(sent_at) AS last_sent
          FROM outbox_message
         WHERE topic = $2 AND payload->>'documentId' IN (SELECT id::text FROM call_document WHERE status = 'queued')
         GROUP BY 1) o ON o.document_id = d.id::text
 WHERE d.status = 'queued' AND NOT o.pending
   AND o.last_sent < now() - make_interval(secs => $1::double precision / 1000)
 ORDER BY o.last_sent LIMIT $3;

-- OutboxRepository.purgeSentBefore
WITH purged AS (
  DELETE FROM outbox_message o
   WHERE o.sent_at < now() - make_interval(days => $1)
     AND NOT EXISTS (SELECT 1 FROM letter l WHERE l.id::text = o.payload->>'letterId' AND l.status = 'queued')
     AND NOT EXISTS (SELECT 1 FROM call_document d WHERE d.id::text = o.payload->>'documentId' AND d.status = 'queued')
  RETURNING 1)
SELECT count(*)::int AS n FROM purged;
