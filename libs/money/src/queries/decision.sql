-- Generated from libs/money/src/decision.repository.ts by `npm run sql:snapshots`. Do not edit.

-- DecisionRepository.lockSubject (prepared statement decision_subject)
SELECT a.status, a.requested_czk, a.proposed_czk, a.call_part_id, a.organisation_id, o.ico, c.evaluation_closed_at,
      cp.allocation_czk - cp.committed_czk AS available_czk,
      (SELECT COALESCE(sum(d.amount_czk), 0) FROM decision d
        WHERE d.recipient_ico = o.ico AND d.resolution_year = $2 AND d.outcome = 'approved') AS year_total_czk,
      -- resolutions' table, read here (a library above money) so that a single decision never overtakes a draft's line
      (SELECT l.resolution_id FROM resolution_line l JOIN resolution r ON r.id = l.resolution_id
        WHERE l.application_id = a.id AND l.live AND l.outcome <> 'ineligible' AND r.status = 'draft') AS draft_resolution_id
 FROM application a
 JOIN organisation o ON o.id = a.organisation_id
 JOIN call_part cp ON cp.id = a.call_part_id
 JOIN call c ON c.id = a.call_id
WHERE a.id = $1 AND a.status <> 'draft'
  FOR UPDATE OF a, o;

-- DecisionRepository.write (prepared statement decision_write)
WITH total AS (
  SELECT true AS unchanged FROM decision
   WHERE recipient_ico = $3 AND resolution_year = $4::int AND outcome = 'approved'
  HAVING COALESCE(sum(amount_czk), 0) = $5::bigint
), committed AS (
  UPDATE call_part SET committed_czk = committed_czk + $6::bigint
   WHERE id = $2::uuid AND $6::bigint IS NOT NULL AND committed_czk + $6::bigint <= allocation_czk AND EXISTS (SELECT 1 FROM total)
  RETURNING id
), fits AS (
  SELECT 1 FROM total WHERE $6::bigint IS NULL OR EXISTS (SELECT 1 FROM committed)
), awarded AS (
  UPDATE application SET awarded_czk = COALESCE($6::bigint, 0), updated_at = now()
   WHERE id = $1::uuid AND EXISTS (SELECT 1 FROM fits)
  RETURNING id
), decided AS (
  INSERT INTO decision (application_id, outcome, amount_czk, body, resolution_number, resolution_date, resolution_year,
                        recipient_ico, reasons, deviation_reason, decided_at, decided_by)
  SELECT id, $7, $6::bigint, $8, $9, $10::date, $4::int, $3, $11::text[], $34::text, $12::timestamptz, $13::uuid
    FROM awarded
  RETURNING application_id
), ledger_tx AS (
  INSERT INTO ledger_transaction (id, type, occurred_on, reference, reverses, programme_id, call_part_id, application_id, created_at, created_by)
  SELECT $14::uuid, $15, $10::date, $16, NULL, NULL, $2::uuid, $1::uuid, $12::timestamptz, $13::uuid
    FROM committed
  RETURNING id
), ledger_entries AS (
  INSERT INTO ledger_entry (transaction_id, account, amount_czk)
  SELECT t.id, e.account, e.amount FROM ledger_tx t, unnest($17::text[], $18::bigint[]) AS e(account, amount)
  RETURNING transaction_id
), letter_snapshot AS (
  SELECT application_id AS id, data || jsonb_build_object('decidedAt', $12::timestamptz, 'decision', $21::jsonb) AS data
    FROM letter_subject WHERE application_id = $1::uuid AND EXISTS (SELECT 1 FROM awarded)
), letter AS (
  INSERT INTO letter (id, application_id, kind, status, data, created_at)
  SELECT $19::uuid, id, $20, 'queued', data, $12::timestamptz FROM letter_snapshot
  RETURNING id
), letter_outbox AS (
  INSERT INTO outbox_message (topic, payload, created_at)
  SELECT $22, jsonb_build_object('letterId', id), $12::timestamptz FROM letter
  RETURNING id
)
SELECT t.n > 0 AS total_unchanged, w.n > 0 AS written,
       CASE WHEN w.n > 0
            THEN audit_append($23::uuid, $24::timestamptz, $25::uuid, $26::varchar, $27::varchar, $28::varchar, $29::varchar,
                              $30::jsonb, $31::jsonb, $32::text, $33::text) END AS audit_seq
  FROM (SELECT count(*) AS n FROM total) t,
       -- Counting every written row finishes the writes before the event is appended (it takes the chain's lock until COMMIT).
       (SELECT count(*) AS n FROM (SELECT 1 FROM decided UNION ALL SELECT 1 FROM ledger_entries UNION ALL SELECT 1 FROM letter_outbox) x) w;

-- DecisionRepository.availableOf
SELECT allocation_czk - committed_czk AS available_czk FROM call_part WHERE id = $1;
