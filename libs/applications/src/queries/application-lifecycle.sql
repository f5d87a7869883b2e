-- Generated from libs/applications/src/application-lifecycle.repository.ts by `npm run sql:snapshots`. Do not edit.

-- ApplicationLifecycle.changeStatus (prepared statement lifecycle_change_status)
WITH changed AS (
  UPDATE application SET status = $3, updated_at = now(),
         correction_due_on = CASE WHEN $7::boolean THEN $8::date ELSE correction_due_on END
   WHERE id = $1 AND status = $2
  RETURNING id
), history AS (
  INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by, reason)
  SELECT id, $2, $3, $4, $5, $6 FROM changed
  RETURNING application_id
)
SELECT h.n,
       CASE WHEN h.n = 1 AND $9::uuid IS NOT NULL
            THEN audit_append($9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17::jsonb, $18, $19) END AS audit_seq
  FROM (SELECT count(*)::int AS n FROM history) h;

-- ApplicationLifecycle.changeStatuses
WITH step AS (
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) AS s(id, from_status, to_status)
), changed AS (
  UPDATE application SET status = s.to_status, updated_at = now()
    FROM step s
   WHERE application.id = s.id AND application.status = s.from_status
  RETURNING application.id, s.from_status, s.to_status
), history AS (
  INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by, reason)
  SELECT id, from_status, to_status, $4, $5, $6 FROM changed
  RETURNING application_id
)
SELECT count(*)::int AS n FROM history;

-- ApplicationLifecycle.submitFirst (prepared statement lifecycle_submit_first)
WITH book AS (
  UPDATE call SET last_reference_number = last_reference_number + 1 WHERE id = $2 RETURNING last_reference_number AS n
), submitted AS (
  UPDATE application SET status = 'submitted', submitted_at = $4, updated_at = now(),
         reference_number = $3 || '-' || lpad(book.n::text, greatest(4, length(book.n::text)), '0')
    FROM book WHERE application.id = $1 AND application.status = $5
  RETURNING application.id, application.reference_number, to_json(application.reference_number)::text AS reference_json
), history AS (
  INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by)
  SELECT id, $5, 'submitted', $6, $7 FROM submitted
)
SELECT s.reference_number,
       audit_append($9, $10, $11, $12, $13, $14, $15, $16::jsonb,
                    replace($17, $8, s.reference_json)::jsonb, $18, replace($19, $8, s.reference_json))
  FROM submitted s;

-- ApplicationLifecycle.created
INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by, reason)
VALUES ($1, NULL, 'draft', $2, $3, NULL);
