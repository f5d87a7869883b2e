import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toSafeNumber } from '@app/core';
import type { PartFigures } from './domain/part-totals';
import type { CommissionStatus, DraftCandidate, LineState, ResolutionBody, ResolutionLineView, ResolutionStatus } from './domain/resolution.types';

/** The call a resolution is drafted on, as locked for it. */
export interface ResolutionCall {
  id: string;
  evaluationClosedAt: Date | null;
}

/** A resolution's own row. */
export interface ResolutionRow {
  id: string;
  callId: string;
  body: ResolutionBody;
  status: ResolutionStatus;
  version: number;
  resolutionNumber: string | null;
  resolutionDate: string | null;
  createdAt: Date;
  adoptedAt: Date | null;
  closedAt: Date | null;
  closeReason: string | null;
}

/** A line as stored with what the view shows of its application; `resolutionId` says whose. */
export interface StoredLine extends ResolutionLineView {
  resolutionId: string;
  position: number;
}

/** A candidate of a new draft before the ranking is joined to it. */
export type UnrankedCandidate = Omit<DraftCandidate, 'rank' | 'averageScore'>;

/** A line of a new draft, as inserted. */
export interface NewLine extends LineState {
  applicationId: string;
  position: number;
  commissionStatus: CommissionStatus;
  proposedCzk: number | null;
  rank: number | null;
  averageScore: number | null;
}

/** What the annex prints of the call. */
export interface AnnexCall {
  id: string;
  title: string;
  programmeCode: string;
  programmeName: string;
  year: number;
  evaluationClosedAt: Date | null;
}

interface ResolutionDbRow {
  id: string;
  call_id: string;
  body: ResolutionBody;
  status: ResolutionStatus;
  version: number;
  resolution_number: string | null;
  resolution_date: string | null;
  created_at: Date;
  adopted_at: Date | null;
  closed_at: Date | null;
  close_reason: string | null;
}

const RESOLUTION_COLUMNS = `r.id, r.call_id, r.body, r.status, r.version, r.resolution_number, r.resolution_date::text AS resolution_date,
       r.created_at, r.adopted_at, r.closed_at, r.close_reason`;

/**
 * The resolutions' statements. Writers run in the caller's transaction and
 * lock what they change: the call while a draft is built (an application gets
 * one live line: the partial unique index is the second line), the resolution
 * while it is edited or closed.
 */
@Injectable()
export class ResolutionsRepository {
  /** Locks the call as the evaluation's writers do (proposals, the close), so a draft never interleaves with them or with another draft. */
  async lockCall(manager: EntityManager, callId: string): Promise<ResolutionCall | null> {
    const [row]: { id: string; evaluation_closed_at: Date | null }[] = await manager.query(
      `SELECT c.id, c.evaluation_closed_at FROM call c WHERE c.id = $1 AND c.status = 'announced' FOR NO KEY UPDATE OF c`,
      [callId],
    );
    return row ? { id: row.id, evaluationClosedAt: row.evaluation_closed_at } : null;
  }

