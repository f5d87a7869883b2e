import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type ApplicationStatus, COMMISSION_VISIBLE_STATUSES } from '@app/applications';
import { toSafeNumber } from '@app/core';
import type { SheetTotal } from './domain/normalisation';
import type { ScoreSheetState } from './domain/score-sheet-state';
import type { RankingMethod } from './domain/ranking';

/** What a commission member's request about one application is judged on. */
export interface MemberContext {
  applicationId: string;
  callId: string;
  status: ApplicationStatus;
  submissionClosesAt: Date;
  evaluationClosedAt: Date | null;
  declaration: { hasConflict: boolean; automatic: boolean } | null;
  /** The member is affiliated with the applicant organisation. */
  affiliated: boolean;
  /** The member has saved a sheet (a draft or submitted). */
  hasOwnSheet: boolean;
  /** Their sheet's state; null before they saved one. */
  ownSheet: ScoreSheetState | null;
  /** The member chairs the call's commission. */
  chair: boolean;
}

/** What the chair's reopening of a member's sheet is judged on. */
export interface ReopenContext {
  callId: string;
  submissionClosesAt: Date;
  evaluationClosedAt: Date | null;
  callerIsChair: boolean;
  /** The caller declared a conflict with the application or is affiliated with its applicant. */
  callerConflicted: boolean;
  /** The member's sheet (null: none, or the member does not sit on the call's commission). */
  sheet: { state: ScoreSheetState; totalPoints: number; memberName: string } | null;
}

export interface CallTerms {
  callId: string;
  status: string;
  rankingMethod: RankingMethod;
  quorum: number;
  minScore: number;
  submissionClosesAt: Date;
  evaluationClosedAt: Date | null;
  criteria: { code: string; maxPoints: number }[];
  parts: { id: string; code: string; allocationCzk: number; proposedCzk: number }[];
}

export interface RankedApplication {
  applicationId: string;
  partCode: string;
  referenceNumber: string;
  submittedAt: Date;
  status: ApplicationStatus;
  title: string;
  organisationName: string;
  requestedCzk: number;
  proposedCzk: number | null;
}

interface ApplicationRow {
  id: string;
  part_code: string;
  reference_number: string;
  submitted_at: Date;
  status: ApplicationStatus;
  title: string;
  organisation_name: string;
  requested_czk: string;
  proposed_czk: string | null;
}

/** The evaluation's reads, each a fixed number of statements however many applications a call has. */
@Injectable()
export class EvaluationRepository {
  /**
   * The application as a member of its call's commission sees it, or null
   * when it is not theirs to see (not a member, not yet eligible): the caller
   * answers 404. With `lock`, the member's seat is locked (their declaration
   * and sheet change one at a time) and the call is share-locked, so that
   * closing the evaluation waits for a sheet being saved.
   */
  async memberContext(manager: EntityManager, applicationId: string, memberId: string, lock = false): Promise<MemberContext | null> {
    const rows: {
      call_id: string;
      status: ApplicationStatus;
      submission_closes_at: Date;
      evaluation_closed_at: Date | null;
      has_conflict: boolean | null;
      automatic: boolean | null;
      affiliated: boolean;
      sheet_status: ScoreSheetState | null;
      is_chair: boolean;
    }[] = await manager.query(
      `SELECT a.call_id, a.status, c.submission_closes_at, c.evaluation_closed_at,
              d.has_conflict, d.automatic,
              EXISTS (SELECT 1 FROM user_affiliation f WHERE f.user_id = $2 AND f.organisation_id = a.organisation_id) AS affiliated,
              (SELECT s.status FROM score_sheet s WHERE s.application_id = a.id AND s.member_id = $2) AS sheet_status,
              m.is_chair
         FROM application a
         JOIN call c ON c.id = a.call_id
         JOIN commission_member m ON m.call_id = a.call_id AND m.user_id = $2
         LEFT JOIN conflict_declaration d ON d.application_id = a.id AND d.member_id = $2
        WHERE a.id = $1 AND a.status = ANY($3)
        ${lock ? 'FOR UPDATE OF m FOR SHARE OF c' : ''}`,
      [applicationId, memberId, COMMISSION_VISIBLE_STATUSES],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      applicationId,
      callId: r.call_id,
      status: r.status,
      submissionClosesAt: r.submission_closes_at,
      evaluationClosedAt: r.evaluation_closed_at,
      declaration: r.has_conflict === null ? null : { hasConflict: r.has_conflict, automatic: r.automatic ?? false },
      affiliated: r.affiliated,
      hasOwnSheet: r.sheet_status !== null,
      ownSheet: r.sheet_status,
      chair: r.is_chair,
    };
  }

