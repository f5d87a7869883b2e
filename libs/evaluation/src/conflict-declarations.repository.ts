import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A member's own conflict-of-interest declaration. */
export interface OwnDeclaration {
  hasConflict: boolean;
  reason: string | null;
  /** Made while the member was affiliated with the applicant organisation. */
  automatic: boolean;
  declaredAt: string;
}

/** A member's declaration on one application as it is saved. */
export interface DeclarationWrite {
  applicationId: string;
  memberId: string;
  hasConflict: boolean;
  reason: string | null;
  automatic: boolean;
  at: Date;
}

/** The commission members' conflict-of-interest declarations (`conflict_declaration`). */
@Injectable()
export class ConflictDeclarationsRepository {
  /** The member's declaration on the application, or null before they made one. */
  async declarationOf(manager: EntityManager, applicationId: string, memberId: string): Promise<OwnDeclaration | null> {
    const [r]: { has_conflict: boolean; reason: string | null; automatic: boolean; declared_at: Date }[] = await manager.query(
      'SELECT has_conflict, reason, automatic, declared_at FROM conflict_declaration WHERE application_id = $1 AND member_id = $2',
      [applicationId, memberId],
    );
    return r ? { hasConflict: r.has_conflict, reason: r.reason, automatic: r.automatic, declaredAt: r.declared_at.toISOString() } : null;
  }

  /** Makes the member's declaration, or replaces the one they made (whether they may is the rules' question); returns when it was declared. */
  async save(manager: EntityManager, declaration: DeclarationWrite): Promise<Date> {
    const rows: { declared_at: Date }[] = await manager.query(
      `INSERT INTO conflict_declaration (application_id, member_id, has_conflict, reason, automatic, declared_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT conflict_declaration_pkey
       DO UPDATE SET has_conflict = EXCLUDED.has_conflict, reason = EXCLUDED.reason,
                     automatic = EXCLUDED.automatic, declared_at = EXCLUDED.declared_at
       RETURNING declared_at`,
      [declaration.applicationId, declaration.memberId, declaration.hasConflict, declaration.reason, declaration.automatic, declaration.at],
    );
    return rows[0].declared_at;
  }
}
