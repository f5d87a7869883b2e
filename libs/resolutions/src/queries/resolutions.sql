-- Generated from libs/resolutions/src/resolutions.repository.ts by `npm run sql:snapshots`. Do not edit.

-- fragment ${RESOLUTION_COLUMNS}
r.id, r.call_id, r.body, r.status, r.version, r.resolution_number, r.resolution_date::text AS resolution_date,
r.created_at, r.adopted_at, r.closed_at, r.close_reason

-- ResolutionsRepository.lockCall
SELECT c.id, c.evaluation_closed_at FROM call c WHERE c.id = $1 AND c.status = 'announced' FOR NO KEY UPDATE OF c;

-- ResolutionsRepository.callExists
SELECT 1 FROM call WHERE id = $1 AND status = 'announced';

-- ResolutionsRepository.candidates
SELECT a.id, a.call_part_id, cp.code AS part_code, o.ico, a.reference_number, a.status, a.requested_czk, a.proposed_czk,
       CASE WHEN a.status = 'ineligible' THEN
         (SELECT f.reasons FROM formal_check f WHERE f.application_id = a.id AND f.result = 'ineligible' ORDER BY f.checked_at DESC, f.id DESC LIMIT 1)
       END AS ineligible_reasons
  FROM application a
  JOIN call_part cp ON cp.id = a.call_part_id
  JOIN organisation o ON o.id = a.organisation_id
 WHERE a.call_id = $1 AND a.status IN ('recommended', 'not_recommended', 'ineligible')
   AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.application_id = a.id)
   AND NOT EXISTS (SELECT 1 FROM resolution_line l WHERE l.application_id = a.id AND l.live);

-- ResolutionsRepository.yearTotals
SELECT d.recipient_ico AS ico, sum(d.amount_czk) AS total_czk
  FROM decision d
 WHERE d.recipient_ico = ANY($1::text[]) AND d.resolution_year = $2 AND d.outcome = 'approved'
 GROUP BY d.recipient_ico;

-- ResolutionsRepository.draftedTotals
SELECT o.ico, sum(l.amount_czk) AS total_czk
  FROM resolution r
  JOIN resolution_line l ON l.resolution_id = r.id
  JOIN application a ON a.id = l.application_id
  JOIN organisation o ON o.id = a.organisation_id
 WHERE r.call_id = $1 AND r.status = 'draft' AND l.outcome = 'approved' AND o.ico = ANY($2::text[])
 GROUP BY o.ico;

-- ResolutionsRepository.insertResolution
INSERT INTO resolution (id, call_id, body, status, version, created_at, created_by) VALUES ($1, $2, $3, 'draft', 1, $4, $5);

-- ResolutionsRepository.insertLines
INSERT INTO resolution_line (resolution_id, application_id, position, live, commission_status, proposed_czk, outcome, amount_czk, reason,
                             deviation_reason, rank, average_score)
SELECT $1, l.application_id, l.position, true, l.commission_status, l.proposed_czk, l.outcome, l.amount_czk, l.reason, l.deviation_reason,
       l.rank, l.average_score
  FROM unnest($2::uuid[], $3::int[], $4::text[], $5::bigint[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::int[], $11::numeric[])
       AS l(application_id, position, commission_status, proposed_czk, outcome, amount_czk, reason, deviation_reason, rank, average_score);

-- ResolutionsRepository.resolution
SELECT ${RESOLUTION_COLUMNS} FROM resolution r WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''};

-- ResolutionsRepository.affiliatedWithApplicant
SELECT EXISTS (
  SELECT 1 FROM user_affiliation f JOIN application a ON a.organisation_id = f.organisation_id
   WHERE f.user_id = $1 AND a.id = $2
) AS affiliated;

-- ResolutionsRepository.resolutionsOfCall
SELECT ${RESOLUTION_COLUMNS} FROM resolution r WHERE r.call_id = $1 ORDER BY r.created_at DESC, r.id;

