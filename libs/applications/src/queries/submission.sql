-- Generated from libs/applications/src/submission.repository.ts by `npm run sql:snapshots`. Do not edit.

-- SubmissionRepository.lockSubject (prepared statement submission_lock_subject)
SELECT a.status, a.reference_number, a.submitted_at, a.correction_due_on::text AS correction_due_on, a.call_id, a.organisation_id,
       a.requested_czk, a.total_cost_czk, a.other_funding_czk, a.primary_measure_code, a.measure_codes,
       a.start_date::text AS start_date, a.end_date::text AS end_date,
       o.kind AS organisation_kind,
       c.submission_opens_at, c.submission_closes_at, c.eligible_applicant_kinds, c.eligible_measure_codes,
       c.max_applications_per_organisation, c.max_request_share_of_costs_pct, c.sequence_in_programme,
       p.code AS programme_code, p.year AS programme_year,
       cp.code AS part_code, cp.min_request_czk, cp.max_request_czk
  FROM application a
  JOIN organisation o ON o.id = a.organisation_id
  JOIN call c ON c.id = a.call_id
  JOIN programme p ON p.id = c.programme_id
  JOIN call_part cp ON cp.id = a.call_part_id
 WHERE a.id = $1 AND a.organisation_id = $2
   FOR UPDATE OF a, o;

-- SubmissionRepository.linesAndOtherActive (prepared statement submission_lines_and_others)
SELECT COALESCE((SELECT json_agg(json_build_object('category', l.category, 'description', l.description,
                                                   'totalCzk', l.total_czk, 'requestedCzk', l.requested_czk)
                                 ORDER BY l.position)
                   FROM application_budget_line l WHERE l.application_id = $1), '[]'::json) AS lines,
       (SELECT COUNT(*) FROM application x
         WHERE x.organisation_id = $2 AND x.call_id = $3 AND x.id <> $1 AND x.status <> ALL($4)) AS others;
