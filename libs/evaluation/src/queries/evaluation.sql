-- Generated from libs/evaluation/src/evaluation.repository.ts by `npm run sql:snapshots`. Do not edit.

-- EvaluationRepository.memberContext
SELECT a.call_id, a.status, c.submission_closes_at, c.evaluation_closed_at,
       d.has_conflict, d.automatic,
       EXISTS (SELECT 1 FROM user_affiliation f WHERE f.user_id = $2 AND f.organisation_id = a.organisation_id) AS affiliated,
       (SELECT s.status FROM score_sheet s WHERE s.application_id = a.id AND s.member_id = $2) AS sheet_status,
       m.is_chair
  FROM application a
  JOIN call c ON c.id = a.call_id
  JOIN commission_member m ON m.call_id = a.call_id AND m.user_id = $2
  LEFT JOIN conflict_declaration d ON d.application_id = a.id AND d.member_id = $2
 WHERE a.id = $1 AND a.status = ANY($3)
 ${lock ? 'FOR UPDATE OF m FOR SHARE OF c' : ''};

-- EvaluationRepository.reopenContext
SELECT a.call_id, c.submission_closes_at, c.evaluation_closed_at, ch.is_chair,
       (EXISTS (SELECT 1 FROM conflict_declaration d WHERE d.application_id = a.id AND d.member_id = $2 AND d.has_conflict)
        OR EXISTS (SELECT 1 FROM user_affiliation f WHERE f.user_id = $2 AND f.organisation_id = a.organisation_id)) AS conflicted,
       s.status AS sheet_status, s.total_points, u.full_name AS member_name
  FROM application a
  JOIN call c ON c.id = a.call_id
  JOIN commission_member ch ON ch.call_id = a.call_id AND ch.user_id = $2
  LEFT JOIN (score_sheet s
             JOIN commission_member m ON m.call_id = s.call_id AND m.user_id = s.member_id
             JOIN user_account u ON u.id = s.member_id)
         ON s.application_id = a.id AND s.member_id = $3
 WHERE a.id = $1 AND a.status = ANY($4)
   FOR SHARE OF c;

-- EvaluationRepository.callOfSubmitted
SELECT call_id FROM application WHERE id = $1 AND status NOT IN ('draft');

-- EvaluationRepository.lockProposalSubject
SELECT a.call_part_id, a.status, a.requested_czk, a.proposed_czk, p.code, p.allocation_czk, p.proposed_czk AS part_proposed_czk
  FROM application a JOIN call_part p ON p.id = a.call_part_id
 WHERE a.id = $1
   FOR UPDATE OF a, p;

-- EvaluationRepository.isMember
SELECT 1 FROM commission_member WHERE call_id = $1 AND user_id = $2;

-- EvaluationRepository.criteriaOf
SELECT code, max_points FROM call_criterion WHERE call_id = $1 ORDER BY position;

-- EvaluationRepository.callTerms
SELECT c.status, c.ranking_method, c.quorum, c.min_score, c.submission_closes_at, c.evaluation_closed_at,
       (SELECT json_agg(json_build_object('code', k.code, 'maxPoints', k.max_points) ORDER BY k.position)
          FROM call_criterion k WHERE k.call_id = c.id) AS criteria,
       (SELECT json_agg(json_build_object('id', p.id, 'code', p.code, 'allocationCzk', p.allocation_czk::text,
                                          'proposedCzk', p.proposed_czk::text) ORDER BY p.code)
          FROM call_part p WHERE p.call_id = c.id) AS parts
  FROM call c WHERE c.id = $1 ${lock ? 'FOR NO KEY UPDATE OF c' : ''};

-- EvaluationRepository.rankingInputs
SELECT a.id, cp.code AS part_code, a.reference_number, a.submitted_at, a.status, a.title, o.name AS organisation_name,
       a.requested_czk, a.proposed_czk
  FROM application a
  JOIN call_part cp ON cp.id = a.call_part_id
  JOIN organisation o ON o.id = a.organisation_id
 WHERE a.call_id = $1 AND a.status = ANY($2);

-- EvaluationRepository.rankingInputs
SELECT s.application_id, s.member_id, s.total_points
  FROM score_sheet s
  JOIN commission_member m ON m.call_id = s.call_id AND m.user_id = s.member_id
  JOIN application a ON a.id = s.application_id
 WHERE s.call_id = $1 AND s.status = 'submitted' AND a.status = ANY($2)
   AND NOT EXISTS (SELECT 1 FROM user_affiliation f WHERE f.user_id = s.member_id AND f.organisation_id = a.organisation_id);

-- EvaluationRepository.scoresVisibleTo
SELECT a.id FROM application a
 WHERE a.call_id = $1
   AND ($3 OR EXISTS (SELECT 1 FROM score_sheet s WHERE s.application_id = a.id AND s.member_id = $2 AND s.status = 'submitted'))
   AND NOT EXISTS (SELECT 1 FROM conflict_declaration d WHERE d.application_id = a.id AND d.member_id = $2 AND d.has_conflict)
   AND NOT EXISTS (SELECT 1 FROM user_affiliation f WHERE f.user_id = $2 AND f.organisation_id = a.organisation_id);

-- EvaluationRepository.scoresVisibleAmong
SELECT a.id FROM application a
  JOIN call c ON c.id = a.call_id
 WHERE a.id = ANY($2::uuid[])
   AND (c.evaluation_closed_at IS NOT NULL OR EXISTS (SELECT 1 FROM score_sheet s WHERE s.application_id = a.id AND s.member_id = $1 AND s.status = 'submitted'))
   AND NOT EXISTS (SELECT 1 FROM conflict_declaration d WHERE d.application_id = a.id AND d.member_id = $1 AND d.has_conflict)
   AND NOT EXISTS (SELECT 1 FROM user_affiliation f WHERE f.user_id = $1 AND f.organisation_id = a.organisation_id);

-- EvaluationRepository.pendingFormalChecks
SELECT reference_number FROM application
 WHERE call_id = $1 AND status IN ('submitted', 'correction_requested') ORDER BY reference_number;
