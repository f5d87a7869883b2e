import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CommissionMinutes, CommissionMinutesMember } from '@app/letters';
import type { MinutesConflict } from './domain/commission-minutes';

export interface MinutesHeader {
  call: CommissionMinutes['call'];
  partNames: Map<string, string>;
}

/**
 * What the commission's minutes add to the ranking's inputs (EvaluationRepository.rankingInputs):
 * the call's and programme's names, the members, the conflicts, the applicants' IČO.
 */
@Injectable()
export class CommissionMinutesRepository {
  async header(manager: EntityManager, callId: string): Promise<MinutesHeader | null> {
    const rows: { title: string; programme_code: string; programme_name: string; year: number; parts: { code: string; name: string }[] }[] = await manager.query(
      `SELECT c.title, p.code AS programme_code, p.name AS programme_name, p.year,
              (SELECT json_agg(json_build_object('code', cp.code, 'name', cp.name) ORDER BY cp.code) FROM call_part cp WHERE cp.call_id = c.id) AS parts
         FROM call c JOIN programme p ON p.id = c.programme_id
        WHERE c.id = $1`,
      [callId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      call: { id: callId, title: r.title, programmeCode: r.programme_code, programmeName: r.programme_name, year: r.year },
      partNames: new Map((r.parts ?? []).map((p) => [p.code, p.name])),
    };
  }

  async members(manager: EntityManager, callId: string): Promise<CommissionMinutesMember[]> {
    const rows: { user_id: string; full_name: string; is_chair: boolean }[] = await manager.query(
      `SELECT m.user_id, u.full_name, m.is_chair FROM commission_member m JOIN user_account u ON u.id = m.user_id WHERE m.call_id = $1`,
      [callId],
    );
    return rows.map((r) => ({ userId: r.user_id, name: r.full_name, chair: r.is_chair }));
  }

  /**
   * The members' conflicts with the call's applications: declared ones (a declaration with a conflict;
   * `automatic` when the member was affiliated with the applicant as they declared) and every current
   * affiliation of a member with an applicant (the ranking leaves their sheets out).
   */
  async conflicts(manager: EntityManager, callId: string): Promise<MinutesConflict[]> {
    const rows: { application_id: string; member_id: string; automatic: boolean; reason: string | null }[] = await manager.query(
      `SELECT d.application_id, d.member_id, d.automatic, d.reason
         FROM conflict_declaration d
         JOIN application a ON a.id = d.application_id
        WHERE a.call_id = $1 AND d.has_conflict
       UNION ALL
       SELECT a.id, m.user_id, true, NULL
         FROM application a
         JOIN commission_member m ON m.call_id = a.call_id
         JOIN user_affiliation f ON f.user_id = m.user_id AND f.organisation_id = a.organisation_id
        WHERE a.call_id = $1`,
      [callId],
    );
    return rows.map((r) => ({ applicationId: r.application_id, memberId: r.member_id, kind: r.automatic ? 'automatic' : 'declared', reason: r.reason }));
  }

  /** The IČO of each application's applicant. */
  async icos(manager: EntityManager, callId: string): Promise<Map<string, string>> {
    const rows: { id: string; ico: string }[] = await manager.query(
      `SELECT a.id, o.ico FROM application a JOIN organisation o ON o.id = a.organisation_id WHERE a.call_id = $1`,
      [callId],
    );
    return new Map(rows.map((r) => [r.id, r.ico]));
  }
}
