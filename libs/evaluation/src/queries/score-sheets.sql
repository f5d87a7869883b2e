-- Generated from libs/evaluation/src/score-sheets.repository.ts by `npm run sql:snapshots`. Do not edit.

-- ScoreSheetsRepository.sheetsOf
SELECT s.member_id, u.full_name AS member_name, s.points, s.total_points, s.comment, s.status, s.submitted_at, s.updated_at,
       s.reopened_at, s.reopen_reason, m.user_id IS NULL AS member_removed
  FROM score_sheet s
  JOIN user_account u ON u.id = s.member_id
  LEFT JOIN commission_member m ON m.call_id = s.call_id AND m.user_id = s.member_id
  JOIN application a ON a.id = s.application_id
 WHERE s.application_id = $1
   AND ($2::uuid IS NULL OR s.member_id = $2)
   AND ($2::uuid IS NOT NULL OR (s.status = 'submitted'
        AND NOT EXISTS (SELECT 1 FROM user_affiliation f WHERE f.user_id = s.member_id AND f.organisation_id = a.organisation_id)))
 ORDER BY s.submitted_at, s.member_id;

-- ScoreSheetsRepository.statesOf
SELECT s.member_id, u.full_name AS member_name, s.status, s.submitted_at, s.reopened_at, s.reopen_reason
  FROM score_sheet s
  JOIN user_account u ON u.id = s.member_id
  JOIN commission_member m ON m.call_id = s.call_id AND m.user_id = s.member_id
 WHERE s.application_id = $1
 ORDER BY u.full_name, s.member_id;

-- ScoreSheetsRepository.saveDraft
INSERT INTO score_sheet (application_id, member_id, call_id, points, total_points, comment, status, submitted_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, 'draft', NULL, $7)
ON CONFLICT ON CONSTRAINT score_sheet_pkey
DO UPDATE SET points = EXCLUDED.points, total_points = EXCLUDED.total_points, comment = EXCLUDED.comment,
              updated_at = EXCLUDED.updated_at
 WHERE score_sheet.status = 'draft'
RETURNING 1;

-- ScoreSheetsRepository.submit
WITH submitted AS (
  UPDATE score_sheet SET status = 'submitted', submitted_at = $3
   WHERE application_id = $1 AND member_id = $2 AND status = 'draft'
  RETURNING 1
)
SELECT count(*)::int AS n FROM submitted;

-- ScoreSheetsRepository.reopen
WITH reopened AS (
  UPDATE score_sheet SET status = 'draft', submitted_at = NULL, reopened_at = $3, reopen_reason = $4
   WHERE application_id = $1 AND member_id = $2 AND status = 'submitted'
  RETURNING 1
)
SELECT count(*)::int AS n FROM reopened;
