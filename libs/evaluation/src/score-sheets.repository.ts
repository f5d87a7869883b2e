import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ScoreSheetState } from './domain/score-sheet-state';
import type { CriterionPoints } from './score-sheet.entity';

export interface SheetView {
  memberId: string;
  memberName: string;
  points: CriterionPoints[];
  totalPoints: number;
  comment: string;
  status: ScoreSheetState;
  /** When its member submitted it; null while a draft. */
  submittedAt: string | null;
  updatedAt: string;
  /** The chair's last reopening, and why; null if never reopened. */
  reopenedAt: string | null;
  reopenReason: string | null;
  /** The member has since been removed from the commission: the sheet stays in the record but not in the average. */
  memberRemoved: boolean;
}

/** Where a member's sheet stands, without its points: what the chair is shown of the others' sheets. */
export interface SheetStateView {
  memberId: string;
  memberName: string;
  status: ScoreSheetState;
  submittedAt: string | null;
  reopenedAt: string | null;
  reopenReason: string | null;
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

interface SheetRow {
  member_id: string;
  member_name: string;
  points: CriterionPoints[];
  total_points: number;
  comment: string;
  status: ScoreSheetState;
  submitted_at: Date | null;
  updated_at: Date;
  reopened_at: Date | null;
  reopen_reason: string | null;
}

/** The commission members' score sheets (`score_sheet`). */
@Injectable()
export class ScoreSheetsRepository {
  /**
   * The application's submitted sheets, leaving out those of members
   * affiliated with the applicant (they do not count). A sheet of a member
   * since removed from the commission stays in the record, flagged
   * `memberRemoved` (it leaves the average). With `memberId` only that
   * member's own sheet, draft or submitted, which is theirs to read even when
   * an affiliation has taken it out of the average.
   */
  async sheetsOf(manager: EntityManager, applicationId: string, memberId?: string): Promise<SheetView[]> {
    const rows: (SheetRow & { member_removed: boolean })[] = await manager.query(
      `SELECT s.member_id, u.full_name AS member_name, s.points, s.total_points, s.comment, s.status, s.submitted_at, s.updated_at,
              s.reopened_at, s.reopen_reason, m.user_id IS NULL AS member_removed
         FROM score_sheet s
         JOIN user_account u ON u.id = s.member_id
         LEFT JOIN commission_member m ON m.call_id = s.call_id AND m.user_id = s.member_id
         JOIN application a ON a.id = s.application_id
        WHERE s.application_id = $1
          AND ($2::uuid IS NULL OR s.member_id = $2)
          AND ($2::uuid IS NOT NULL OR (s.status = 'submitted'
               AND NOT EXISTS (SELECT 1 FROM user_affiliation f WHERE f.user_id = s.member_id AND f.organisation_id = a.organisation_id)))
        ORDER BY s.submitted_at, s.member_id`,
      [applicationId, memberId ?? null],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      memberName: r.member_name,
      points: r.points,
      totalPoints: r.total_points,
      comment: r.comment,
      status: r.status,
      submittedAt: r.submitted_at?.toISOString() ?? null,
      updatedAt: r.updated_at.toISOString(),
      reopenedAt: r.reopened_at?.toISOString() ?? null,
      reopenReason: r.reopen_reason,
      memberRemoved: r.member_removed,
    }));
  }

  /** Where each sheet of the application by the call's current members stands, without points (for the chair), by name. */
  async statesOf(manager: EntityManager, applicationId: string): Promise<SheetStateView[]> {
    const rows: Omit<SheetRow, 'points' | 'total_points' | 'comment' | 'updated_at'>[] = await manager.query(
      `SELECT s.member_id, u.full_name AS member_name, s.status, s.submitted_at, s.reopened_at, s.reopen_reason
         FROM score_sheet s
         JOIN user_account u ON u.id = s.member_id
         JOIN commission_member m ON m.call_id = s.call_id AND m.user_id = s.member_id
        WHERE s.application_id = $1
        ORDER BY u.full_name, s.member_id`,
      [applicationId],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      memberName: r.member_name,
      status: r.status,
      submittedAt: r.submitted_at?.toISOString() ?? null,
      reopenedAt: r.reopened_at?.toISOString() ?? null,
      reopenReason: r.reopen_reason,
    }));
  }

  /**
   * Saves the member's draft: the first save creates it, a later one replaces
   * points, total and comment and moves `updated_at` — only while it is a
   * draft (false: the sheet is submitted and nothing changed).
   */
  async saveDraft(manager: EntityManager, sheet: ScoreSheetWrite): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO score_sheet (application_id, member_id, call_id, points, total_points, comment, status, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'draft', NULL, $7)
       ON CONFLICT ON CONSTRAINT score_sheet_pkey
       DO UPDATE SET points = EXCLUDED.points, total_points = EXCLUDED.total_points, comment = EXCLUDED.comment,
                     updated_at = EXCLUDED.updated_at
        WHERE score_sheet.status = 'draft'
       RETURNING 1`,
      [sheet.applicationId, sheet.memberId, sheet.callId, JSON.stringify(sheet.points), sheet.totalPoints, sheet.comment, sheet.at],
    );
    return rows.length === 1;
  }

  /** The member's draft becomes their submitted sheet (false: there was no draft). */
  async submit(manager: EntityManager, applicationId: string, memberId: string, at: Date): Promise<boolean> {
    // Read through a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, rowCount].
    const [row]: { n: number }[] = await manager.query(
      `WITH submitted AS (
         UPDATE score_sheet SET status = 'submitted', submitted_at = $3
          WHERE application_id = $1 AND member_id = $2 AND status = 'draft'
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM submitted`,
      [applicationId, memberId, at],
    );
    return row.n === 1;
  }

  /** The chair reopens a submitted sheet: a draft of its member again, with when and why (false: it was not submitted). */
  async reopen(manager: EntityManager, applicationId: string, memberId: string, at: Date, reason: string): Promise<boolean> {
    const [row]: { n: number }[] = await manager.query(
      `WITH reopened AS (
         UPDATE score_sheet SET status = 'draft', submitted_at = NULL, reopened_at = $3, reopen_reason = $4
          WHERE application_id = $1 AND member_id = $2 AND status = 'submitted'
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM reopened`,
      [applicationId, memberId, at, reason],
    );
    return row.n === 1;
  }
}
