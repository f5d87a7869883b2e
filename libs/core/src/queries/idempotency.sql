-- Generated from libs/core/src/idempotency/idempotency.repository.ts by `npm run sql:snapshots`. Do not edit.

-- IdempotencyRepository.claim
INSERT INTO idempotency_key (user_id, key, request_hash) VALUES ($1, $2, $3)
ON CONFLICT ON CONSTRAINT idempotency_key_pkey DO NOTHING RETURNING key;

-- IdempotencyRepository.claim
SELECT request_hash, response_status, response_body,
       created_at < now() - make_interval(hours => $3) AS expired
  FROM idempotency_key WHERE user_id = $1 AND key = $2;

-- IdempotencyRepository.claim
DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3);

-- IdempotencyRepository.completeIn
WITH completed AS (
  UPDATE idempotency_key SET response_status = $3, response_body = $4
   WHERE user_id = $1 AND key = $2 AND (response_status IS NULL OR $5) RETURNING 1)
SELECT count(*)::int AS n FROM completed;

-- IdempotencyRepository.complete
UPDATE idempotency_key SET response_status = $3, response_body = $4 WHERE user_id = $1 AND key = $2;

-- IdempotencyRepository.release
DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND response_status IS NULL;

-- IdempotencyRepository.purgeExpired
WITH purged AS (DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1) RETURNING 1)
SELECT count(*)::int AS n FROM purged;
