-- Generated from libs/identity/src/users.repository.ts by `npm run sql:snapshots`. Do not edit.

-- UsersRepository.lockAdminBootstrap
SELECT pg_advisory_xact_lock(7301128);

-- UsersRepository.page
SELECT u.id, u.email, u.full_name, u.role, u.organisation_id,
       ARRAY(SELECT f.organisation_id FROM user_affiliation f WHERE f.user_id = u.id ORDER BY f.organisation_id)::text[] AS affiliations
  FROM user_account u
 WHERE $1::text IS NULL OR u.role = $1
 ORDER BY u.full_name, u.email
 LIMIT $2 OFFSET $3;

-- UsersRepository.page
SELECT count(*) AS n FROM user_account u WHERE $1::text IS NULL OR u.role = $1;
