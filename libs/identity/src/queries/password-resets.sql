-- Generated from libs/identity/src/password-resets.repository.ts by `npm run sql:snapshots`. Do not edit.

-- PasswordResetsRepository.insert
INSERT INTO password_reset_token (user_id, token_hash, issued_by, issued_at, expires_at)
   VALUES ($1, $2, $3, $4, $5)
RETURNING id;

-- PasswordResetsRepository.revokeOutstanding
UPDATE password_reset_token SET revoked_at = $2
 WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL;

-- PasswordResetsRepository.isUsable
SELECT 1
  FROM password_reset_token r
  JOIN user_account u ON u.id = r.user_id
 WHERE r.token_hash = $1
   AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > $2
   AND u.disabled_at IS NULL;

-- PasswordResetsRepository.use
UPDATE password_reset_token r SET used_at = $2
     FROM user_account u
    WHERE r.token_hash = $1
      AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > $2
      AND u.id = r.user_id AND u.disabled_at IS NULL
RETURNING r.id, r.user_id;