  /**
   * The chair's reopening of `memberId`'s sheet, or null when the application
   * is not the caller's to see (not a member of its call, not yet eligible).
   * The call is share-locked, so that closing the evaluation waits for it; the
   * sheet's own change is a conditional statement (ScoreSheetsRepository.reopen).
   */
  async reopenContext(manager: EntityManager, applicationId: string, callerId: string, memberId: string): Promise<ReopenContext | null> {
    const rows: {
      call_id: string;
      submission_closes_at: Date;
      evaluation_closed_at: Date | null;
      is_chair: boolean;
      conflicted: boolean;
      sheet_status: ScoreSheetState | null;
      total_points: number | null;
      member_name: string | null;
    }[] = await manager.query(
      `SELECT a.call_id, c.submission_closes_at, c.evaluation_closed_at, ch.is_chair,
              (EXISTS (SELECT 1 FROM conflict_declaration d WHERE d.application_id = a.id AND d.member_id = $2 AND d.has_conflict)
               OR EXISTS (SELECT 1 FROM user_affiliation f WHERE f.user_id = $2 AND f.organisation_id = a.organisation_id)) AS conflicted,
              s.status AS sheet_status, s.total_points, u.full_name AS member_name
         FROM application a
         JOIN call c ON c.id = a.call_id
         JOIN commission_member ch ON ch.call_id = a.call_id AND ch.user_id = $2
         LEFT JOIN (score_sheet s
                    JOIN commission_member m ON m.call_id = s.call_id AND m.user_id = s.member_id
                    JOIN user_account u ON u.id = s.member_id)
                ON s.application_id = a.id AND s.member_id = $3
        WHERE a.id = $1 AND a.status = ANY($4)
          FOR SHARE OF c`,
      [applicationId, callerId, memberId, COMMISSION_VISIBLE_STATUSES],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      callId: r.call_id,
      submissionClosesAt: r.submission_closes_at,
      evaluationClosedAt: r.evaluation_closed_at,
      callerIsChair: r.is_chair,
      callerConflicted: r.conflicted,
      sheet:
        r.sheet_status === null || r.total_points === null || r.member_name === null
          ? null
          : { state: r.sheet_status, totalPoints: r.total_points, memberName: r.member_name },
    };
  }

  /** The call of a submitted (not draft) application, or null for a draft or no such application. */
  async callOfSubmitted(manager: EntityManager, applicationId: string): Promise<string | null> {
    const rows: { call_id: string }[] = await manager.query(
      `SELECT call_id FROM application WHERE id = $1 AND status NOT IN ('draft')`,
      [applicationId],
    );
    return rows[0]?.call_id ?? null;
  }

  /** The application and its part, both rows locked (every writer of proposals holds the call's lock first). */
  async lockProposalSubject(
    manager: EntityManager,
    applicationId: string,
  ): Promise<{ callPartId: string; status: ApplicationStatus; requestedCzk: number; proposedCzk: number | null; part: { code: string; allocationCzk: number; proposedCzk: number } }> {
    const [r]: {
      call_part_id: string;
      status: ApplicationStatus;
      requested_czk: string;
      proposed_czk: string | null;
      code: string;
      allocation_czk: string;
      part_proposed_czk: string;
    }[] = await manager.query(
      `SELECT a.call_part_id, a.status, a.requested_czk, a.proposed_czk, p.code, p.allocation_czk, p.proposed_czk AS part_proposed_czk
         FROM application a JOIN call_part p ON p.id = a.call_part_id
        WHERE a.id = $1
          FOR UPDATE OF a, p`,
      [applicationId],
    );
    return {
      callPartId: r.call_part_id,
      status: r.status,
      requestedCzk: toSafeNumber(r.requested_czk),
      proposedCzk: r.proposed_czk === null ? null : toSafeNumber(r.proposed_czk),
      part: { code: r.code, allocationCzk: toSafeNumber(r.allocation_czk), proposedCzk: toSafeNumber(r.part_proposed_czk) },
    };
  }

