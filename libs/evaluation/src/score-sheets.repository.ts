import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CriterionPoints } from './score-sheet.entity';

export interface SheetView {
  memberId: string;
  memberName: string;
  points: CriterionPoints[];
  totalPoints: number;
  comment: string;
  submittedAt: string;
  updatedAt: string;
}

/** A member's sheet as it is saved: points in the order of the call's criteria, their total already summed. */
export interface ScoreSheetWrite {
  applicationId: string;
  memberId: string;
  callId: string;
  points: CriterionPoints[];
  totalPoints: number;
  comment: string;
  at: Date;
}

/** The commission members' score sheets (`score_sheet`). */
@Injectable()
export class ScoreSheetsRepository {
  /**
   * The application's sheets by the call's current members, leaving out
   * those of members affiliated with the applicant (they do not count). With
   * `memberId` only that member's own sheet, which is theirs to read even
   * when an affiliation has taken it out of the average.
   */
  async sheetsOf(manager: EntityManager, applicationId: string, memberId?: string): Promise<SheetView[]> {
    const rows: {
      member_id: string;
      member_name: string;
      points: CriterionPoints[];
      total_points: number;
      comment: string;
      submitted_at: Date;
      updated_at: Date;
    }[] = await manager.query(
      `SELECT s.member_id, u.full_name AS member_name, s.points, s.total_points, s.comment, s.submitted_at, s.updated_at
         FROM score_sheet s
         JOIN user_account u ON u.id = s.member_id
         JOIN commission_member m ON m.call_id = s.call_id AND m.user_id = s.member_id
         JOIN application a ON a.id = s.application_id
        WHERE s.application_id = $1
          AND ($2::uuid IS NULL OR s.member_id = $2)
          AND ($2::uuid IS NOT NULL OR NOT EXISTS (SELECT 1 FROM user_affiliation f WHERE f.user_id = s.member_id AND f.organisation_id = a.organisation_id))
        ORDER BY s.submitted_at, s.member_id`,
      [applicationId, memberId ?? null],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      memberName: r.member_name,
      points: r.points,
      totalPoints: r.total_points,
      comment: r.comment,
      submittedAt: r.submitted_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    }));
  }

  /**
   * Saves the member's sheet: the first save submits it (`submitted_at` =
   * `updated_at` = `at`); a later one replaces points, total and comment and
   * moves only `updated_at`.
   */
  async save(manager: EntityManager, sheet: ScoreSheetWrite): Promise<void> {
    await manager.query(
      `INSERT INTO score_sheet (application_id, member_id, call_id, points, total_points, comment, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT ON CONSTRAINT score_sheet_pkey
       DO UPDATE SET points = EXCLUDED.points, total_points = EXCLUDED.total_points, comment = EXCLUDED.comment,
                     updated_at = EXCLUDED.updated_at`,
      [sheet.applicationId, sheet.memberId, sheet.callId, JSON.stringify(sheet.points), sheet.totalPoints, sheet.comment, sheet.at],
    );
  }
}
