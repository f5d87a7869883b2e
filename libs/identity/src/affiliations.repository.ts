import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The `user_affiliation` table: the organisations a staff user works for or sits on the board of. */
@Injectable()
export class AffiliationsRepository {
  /** The user's organisations, in id order. */
  async organisationIdsOf(manager: EntityManager, userId: string): Promise<string[]> {
    const rows: { organisation_id: string }[] = await manager.query(
      'SELECT organisation_id FROM user_affiliation WHERE user_id = $1 ORDER BY organisation_id',
      [userId],
    );
    return rows.map((r) => r.organisation_id);
  }

  /** Whether the user works for or sits on the board of the organisation (a conflict of interest with its applications). */
  async isAffiliated(manager: EntityManager, userId: string, organisationId: string): Promise<boolean> {
    const [row]: { affiliated: boolean }[] = await manager.query(
      'SELECT EXISTS (SELECT 1 FROM user_affiliation WHERE user_id = $1 AND organisation_id = $2) AS affiliated',
      [userId, organisationId],
    );
    return row.affiliated;
  }

  async deleteAllOf(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('DELETE FROM user_affiliation WHERE user_id = $1', [userId]);
  }

  /** `organisationIds` without duplicates (the primary key refuses a pair twice). */
  async insert(manager: EntityManager, userId: string, organisationIds: readonly string[]): Promise<void> {
    await manager.query('INSERT INTO user_affiliation (user_id, organisation_id) SELECT $1, unnest($2::uuid[])', [userId, organisationIds]);
  }
}