  async callExists(manager: EntityManager, callId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM call WHERE id = $1 AND status = 'announced'`, [callId]);
    return rows.length > 0;
  }

  /**
   * The call's applications a new draft takes: recommended, not recommended
   * or ineligible, with no decision and in no live line; an ineligible one
   * with the reasons of its last formal check.
   */
  async candidates(manager: EntityManager, callId: string): Promise<UnrankedCandidate[]> {
    const rows: {
      id: string;
      call_part_id: string;
      part_code: string;
      ico: string;
      reference_number: string;
      status: CommissionStatus;
      requested_czk: string;
      proposed_czk: string | null;
      ineligible_reasons: string[] | null;
    }[] = await manager.query(
      `SELECT a.id, a.call_part_id, cp.code AS part_code, o.ico, a.reference_number, a.status, a.requested_czk, a.proposed_czk,
              CASE WHEN a.status = 'ineligible' THEN
                (SELECT f.reasons FROM formal_check f WHERE f.application_id = a.id AND f.result = 'ineligible' ORDER BY f.checked_at DESC, f.id DESC LIMIT 1)
              END AS ineligible_reasons
         FROM application a
         JOIN call_part cp ON cp.id = a.call_part_id
         JOIN organisation o ON o.id = a.organisation_id
        WHERE a.call_id = $1 AND a.status IN ('recommended', 'not_recommended', 'ineligible')
          AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.application_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM resolution_line l WHERE l.application_id = a.id AND l.live)`,
      [callId],
    );
    return rows.map((r) => ({
      applicationId: r.id,
      partId: r.call_part_id,
      partCode: r.part_code,
      ico: r.ico,
      referenceNumber: r.reference_number,
      commissionStatus: r.status,
      requestedCzk: toSafeNumber(r.requested_czk),
      proposedCzk: r.proposed_czk === null ? null : toSafeNumber(r.proposed_czk),
      ineligibleReasons: r.ineligible_reasons ?? [],
    }));
  }

  /** The IČOs' approval decisions in the year (the Council's limit counts them), by IČO. */
  async yearTotals(manager: EntityManager, icos: readonly string[], year: number): Promise<Map<string, number>> {
    const rows: { ico: string; total_czk: string }[] = await manager.query(
      `SELECT d.recipient_ico AS ico, sum(d.amount_czk) AS total_czk
         FROM decision d
        WHERE d.recipient_ico = ANY($1::text[]) AND d.resolution_year = $2 AND d.outcome = 'approved'
        GROUP BY d.recipient_ico`,
      [icos, year],
    );
    return new Map(rows.map((r) => [r.ico, toSafeNumber(r.total_czk)]));
  }

  /** The approved lines of the IČOs in the call's drafts (not yet decisions), by IČO: awards on their way. */
  async draftedTotals(manager: EntityManager, callId: string, icos: readonly string[]): Promise<Map<string, number>> {
    const rows: { ico: string; total_czk: string }[] = await manager.query(
      `SELECT o.ico, sum(l.amount_czk) AS total_czk
         FROM resolution r
         JOIN resolution_line l ON l.resolution_id = r.id
         JOIN application a ON a.id = l.application_id
         JOIN organisation o ON o.id = a.organisation_id
        WHERE r.call_id = $1 AND r.status = 'draft' AND l.outcome = 'approved' AND o.ico = ANY($2::text[])
        GROUP BY o.ico`,
      [callId, icos],
    );
    return new Map(rows.map((r) => [r.ico, toSafeNumber(r.total_czk)]));
  }

  async insertResolution(manager: EntityManager, r: { id: string; callId: string; body: ResolutionBody; createdAt: Date; createdBy: string }): Promise<void> {
    await manager.query(`INSERT INTO resolution (id, call_id, body, status, version, created_at, created_by) VALUES ($1, $2, $3, 'draft', 1, $4, $5)`, [
      r.id,
      r.callId,
      r.body,
      r.createdAt,
      r.createdBy,
    ]);
  }

  /** The lines of a resolution, in one statement. */
  async insertLines(manager: EntityManager, resolutionId: string, lines: readonly NewLine[]): Promise<void> {
    if (!lines.length) return;
    await manager.query(
      `INSERT INTO resolution_line (resolution_id, application_id, position, live, commission_status, proposed_czk, outcome, amount_czk, reason,
                                    deviation_reason, rank, average_score)
       SELECT $1, l.application_id, l.position, true, l.commission_status, l.proposed_czk, l.outcome, l.amount_czk, l.reason, l.deviation_reason,
              l.rank, l.average_score
         FROM unnest($2::uuid[], $3::int[], $4::text[], $5::bigint[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::int[], $11::numeric[])
              AS l(application_id, position, commission_status, proposed_czk, outcome, amount_czk, reason, deviation_reason, rank, average_score)`,
      [
        resolutionId,
        lines.map((l) => l.applicationId),
        lines.map((l) => l.position),
        lines.map((l) => l.commissionStatus),
        lines.map((l) => l.proposedCzk),
        lines.map((l) => l.outcome),
        lines.map((l) => l.amountCzk),
        lines.map((l) => l.reason),
        lines.map((l) => l.deviationReason),
        lines.map((l) => l.rank),
        lines.map((l) => l.averageScore),
      ],
    );
  }

  /** A resolution, locked for a change when `lock`. */
  async resolution(manager: EntityManager, id: string, lock = false): Promise<ResolutionRow | null> {
    const [row]: ResolutionDbRow[] = await manager.query(`SELECT ${RESOLUTION_COLUMNS} FROM resolution r WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`, [id]);
    return row ? toResolution(row) : null;
  }

  /** Whether the user is affiliated with the organisation that made the application (the staff's conflict of interest). */
  async affiliatedWithApplicant(manager: EntityManager, userId: string, applicationId: string): Promise<boolean> {
    const [row]: { affiliated: boolean }[] = await manager.query(
      `SELECT EXISTS (
         SELECT 1 FROM user_affiliation f JOIN application a ON a.organisation_id = f.organisation_id
          WHERE f.user_id = $1 AND a.id = $2
       ) AS affiliated`,
      [userId, applicationId],
    );
    return row.affiliated;
  }

  /** The call's resolutions, newest first. */
  async resolutionsOfCall(manager: EntityManager, callId: string): Promise<ResolutionRow[]> {
    const rows: ResolutionDbRow[] = await manager.query(`SELECT ${RESOLUTION_COLUMNS} FROM resolution r WHERE r.call_id = $1 ORDER BY r.created_at DESC, r.id`, [
      callId,
    ]);
    return rows.map(toResolution);
  }

  /** The call's Assembly draft (the newest, should there be more), locked: a line that needs the Assembly moves to it. */
  async lockAssemblyDraft(manager: EntityManager, callId: string): Promise<ResolutionRow | null> {
    const [row]: ResolutionDbRow[] = await manager.query(
      `SELECT ${RESOLUTION_COLUMNS} FROM resolution r
        WHERE r.call_id = $1 AND r.body = 'assembly' AND r.status = 'draft'
        ORDER BY r.created_at DESC, r.id LIMIT 1
          FOR UPDATE OF r`,
      [callId],
    );
    return row ? toResolution(row) : null;
  }

  /** The parts of the call with what is left of each allocation now, by code. */
  async parts(manager: EntityManager, callId: string): Promise<PartFigures[]> {
    const rows: { id: string; code: string; name: string; allocation_czk: string; available_czk: string }[] = await manager.query(
      `SELECT cp.id, cp.code, cp.name, cp.allocation_czk, cp.allocation_czk - cp.committed_czk AS available_czk
         FROM call_part cp WHERE cp.call_id = $1 ORDER BY cp.code`,
      [callId],
    );
    return rows.map((r) => ({
      partId: r.id,
      code: r.code,
      name: r.name,
      allocationCzk: toSafeNumber(r.allocation_czk),
      availableCzk: toSafeNumber(r.available_czk),
    }));
  }

  /**
   * The lines of the resolutions, each with its application, its applicant and
   * its part, in each resolution's annex order; an adopted resolution's line
   * with the letter of its decision. `only`: the line of one application, or the lines of one IČO.
   */
  async lines(manager: EntityManager, resolutionIds: readonly string[], only: { applicationId?: string; ico?: string } = {}): Promise<StoredLine[]> {
    if (!resolutionIds.length) return [];
    const rows: {
      resolution_id: string;
      application_id: string;
      position: number;
      reference_number: string;
      title: string;
      applicant_name: string;
      ico: string;
      part_id: string;
      part_code: string;
      rank: number | null;
      average_score: string | null;
      commission_status: CommissionStatus;
      requested_czk: string;
      proposed_czk: string | null;
      outcome: LineState['outcome'];
      amount_czk: string | null;
      reason: string | null;
      deviation_reason: string | null;
      letter_id: string | null;
    }[] = await manager.query(
      `SELECT l.resolution_id, l.application_id, l.position, a.reference_number, a.title, o.name AS applicant_name, o.ico, a.call_part_id AS part_id,
              cp.code AS part_code, l.rank, l.average_score, l.commission_status, a.requested_czk, l.proposed_czk, l.outcome, l.amount_czk, l.reason,
              l.deviation_reason,
              CASE WHEN r.status = 'adopted' AND l.outcome <> 'ineligible' THEN
                (SELECT lt.id FROM letter lt WHERE lt.application_id = l.application_id AND lt.kind IN ('approval', 'rejection')
                  ORDER BY lt.created_at DESC LIMIT 1)
              END AS letter_id
         FROM resolution_line l
         JOIN resolution r ON r.id = l.resolution_id
         JOIN application a ON a.id = l.application_id
         JOIN organisation o ON o.id = a.organisation_id
         JOIN call_part cp ON cp.id = a.call_part_id
        WHERE l.resolution_id = ANY($1::uuid[])
          AND ($2::uuid IS NULL OR l.application_id = $2::uuid) AND ($3::text IS NULL OR o.ico = $3::text)
        ORDER BY l.resolution_id, l.position`,
      [resolutionIds, only.applicationId ?? null, only.ico ?? null],
    );
    return rows.map((r) => ({
      resolutionId: r.resolution_id,
      applicationId: r.application_id,
      position: r.position,
      referenceNumber: r.reference_number,
      title: r.title,
      applicantName: r.applicant_name,
      ico: r.ico,
      partId: r.part_id,
      partCode: r.part_code,
      rank: r.rank,
      averageScore: r.average_score === null ? null : Number(r.average_score),
      commissionStatus: r.commission_status,
      requestedCzk: toSafeNumber(r.requested_czk),
      proposedCzk: r.proposed_czk === null ? null : toSafeNumber(r.proposed_czk),
      outcome: r.outcome,
      amountCzk: r.amount_czk === null ? null : toSafeNumber(r.amount_czk),
      reason: r.reason,
      deviationReason: r.deviation_reason,
      letterId: r.letter_id,
    }));
  }

  /** The live lines of the call's drafts of one IČO (the Council's limit counts them together). */
  async draftLinesOfIco(manager: EntityManager, callId: string, ico: string): Promise<(StoredLine & { body: ResolutionBody })[]> {
    const rows: { resolution_id: string; body: ResolutionBody }[] = await manager.query(
      `SELECT DISTINCT r.id AS resolution_id, r.body
         FROM resolution r
         JOIN resolution_line l ON l.resolution_id = r.id
         JOIN application a ON a.id = l.application_id
         JOIN organisation o ON o.id = a.organisation_id
        WHERE r.call_id = $1 AND r.status = 'draft' AND o.ico = $2`,
      [callId, ico],
    );
    const bodies = new Map(rows.map((r) => [r.resolution_id, r.body]));
    const lines = await this.lines(manager, [...bodies.keys()], { ico });
    return lines.map((l) => ({ ...l, body: bodies.get(l.resolutionId)! }));
  }

  /** The approved amounts of a part in the call's drafts. */
  async draftedInPart(manager: EntityManager, callId: string, partId: string): Promise<number> {
    const [row]: { total_czk: string }[] = await manager.query(
      `SELECT COALESCE(sum(l.amount_czk), 0) AS total_czk
         FROM resolution r
         JOIN resolution_line l ON l.resolution_id = r.id
         JOIN application a ON a.id = l.application_id
        WHERE r.call_id = $1 AND r.status = 'draft' AND l.outcome = 'approved' AND a.call_part_id = $2`,
      [callId, partId],
    );
    return toSafeNumber(row.total_czk);
  }

  async updateLine(manager: EntityManager, resolutionId: string, applicationId: string, line: LineState): Promise<void> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE resolution_line SET outcome = $3, amount_czk = $4, reason = $5, deviation_reason = $6
        WHERE resolution_id = $1 AND application_id = $2`,
      [resolutionId, applicationId, line.outcome, line.amountCzk, line.reason, line.deviationReason],
    );
    if (affected !== 1) throw new Error(`No line of application ${applicationId} in resolution ${resolutionId}`);
  }

  /**
   * Moves lines to another draft and renumbers that draft's lines in annex
   * order (`order`: every application of the target draft after the move).
   * The moved lines are parked far below any position, the target's own lines
   * turned negative, then all numbered: the unique position index is checked row by row.
   */
  async moveLines(manager: EntityManager, from: string, to: string, applicationIds: readonly string[], order: readonly string[]): Promise<void> {
    await manager.query(
      `UPDATE resolution_line SET resolution_id = $2, position = -1000000000 - k.n
         FROM unnest($3::uuid[]) WITH ORDINALITY AS k(application_id, n)
        WHERE resolution_line.resolution_id = $1 AND resolution_line.application_id = k.application_id`,
      [from, to, applicationIds],
    );
    await manager.query(`UPDATE resolution_line SET position = -position WHERE resolution_id = $1 AND position > 0`, [to]);
    await manager.query(
      `UPDATE resolution_line SET position = k.n
         FROM unnest($2::uuid[]) WITH ORDINALITY AS k(application_id, n)
        WHERE resolution_line.resolution_id = $1 AND resolution_line.application_id = k.application_id`,
      [to, order],
    );
  }

  async bumpVersion(manager: EntityManager, id: string): Promise<number> {
    const [row]: { version: number }[] = await manager.query(`UPDATE resolution SET version = version + 1 WHERE id = $1 RETURNING version`, [id]);
    return row.version;
  }

  /** A draft rejected by the body or withdrawn: closed, its lines no longer live (the applications are free for a new draft). */
  async close(manager: EntityManager, id: string, close: { status: 'rejected' | 'withdrawn'; at: Date; by: string; reason: string }): Promise<void> {
    await manager.query(
      `UPDATE resolution SET status = $2, closed_at = $3, closed_by = $4, close_reason = $5, version = version + 1 WHERE id = $1 AND status = 'draft'`,
      [id, close.status, close.at, close.by, close.reason],
    );
    await manager.query('UPDATE resolution_line SET live = false WHERE resolution_id = $1', [id]);
  }

  async annexCall(manager: EntityManager, callId: string): Promise<AnnexCall> {
    const [row]: { id: string; title: string; programme_code: string; programme_name: string; year: number; evaluation_closed_at: Date | null }[] =
      await manager.query(
        `SELECT c.id, c.title, p.code AS programme_code, p.name AS programme_name, p.year, c.evaluation_closed_at
           FROM call c JOIN programme p ON p.id = c.programme_id WHERE c.id = $1`,
        [callId],
      );
    return {
      id: row.id,
      title: row.title,
      programmeCode: row.programme_code,
      programmeName: row.programme_name,
      year: row.year,
      evaluationClosedAt: row.evaluation_closed_at,
    };
  }
}

function toResolution(r: ResolutionDbRow): ResolutionRow {
  return {
    id: r.id,
    callId: r.call_id,
    body: r.body,
    status: r.status,
    version: r.version,
    resolutionNumber: r.resolution_number,
    resolutionDate: r.resolution_date,
    createdAt: r.created_at,
    adoptedAt: r.adopted_at,
    closedAt: r.closed_at,
    closeReason: r.close_reason,
  };
}
