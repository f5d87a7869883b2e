-- Generated from libs/identity/src/affiliations.repository.ts by `npm run sql:snapshots`. Do not edit.

-- AffiliationsRepository.organisationIdsOf
SELECT organisation_id FROM user_affiliation WHERE user_id = $1 ORDER BY organisation_id;

-- AffiliationsRepository.isAffiliated
SELECT EXISTS (SELECT 1 FROM user_affiliation WHERE user_id = $1 AND organisation_id = $2) AS affiliated;

-- AffiliationsRepository.deleteAllOf
DELETE FROM user_affiliation WHERE user_id = $1;

-- AffiliationsRepository.insert
INSERT INTO user_affiliation (user_id, organisation_id) SELECT $1, unnest($2::uuid[]);
