-- Generated from libs/resolutions/src/adoption/adoption.repository.ts by `npm run sql:snapshots`. Do not edit.

-- AdoptionRepository.lockResolution (prepared statement adoption_lock_resolution)
SELECT r.id, r.call_id, r.body, r.status, r.version, c.evaluation_closed_at
 FROM resolution r JOIN call c ON c.id = r.call_id
WHERE r.id = $1
  FOR UPDATE OF r;

-- AdoptionRepository.lockLines (prepared statement adoption_lock_applications)
SELECT a.id FROM application a
WHERE a.id IN (SELECT application_id FROM resolution_line WHERE resolution_id = $1)
ORDER BY a.id
  FOR UPDATE;

-- AdoptionRepository.lockLines (prepared statement adoption_lock_organisations)
SELECT o.id FROM organisation o
WHERE o.id IN (SELECT a.organisation_id FROM resolution_line l JOIN application a ON a.id = l.application_id WHERE l.resolution_id = $1)
ORDER BY o.id
  FOR UPDATE;

-- AdoptionRepository.lockLines (prepared statement adoption_lock_parts)
SELECT cp.id FROM call_part cp
WHERE cp.id IN (SELECT a.call_part_id FROM resolution_line l JOIN application a ON a.id = l.application_id WHERE l.resolution_id = $1)
ORDER BY cp.id
  FOR UPDATE;

-- AdoptionRepository.readLines (prepared statement adoption_read_lines)
WITH line AS (
  SELECT l.application_id, l.position, l.outcome, l.amount_czk, l.reason, l.deviation_reason,
         a.status, a.requested_czk, a.proposed_czk, a.call_part_id, a.organisation_id, o.ico, cp.code AS part_code,
         cp.allocation_czk - cp.committed_czk AS available_czk
    FROM resolution_line l
    JOIN application a ON a.id = l.application_id
    JOIN organisation o ON o.id = a.organisation_id
    JOIN call_part cp ON cp.id = a.call_part_id
   WHERE l.resolution_id = $1
), total AS (
  SELECT d.recipient_ico AS ico, sum(d.amount_czk) AS total_czk FROM decision d
   WHERE d.resolution_year = $2 AND d.outcome = 'approved' AND d.recipient_ico IN (SELECT ico FROM line)
   GROUP BY d.recipient_ico
), affiliated AS (
  SELECT organisation_id FROM user_affiliation WHERE user_id = $3
)
SELECT line.*, COALESCE(total.total_czk, 0) AS year_total_czk,
       EXISTS (SELECT 1 FROM affiliated f WHERE f.organisation_id = line.organisation_id) AS affiliated
  FROM line LEFT JOIN total ON total.ico = line.ico
 ORDER BY line.position;

-- AdoptionRepository.write (prepared statement adoption_write)
WITH line AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
      AS l(application_id uuid, outcome text, amount_czk bigint, reasons text[], deviation_reason text, ico text,
           letter_id uuid, letter_kind text, letter_decision jsonb)
), part AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS p(id uuid, amount_czk bigint)
), committed AS (
  UPDATE call_part cp SET committed_czk = cp.committed_czk + p.amount_czk
    FROM part p
   WHERE cp.id = p.id AND cp.committed_czk + p.amount_czk <= cp.allocation_czk
  RETURNING cp.id
), fits AS (
  SELECT 1 WHERE (SELECT count(*) FROM committed) = jsonb_array_length($2::jsonb)
), awarded AS (
  UPDATE application a SET awarded_czk = COALESCE(l.amount_czk, 0), updated_at = now()
    FROM line l
   WHERE a.id = l.application_id AND EXISTS (SELECT 1 FROM fits)
  RETURNING a.id
), decided AS (
  INSERT INTO decision (application_id, outcome, amount_czk, body, resolution_number, resolution_date, resolution_year,
                        recipient_ico, reasons, deviation_reason, decided_at, decided_by)
  SELECT l.application_id, l.outcome, l.amount_czk, $5, $6, $7::date, $8::int, l.ico, l.reasons, l.deviation_reason, $9::timestamptz, $10::uuid
    FROM line l JOIN awarded w ON w.id = l.application_id
  RETURNING application_id
), ledger_tx AS (
  INSERT INTO ledger_transaction (id, type, occurred_on, reference, reverses, programme_id, call_part_id, application_id, created_at, created_by)
  SELECT t.id, t.type, $7::date, t.reference, NULL, NULL, t.part_id, t.application_id, $9::timestamptz, $10::uuid
    FROM jsonb_to_recordset($3::jsonb) AS t(id uuid, type text, reference text, part_id uuid, application_id uuid)
   WHERE EXISTS (SELECT 1 FROM fits)
  RETURNING id
), ledger_entries AS (
  INSERT INTO ledger_entry (transaction_id, account, amount_czk)
  SELECT t.id, e.account, e.amount_czk
    FROM jsonb_to_recordset($4::jsonb) AS e(transaction_id uuid, account text, amount_czk bigint)
    JOIN ledger_tx t ON t.id = e.transaction_id
  RETURNING transaction_id
), letter AS (
  INSERT INTO letter (id, application_id, kind, status, data, created_at)
  SELECT l.letter_id, s.application_id, l.letter_kind, 'queued',
         s.data || jsonb_build_object('decidedAt', $9::timestamptz, 'decision', l.letter_decision), $9::timestamptz
    FROM line l
    JOIN awarded w ON w.id = l.application_id
    JOIN letter_subject s ON s.application_id = l.application_id
  RETURNING id
), letter_outbox AS (
  INSERT INTO outbox_message (topic, payload, created_at)
  SELECT $11, jsonb_build_object('letterId', id), $9::timestamptz FROM letter
  RETURNING id
), adopted AS (
  UPDATE resolution SET status = 'adopted', resolution_number = $6, resolution_date = $7::date,
                        adopted_at = $9::timestamptz, adopted_by = $10::uuid, version = version + 1
   WHERE id = $12::uuid AND status = 'draft' AND EXISTS (SELECT 1 FROM fits)
  RETURNING id
)
SELECT EXISTS (SELECT 1 FROM fits) AND (SELECT count(*) FROM adopted) = 1 AS written,
       (SELECT count(*) FROM decided) AS decisions, (SELECT count(*) FROM ledger_entries) AS entries,
       (SELECT count(*) FROM letter_outbox) AS letters;

-- AdoptionRepository.appendAudit (prepared statement adoption_audit)
SELECT audit_append_many($1::jsonb)::text AS last_seq;
