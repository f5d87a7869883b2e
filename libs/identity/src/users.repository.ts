import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@app/core';
import type { UserView } from './identity.views';

/** A user with the organisations they are affiliated with (staff; for an applicant, none). */
export interface DirectoryUserView extends UserView {
  affiliations: string[];
}

/** The user directory's reads. */
@Injectable()
export class UsersRepository {
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
