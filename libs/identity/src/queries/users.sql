-- Generated from libs/identity/src/users.repository.ts by `npm run sql:snapshots`. Do not edit.

-- UsersRepository.lockAdminBootstrap
SELECT pg_advisory_xact_lock(7301128);

-- UsersRepository.page
SELECT u.id, u.email, u.full_name, u.role, u.organisation_id,
       ARRAY(SELECT f.organisation_id FROM user_affiliation f WHERE f.user_id = u.id ORDER BY f.organisation_id)::text[] AS affiliations,
       u.disabled_at IS NOT NULL AS disabled
  FROM user_account u
 WHERE $1::text IS NULL OR u.role = $1
 ORDER BY u.full_name, u.email
 LIMIT $2 OFFSET $3;

-- UsersRepository.page
SELECT count(*) AS n FROM user_account u WHERE $1::text IS NULL OR u.role = $1;

-- UsersRepository.directoryEntry
SELECT u.id, u.email, u.full_name, u.role, u.organisation_id,
       ARRAY(SELECT f.organisation_id FROM user_affiliation f WHERE f.user_id = u.id ORDER BY f.organisation_id)::text[] AS affiliations,
       u.disabled_at IS NOT NULL AS disabled
  FROM user_account u
 WHERE u.id = $1;

-- UsersRepository.tokenVersion
SELECT token_version FROM user_account WHERE id = $1;

-- UsersRepository.disable
UPDATE user_account SET disabled_at = $2, token_version = token_version + 1
    WHERE id = $1
RETURNING token_version;

-- UsersRepository.enable
UPDATE user_account SET disabled_at = NULL WHERE id = $1;

-- UsersRepository.changeRole
UPDATE user_account SET role = $2, token_version = token_version + 1
    WHERE id = $1
RETURNING token_version;

-- UsersRepository.changePasswordHash
UPDATE user_account SET password_hash = $2, token_version = token_version + 1
    WHERE id = $1
RETURNING token_version;
