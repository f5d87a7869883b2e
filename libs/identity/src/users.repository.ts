import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@app/core';
import type { UserView } from './identity.views';
import { UserEntity } from './user.entity';

/** A user with the organisations they are affiliated with (staff; for an applicant, none), and whether an admin has disabled them. */
export interface DirectoryUserView extends UserView {
  affiliations: string[];
  disabled: boolean;
}

interface DirectoryRow {
  id: string;
  email: string;
  full_name: string;
  role: Role;
  organisation_id: string | null;
  affiliations: string[];
  disabled: boolean;
}

const toDirectoryUser = (r: DirectoryRow): DirectoryUserView => ({
  id: r.id,
  email: r.email,
  fullName: r.full_name,
  role: r.role,
  organisationId: r.organisation_id,
  affiliations: r.affiliations,
  disabled: r.disabled,
});

/** A user account as it is written (the database gives its id and creation time). */
export interface NewUserAccount {
  /** Already normalised (trimmed, lower-cased). */
  email: string;
  passwordHash: string;
  fullName: string;
  role: Role;
  organisationId: string | null;
}

/** The `user_account` table's reads and writes, and the user directory. */
@Injectable()
export class UsersRepository {
  findById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { id });
  }

  /** `email` as stored: trimmed and lower-cased. */
  findByEmail(manager: EntityManager, email: string): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { email });
  }

  /** The user, row-locked to the end of the caller's transaction. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  countByRole(manager: EntityManager, role: Role): Promise<number> {
    return manager.countBy(UserEntity, { role });
  }

  /** A unique violation `user_account_email_key` when the email has an account already. */
  insert(manager: EntityManager, user: NewUserAccount): Promise<UserEntity> {
    return manager.save(manager.create(UserEntity, user));
  }

  /**
   * Serialises the first admin's creation: held to the end of the caller's
   * transaction, so a second instance booting at the same time waits, then
   * finds the admin.
   */
  async lockAdminBootstrap(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(7301128)');
  }

  /** By name, then email; one statement for the page, one for the total. */
  async page(manager: EntityManager, role: Role | undefined, page: number, pageSize: number): Promise<{ items: DirectoryUserView[]; total: number }> {
    const rows: DirectoryRow[] = await manager.query(
      `SELECT u.id, u.email, u.full_name, u.role, u.organisation_id,
              ARRAY(SELECT f.organisation_id FROM user_affiliation f WHERE f.user_id = u.id ORDER BY f.organisation_id)::text[] AS affiliations,
              u.disabled_at IS NOT NULL AS disabled
         FROM user_account u
        WHERE $1::text IS NULL OR u.role = $1
        ORDER BY u.full_name, u.email
        LIMIT $2 OFFSET $3`,
      [role ?? null, pageSize, (page - 1) * pageSize],
    );
    const [{ n }]: { n: string }[] = await manager.query('SELECT count(*) AS n FROM user_account u WHERE $1::text IS NULL OR u.role = $1', [role ?? null]);
    return { items: rows.map(toDirectoryUser), total: Number(n) };
  }

  /** One user as the directory shows them (in the caller's transaction, after a change). */
  async directoryEntry(manager: EntityManager, id: string): Promise<DirectoryUserView | null> {
    const rows: DirectoryRow[] = await manager.query(
      `SELECT u.id, u.email, u.full_name, u.role, u.organisation_id,
              ARRAY(SELECT f.organisation_id FROM user_affiliation f WHERE f.user_id = u.id ORDER BY f.organisation_id)::text[] AS affiliations,
              u.disabled_at IS NOT NULL AS disabled
         FROM user_account u
        WHERE u.id = $1`,
      [id],
    );
    return rows.length ? toDirectoryUser(rows[0]) : null;
  }

  /** The user's token version (null: no such user): what every access token is compared with. */
  async tokenVersion(manager: EntityManager, id: string): Promise<number | null> {
    const rows: { token_version: number }[] = await manager.query('SELECT token_version FROM user_account WHERE id = $1', [id]);
    return rows.length ? rows[0].token_version : null;
  }

  /** Disables the user and bumps their token version (cutting their tokens); returns the new version. */
  async disable(manager: EntityManager, id: string, at: Date): Promise<number> {
    return this.bumped(
      await manager.query(
        `UPDATE user_account SET disabled_at = $2, token_version = token_version + 1
          WHERE id = $1
      RETURNING token_version`,
        [id, at],
      ),
    );
  }

  /** The tokens cut by the disable stay cut: enabling bumps nothing. */
  async enable(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE user_account SET disabled_at = NULL WHERE id = $1', [id]);
  }

  /** A staff user's new role; bumps their token version (tokens carry the role); returns the new version. */
  async changeRole(manager: EntityManager, id: string, role: Role): Promise<number> {
    return this.bumped(
      await manager.query(
        `UPDATE user_account SET role = $2, token_version = token_version + 1
          WHERE id = $1
      RETURNING token_version`,
        [id, role],
      ),
    );
  }

  /** A new password hash; bumps the token version (every session ends); returns the new version. */
  async changePasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<number> {
    return this.bumped(
      await manager.query(
        `UPDATE user_account SET password_hash = $2, token_version = token_version + 1
          WHERE id = $1
      RETURNING token_version`,
        [id, passwordHash],
      ),
    );
  }

  /** TypeORM answers an UPDATE … RETURNING as [rows, count]. */
  private bumped(result: [{ token_version: number }[], number]): number {
    const [rows] = result;
    if (rows.length !== 1) throw new Error('The user to update does not exist');
    return rows[0].token_version;
  }
}
