-- Generated from libs/evaluation/src/commission-minutes.repository.ts by `npm run sql:snapshots`. Do not edit.

-- CommissionMinutesRepository.header
SELECT c.title, p.code AS programme_code, p.name AS programme_name, p.year,
       (SELECT json_agg(json_build_object('code', cp.code, 'name', cp.name) ORDER BY cp.code) FROM call_part cp WHERE cp.call_id = c.id) AS parts
  FROM call c JOIN programme p ON p.id = c.programme_id
 WHERE c.id = $1;

-- CommissionMinutesRepository.members
SELECT m.user_id, u.full_name, m.is_chair FROM commission_member m JOIN user_account u ON u.id = m.user_id WHERE m.call_id = $1;

-- CommissionMinutesRepository.conflicts
SELECT d.application_id, d.member_id, d.automatic, d.reason
  FROM conflict_declaration d
  JOIN application a ON a.id = d.application_id
 WHERE a.call_id = $1 AND d.has_conflict
UNION ALL
SELECT a.id, m.user_id, true, NULL
  FROM application a
  JOIN commission_member m ON m.call_id = a.call_id
  JOIN user_affiliation f ON f.user_id = m.user_id AND f.organisation_id = a.organisation_id
 WHERE a.call_id = $1;

-- CommissionMinutesRepository.icos
SELECT a.id, o.ico FROM application a JOIN organisation o ON o.id = a.organisation_id WHERE a.call_id = $1;