-- ResolutionsRepository.lockAssemblyDraft
SELECT ${RESOLUTION_COLUMNS} FROM resolution r
 WHERE r.call_id = $1 AND r.body = 'assembly' AND r.status = 'draft'
 ORDER BY r.created_at DESC, r.id LIMIT 1
   FOR UPDATE OF r;

-- ResolutionsRepository.parts
SELECT cp.id, cp.code, cp.name, cp.allocation_czk, cp.allocation_czk - cp.committed_czk AS available_czk
  FROM call_part cp WHERE cp.call_id = $1 ORDER BY cp.code;

-- ResolutionsRepository.lines
SELECT l.resolution_id, l.application_id, l.position, a.reference_number, a.title, o.name AS applicant_name, o.ico, a.call_part_id AS part_id,
       cp.code AS part_code, l.rank, l.average_score, l.commission_status, a.requested_czk, l.proposed_czk, l.outcome, l.amount_czk, l.reason,
       l.deviation_reason,
       CASE WHEN r.status = 'adopted' AND l.outcome <> 'ineligible' THEN
         (SELECT lt.id FROM letter lt WHERE lt.application_id = l.application_id AND lt.kind IN ('approval', 'rejection')
           ORDER BY lt.created_at DESC LIMIT 1)
       END AS letter_id
  FROM resolution_line l
  JOIN resolution r ON r.id = l.resolution_id
  JOIN application a ON a.id = l.application_id
  JOIN organisation o ON o.id = a.organisation_id
  JOIN call_part cp ON cp.id = a.call_part_id
 WHERE l.resolution_id = ANY($1::uuid[])
   AND ($2::uuid IS NULL OR l.application_id = $2::uuid) AND ($3::text IS NULL OR o.ico = $3::text)
 ORDER BY l.resolution_id, l.position;

-- ResolutionsRepository.draftLinesOfIco
SELECT DISTINCT r.id AS resolution_id, r.body
  FROM resolution r
  JOIN resolution_line l ON l.resolution_id = r.id
  JOIN application a ON a.id = l.application_id
  JOIN organisation o ON o.id = a.organisation_id
 WHERE r.call_id = $1 AND r.status = 'draft' AND o.ico = $2;

-- ResolutionsRepository.draftedInPart
SELECT COALESCE(sum(l.amount_czk), 0) AS total_czk
  FROM resolution r
  JOIN resolution_line l ON l.resolution_id = r.id
  JOIN application a ON a.id = l.application_id
 WHERE r.call_id = $1 AND r.status = 'draft' AND l.outcome = 'approved' AND a.call_part_id = $2;

-- ResolutionsRepository.updateLine
UPDATE resolution_line SET outcome = $3, amount_czk = $4, reason = $5, deviation_reason = $6
 WHERE resolution_id = $1 AND application_id = $2;

-- ResolutionsRepository.moveLines
UPDATE resolution_line SET resolution_id = $2, position = -1000000000 - k.n
  FROM unnest($3::uuid[]) WITH ORDINALITY AS k(application_id, n)
 WHERE resolution_line.resolution_id = $1 AND resolution_line.application_id = k.application_id;

-- ResolutionsRepository.moveLines
UPDATE resolution_line SET position = -position WHERE resolution_id = $1 AND position > 0;

-- ResolutionsRepository.moveLines
UPDATE resolution_line SET position = k.n
  FROM unnest($2::uuid[]) WITH ORDINALITY AS k(application_id, n)
 WHERE resolution_line.resolution_id = $1 AND resolution_line.application_id = k.application_id;

-- ResolutionsRepository.bumpVersion
UPDATE resolution SET version = version + 1 WHERE id = $1 RETURNING version;

-- ResolutionsRepository.close
UPDATE resolution SET status = $2, closed_at = $3, closed_by = $4, close_reason = $5, version = version + 1 WHERE id = $1 AND status = 'draft';

-- ResolutionsRepository.close
UPDATE resolution_line SET live = false WHERE resolution_id = $1;

-- ResolutionsRepository.annexCall
SELECT c.id, c.title, p.code AS programme_code, p.name AS programme_name, p.year, c.evaluation_closed_at
  FROM call c JOIN programme p ON p.id = c.programme_id WHERE c.id = $1;
