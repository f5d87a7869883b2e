import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@app/core';
import type { UserView } from './identity.views';
import { UserEntity } from './user.entity';

/** A user with the organisations they are affiliated with (staff; for an applicant, none). */
export interface DirectoryUserView extends UserView {
  affiliations: string[];
}

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
    const rows: { id: string; email: string; full_name: string; role: Role; organisation_id: string | null; affiliations: string[] }[] = await manager.query(
      `SELECT u.id, u.email, u.full_name, u.role, u.organisation_id,
              ARRAY(SELECT f.organisation_id FROM user_affiliation f WHERE f.user_id = u.id ORDER BY f.organisation_id)::text[] AS affiliations
         FROM user_account u
        WHERE $1::text IS NULL OR u.role = $1
        ORDER BY u.full_name, u.email
        LIMIT $2 OFFSET $3`,
      [role ?? null, pageSize, (page - 1) * pageSize],
    );
    const [{ n }]: { n: string }[] = await manager.query('SELECT count(*) AS n FROM user_account u WHERE $1::text IS NULL OR u.role = $1', [role ?? null]);
    return {
      items: rows.map((r) => ({ id: r.id, email: r.email, fullName: r.full_name, role: r.role, organisationId: r.organisation_id, affiliations: r.affiliations })),
      total: Number(n),
    };
  }
}
