-- Generated from libs/calls/src/calls.repository.ts by `npm run sql:snapshots`. Do not edit.

-- CallsRepository.nextSequenceInProgramme
SELECT COALESCE(MAX(sequence_in_programme), 0) + 1 AS next FROM call WHERE programme_id = $1;

-- CallsRepository.markEvaluationClosed
WITH closed AS (
  UPDATE call SET evaluation_closed_at = $2, updated_at = now() WHERE id = $1 AND status = 'announced' AND evaluation_closed_at IS NULL RETURNING id
)
SELECT count(*)::int AS n FROM closed;

-- CallsRepository.partAllocationsOf
SELECT id, code, allocation_czk FROM call_part WHERE call_id = $1 ORDER BY code;
