import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The `password_reset_token` table's reads and writes (tokens by their SHA-256 only). */
@Injectable()
export class PasswordResetsRepository {
  async insert(manager: EntityManager, reset: { userId: string; tokenHash: Buffer; issuedBy: string; issuedAt: Date; expiresAt: Date }): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO password_reset_token (user_id, token_hash, issued_by, issued_at, expires_at)
       VALUES ($1, $2, $3, $4, $5)
    RETURNING id`,
      [reset.userId, reset.tokenHash, reset.issuedBy, reset.issuedAt, reset.expiresAt],
    );
    return row.id;
  }

  /** Revokes the user's tokens not yet used nor revoked (a newer reset, a password change, disabling); returns how many. */
  async revokeOutstanding(manager: EntityManager, userId: string, at: Date): Promise<number> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE password_reset_token SET revoked_at = $2
        WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
      [userId, at],
    );
    return count;
  }

  /** Whether `use` would accept the token now (read only: checked before the new password is hashed). */
  async isUsable(manager: EntityManager, tokenHash: Buffer, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1
         FROM password_reset_token r
         JOIN user_account u ON u.id = r.user_id
        WHERE r.token_hash = $1
          AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > $2
          AND u.disabled_at IS NULL`,
      [tokenHash, at],
    );
    return rows.length > 0;
  }

  /**
   * Spends the token in one statement, so it works once even under
   * concurrency: only an unexpired, unused, unrevoked token of an enabled
   * user. Null when there is none such.
   */
  async use(manager: EntityManager, tokenHash: Buffer, at: Date): Promise<{ id: string; userId: string } | null> {
    const [rows]: [{ id: string; user_id: string }[], number] = await manager.query(
      `UPDATE password_reset_token r SET used_at = $2
         FROM user_account u
        WHERE r.token_hash = $1
          AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > $2
          AND u.id = r.user_id AND u.disabled_at IS NULL
    RETURNING r.id, r.user_id`,
      [tokenHash, at],
    );
    return rows.length ? { id: rows[0].id, userId: rows[0].user_id } : null;
  }
}