  async isMember(manager: EntityManager, callId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM commission_member WHERE call_id = $1 AND user_id = $2', [callId, userId]);
    return rows.length > 0;
  }

  async criteriaOf(manager: EntityManager, callId: string): Promise<{ code: string; maxPoints: number }[]> {
    const rows: { code: string; max_points: number }[] = await manager.query(
      'SELECT code, max_points FROM call_criterion WHERE call_id = $1 ORDER BY position',
      [callId],
    );
    return rows.map((r) => ({ code: r.code, maxPoints: r.max_points }));
  }

  /**
   * The call's terms; with `lock` the call row is locked (funding proposal and
   * closing are serialised per call). FOR NO KEY UPDATE, not FOR UPDATE: an
   * application's foreign-key check on its call (FOR KEY SHARE, taken when a
   * withdrawal changes the row a second time) must not wait for it, or a
   * withdrawal holding its application's row would deadlock with the
   * proposal waiting for that row.
   */
  async callTerms(manager: EntityManager, callId: string, lock = false): Promise<CallTerms | null> {
    const rows: {
      status: string;
      ranking_method: RankingMethod;
      quorum: number;
      min_score: number;
      submission_closes_at: Date;
      evaluation_closed_at: Date | null;
      criteria: { code: string; maxPoints: number }[];
      parts: { id: string; code: string; allocationCzk: string | number; proposedCzk: string | number }[];
    }[] = await manager.query(
      `SELECT c.status, c.ranking_method, c.quorum, c.min_score, c.submission_closes_at, c.evaluation_closed_at,
              (SELECT json_agg(json_build_object('code', k.code, 'maxPoints', k.max_points) ORDER BY k.position)
                 FROM call_criterion k WHERE k.call_id = c.id) AS criteria,
              (SELECT json_agg(json_build_object('id', p.id, 'code', p.code, 'allocationCzk', p.allocation_czk::text,
                                                 'proposedCzk', p.proposed_czk::text) ORDER BY p.code)
                 FROM call_part p WHERE p.call_id = c.id) AS parts
         FROM call c WHERE c.id = $1 ${lock ? 'FOR NO KEY UPDATE OF c' : ''}`,
      [callId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      callId,
      status: r.status,
      rankingMethod: r.ranking_method,
      quorum: r.quorum,
      minScore: r.min_score,
      submissionClosesAt: r.submission_closes_at,
      evaluationClosedAt: r.evaluation_closed_at,
      criteria: r.criteria ?? [],
      parts: (r.parts ?? []).map((p) => ({
        id: p.id,
        code: p.code,
        allocationCzk: toSafeNumber(p.allocationCzk),
        proposedCzk: toSafeNumber(p.proposedCzk),
      })),
    };
  }

  /**
   * Everything the ranking needs, in one statement: the call's applications
   * from the formal check on (eligible and later, withdrawn ones left out) and
   * the totals of the submitted sheets of the call's current members (drafts
   * count nowhere), except sheets of
   * members affiliated with the applicant (an affiliation recorded after the
   * member scored still takes them out of the average).
   */
  async rankingInputs(manager: EntityManager, callId: string): Promise<{ applications: RankedApplication[]; sheets: SheetTotal[] }> {
    // Two plain statements (applications; the call's sheets by score_sheet_call_id_idx), joined here:
    // cheaper to plan, execute and parse than a per-application aggregate. One after the other:
    // inside a transaction they share one connection.
    const rows: ApplicationRow[] = await manager.query(
      `SELECT a.id, cp.code AS part_code, a.reference_number, a.submitted_at, a.status, a.title, o.name AS organisation_name,
              a.requested_czk, a.proposed_czk
         FROM application a
         JOIN call_part cp ON cp.id = a.call_part_id
         JOIN organisation o ON o.id = a.organisation_id
        WHERE a.call_id = $1 AND a.status = ANY($2)`,
      [callId, COMMISSION_VISIBLE_STATUSES],
    );
    const sheetRows: { application_id: string; member_id: string; total_points: number }[] = await manager.query(
      `SELECT s.application_id, s.member_id, s.total_points
         FROM score_sheet s
         JOIN commission_member m ON m.call_id = s.call_id AND m.user_id = s.member_id
         JOIN application a ON a.id = s.application_id
        WHERE s.call_id = $1 AND s.status = 'submitted' AND a.status = ANY($2)
          AND NOT EXISTS (SELECT 1 FROM user_affiliation f WHERE f.user_id = s.member_id AND f.organisation_id = a.organisation_id)`,
      [callId, COMMISSION_VISIBLE_STATUSES],
    );
    const applications: RankedApplication[] = rows.map((r) => ({
      applicationId: r.id,
      partCode: r.part_code,
      referenceNumber: r.reference_number,
      submittedAt: r.submitted_at,
      status: r.status,
      title: r.title,
      organisationName: r.organisation_name,
      requestedCzk: toSafeNumber(r.requested_czk),
      proposedCzk: r.proposed_czk === null ? null : toSafeNumber(r.proposed_czk),
    }));
    const sheets: SheetTotal[] = sheetRows.map((r) => ({ memberId: r.member_id, applicationId: r.application_id, total: r.total_points }));
    return { applications, sheets };
  }

  /**
   * The applications of the call whose scores the member may see: those they
   * submitted a sheet for without a conflict, or, once the evaluation is closed, all but
   * their conflicts (declared, or through an affiliation).
   */
  async scoresVisibleTo(manager: EntityManager, callId: string, memberId: string, evaluationClosed: boolean): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `SELECT a.id FROM application a
        WHERE a.call_id = $1
          AND ($3 OR EXISTS (SELECT 1 FROM score_sheet s WHERE s.application_id = a.id AND s.member_id = $2 AND s.status = 'submitted'))
          AND NOT EXISTS (SELECT 1 FROM conflict_declaration d WHERE d.application_id = a.id AND d.member_id = $2 AND d.has_conflict)
          AND NOT EXISTS (SELECT 1 FROM user_affiliation f WHERE f.user_id = $2 AND f.organisation_id = a.organisation_id)`,
      [callId, memberId, evaluationClosed],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Of `applicationIds` (any calls), those whose scores and proposal the
   * member may see: the rule of scoresVisibleTo, with each application's own
   * call deciding whether its evaluation is closed.
   */
  async scoresVisibleAmong(manager: EntityManager, memberId: string, applicationIds: readonly string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `SELECT a.id FROM application a
         JOIN call c ON c.id = a.call_id
        WHERE a.id = ANY($2::uuid[])
          AND (c.evaluation_closed_at IS NOT NULL OR EXISTS (SELECT 1 FROM score_sheet s WHERE s.application_id = a.id AND s.member_id = $1 AND s.status = 'submitted'))
          AND NOT EXISTS (SELECT 1 FROM conflict_declaration d WHERE d.application_id = a.id AND d.member_id = $1 AND d.has_conflict)
          AND NOT EXISTS (SELECT 1 FROM user_affiliation f WHERE f.user_id = $1 AND f.organisation_id = a.organisation_id)`,
      [memberId, applicationIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** References of the call's applications still waiting for (or in) the formal check. */
  async pendingFormalChecks(manager: EntityManager, callId: string): Promise<string[]> {
    const rows: { reference_number: string }[] = await manager.query(
      `SELECT reference_number FROM application
        WHERE call_id = $1 AND status IN ('submitted', 'correction_requested') ORDER BY reference_number`,
      [callId],
    );
    return rows.map((r) => r.reference_number);
  }
}
