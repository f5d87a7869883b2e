import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApplicationStatus } from '@app/applications';
import { type PreparedAuditEvent, preparedQuery, toSafeNumber } from '@app/core';
import { LETTER_RENDER_TOPIC } from '@app/letters';
import type { ApprovingBody, LedgerTransaction } from '@app/money';
import type { AdoptionLineOutcome, ResolutionToAdopt } from '../domain/adoption.rules';

/** The resolution's row, locked. */
export interface LockedResolution extends ResolutionToAdopt {
  id: string;
  callId: string;
  version: number;
  /** When the call's evaluation closed (null while open): the resolution cannot be dated earlier (its lines are the call's applications). */
  evaluationClosedAt: Date | null;
}

/** One annex line with its application, organisation and part as they are under the locks. */
export interface LineSubject {
  applicationId: string;
  position: number;
  outcome: AdoptionLineOutcome;
  amountCzk: number | null;
  reason: string | null;
  deviationReason: string | null;
  status: ApplicationStatus;
  requestedCzk: number;
  proposedCzk: number | null;
  partId: string;
  partCode: string;
  ico: string;
  /** The adopting officer is affiliated with the applicant organisation. */
  affiliated: boolean;
  /** The IČO's approved awards in the resolution's year, before this resolution. */
  yearTotalCzk: number;
  /** The part's allocation less its commitments. */
  availableCzk: number;
}

/** One decided line, as the write records it (what DecisionRepository.write records for one decision). */
export interface LineRecord {
  applicationId: string;
  partId: string;
  ico: string;
  outcome: 'approved' | 'rejected';
  amountCzk: number | null;
  reasons: string[];
  deviationReason: string | null;
  /** The commitment's ledger transaction (commitmentEntries); null for a rejection. */
  commitment: LedgerTransaction | null;
  letter: { id: string; kind: 'approval' | 'rejection'; decision: Record<string, unknown> };
}

/** Everything the adoption writes after the status steps. */
export interface AdoptionRecord {
  resolutionId: string;
  body: ApprovingBody;
  resolutionNumber: string;
  resolutionDate: string;
  resolutionYear: number;
  at: Date;
  by: string;
  lines: readonly LineRecord[];
  /** The award committed per part (the conditional update's amounts). */
  committedByPart: ReadonlyMap<string, number>;
}

/**
 * The adoption's statements, set-based whatever the size of the annex: the
 * locks (the resolution; then the lines' applications, their organisations
 * and their parts, each in one ordered statement), the read of the lines in a
 * snapshot taken under those locks, the write of every decision in one
 * statement of data-modifying CTEs over the lines sent as one JSON array
 * (jsonb_to_recordset: one parameter to bind, not thirty arrays to escape),
 * and the audit events, appended last, in one statement.
 */
@Injectable()
export class AdoptionRepository {
  async lockResolution(manager: EntityManager, id: string): Promise<LockedResolution | null> {
    const [r] = await preparedQuery<{
      id: string;
      call_id: string;
      body: ApprovingBody;
      status: LockedResolution['status'];
      version: number;
      evaluation_closed_at: Date | null;
    }>(manager, 'adoption_lock_resolution', LOCK_RESOLUTION, [id]);
    return r
      ? { id: r.id, callId: r.call_id, body: r.body, status: r.status, version: r.version, evaluationClosedAt: r.evaluation_closed_at }
      : null;
  }

  /**
   * Locks the lines' applications, then their organisations, then their
   * parts, each in id order. Applications before organisations before parts
   * is the single decision's order (its application and organisation, then its
   * part in the write), so neither waits on the other in a cycle; the ids'
   * order keeps two adoptions sharing organisations or parts from deadlocking.
   */
  async lockLines(manager: EntityManager, resolutionId: string): Promise<void> {
    await preparedQuery(manager, 'adoption_lock_applications', LOCK_APPLICATIONS, [resolutionId]);
    await preparedQuery(manager, 'adoption_lock_organisations', LOCK_ORGANISATIONS, [resolutionId]);
    await preparedQuery(manager, 'adoption_lock_parts', LOCK_PARTS, [resolutionId]);
  }

  /** The lines in the annex's order, read after the locks (so in a snapshot no decision of these IČOs or parts can still change). */
  async readLines(manager: EntityManager, resolutionId: string, resolutionYear: number, callerId: string): Promise<LineSubject[]> {
    const rows = await preparedQuery<{
      application_id: string;
      position: number;
      outcome: AdoptionLineOutcome;
      amount_czk: string | null;
      reason: string | null;
      deviation_reason: string | null;
      status: ApplicationStatus;
      requested_czk: string;
      proposed_czk: string | null;
      call_part_id: string;
      part_code: string;
      ico: string;
      affiliated: boolean;
      year_total_czk: string;
      available_czk: string;
    }>(manager, 'adoption_read_lines', READ_LINES, [resolutionId, resolutionYear, callerId]);
    return rows.map((r) => ({
      applicationId: r.application_id,
      position: r.position,
      outcome: r.outcome,
      amountCzk: r.amount_czk === null ? null : toSafeNumber(r.amount_czk),
      reason: r.reason,
      deviationReason: r.deviation_reason,
      status: r.status,
      requestedCzk: toSafeNumber(r.requested_czk),
      proposedCzk: r.proposed_czk === null ? null : toSafeNumber(r.proposed_czk),
      partId: r.call_part_id,
      partCode: r.part_code,
      ico: r.ico,
      affiliated: r.affiliated,
      yearTotalCzk: toSafeNumber(r.year_total_czk),
      availableCzk: toSafeNumber(r.available_czk),
    }));
  }

  /**
   * Every decision of the annex and the resolution's adoption in one
   * statement, or nothing: see WRITE. `written` is false (and nothing changed
   * but what the rollback undoes) when a part's commitments would pass its
   * allocation.
   */
  async write(manager: EntityManager, r: AdoptionRecord): Promise<{ written: boolean }> {
    const lines = r.lines.map((l) => ({
      application_id: l.applicationId,
      outcome: l.outcome,
      amount_czk: l.amountCzk,
      reasons: l.reasons,
      deviation_reason: l.deviationReason,
      ico: l.ico,
      letter_id: l.letter.id,
      letter_kind: l.letter.kind,
      letter_decision: l.letter.decision,
    }));
    const commitments = r.lines.flatMap((l) => (l.commitment ? [{ line: l, tx: l.commitment }] : []));
    const transactions = commitments.map(({ line, tx }) => ({
      id: tx.id,
      type: tx.type,
      reference: tx.reference,
      part_id: line.partId,
      application_id: line.applicationId,
    }));
    const entries = commitments.flatMap(({ tx }) => tx.entries.map((e) => ({ transaction_id: e.transactionId, account: e.account, amount_czk: e.amountCzk })));
    const parts = [...r.committedByPart].filter(([, amount]) => amount > 0).map(([id, amount]) => ({ id, amount_czk: amount }));
    const [row] = await preparedQuery<{ written: boolean }>(manager, 'adoption_write', WRITE, [
      JSON.stringify(lines),
      JSON.stringify(parts),
      JSON.stringify(transactions),
      JSON.stringify(entries),
      r.body,
      r.resolutionNumber,
      r.resolutionDate,
      r.resolutionYear,
      r.at,
      r.by,
      LETTER_RENDER_TOPIC,
      r.resolutionId,
    ]);
    return { written: row.written };
  }

  /**
   * The audit events, in order, appended in one statement (the chain's lock is
   * then held until COMMIT: call it last). The events travel as one JSON
   * array; each event's hashed payload stays the text AuditTrail.prepare made.
   */
  async appendAudit(manager: EntityManager, events: readonly PreparedAuditEvent[]): Promise<number> {
    await preparedQuery<{ last_seq: string }>(manager, 'adoption_audit', AUDIT, [`[${events.map(auditJson).join(',')}]`]);
    return events.length;
  }
}

/** audit_append's arguments (AuditTrail.prepare's params, in order) as one JSON object; `before` and `after` are JSON texts already. */
function auditJson({ params: p }: PreparedAuditEvent): string {
  const text = (v: unknown) => JSON.stringify(v ?? null);
  const at = p[1] instanceof Date ? p[1].toISOString() : p[1];
  return (
    `{"id":${text(p[0])},"occurred_at":${text(at)},"actor_user_id":${text(p[2])},"actor_role":${text(p[3])},"action":${text(p[4])},` +
    `"entity_type":${text(p[5])},"entity_id":${text(p[6])},"before":${(p[7] as string | null) ?? 'null'},"after":${(p[8] as string | null) ?? 'null'},` +
    `"reason":${text(p[9])},"payload":${text(p[10])}}`
  );
}

const LOCK_RESOLUTION = `SELECT r.id, r.call_id, r.body, r.status, r.version, c.evaluation_closed_at
  FROM resolution r JOIN call c ON c.id = r.call_id
 WHERE r.id = $1
   FOR UPDATE OF r`;

const LOCK_APPLICATIONS = `SELECT a.id FROM application a
 WHERE a.id IN (SELECT application_id FROM resolution_line WHERE resolution_id = $1)
 ORDER BY a.id
   FOR UPDATE`;

const LOCK_ORGANISATIONS = `SELECT o.id FROM organisation o
 WHERE o.id IN (SELECT a.organisation_id FROM resolution_line l JOIN application a ON a.id = l.application_id WHERE l.resolution_id = $1)
 ORDER BY o.id
   FOR UPDATE`;

const LOCK_PARTS = `SELECT cp.id FROM call_part cp
 WHERE cp.id IN (SELECT a.call_part_id FROM resolution_line l JOIN application a ON a.id = l.application_id WHERE l.resolution_id = $1)
 ORDER BY cp.id
   FOR UPDATE`;

/** The lines with what the single decision's subject reads ($2: the resolution's year; $3: the caller, for the affiliation). */
const READ_LINES = `WITH line AS (
  SELECT l.application_id, l.position, l.outcome, l.amount_czk, l.reason, l.deviation_reason,
         a.status, a.requested_czk, a.proposed_czk, a.call_part_id, a.organisation_id, o.ico, cp.code AS part_code,
         cp.allocation_czk - cp.committed_czk AS available_czk
    FROM resolution_line l
    JOIN application a ON a.id = l.application_id
    JOIN organisation o ON o.id = a.organisation_id
    JOIN call_part cp ON cp.id = a.call_part_id
   WHERE l.resolution_id = $1
), total AS (
  SELECT d.recipient_ico AS ico, sum(d.amount_czk) AS total_czk FROM decision d
   WHERE d.resolution_year = $2 AND d.outcome = 'approved' AND d.recipient_ico IN (SELECT ico FROM line)
   GROUP BY d.recipient_ico
), affiliated AS (
  SELECT organisation_id FROM user_affiliation WHERE user_id = $3
)
SELECT line.*, COALESCE(total.total_czk, 0) AS year_total_czk,
       EXISTS (SELECT 1 FROM affiliated f WHERE f.organisation_id = line.organisation_id) AS affiliated
  FROM line LEFT JOIN total ON total.ico = line.ico
 ORDER BY line.position`;

/**
 * The decisions of the annex, one statement of data-modifying CTEs over the
 * lines ($1, a JSON array), each write fed by the part's commitment guard:
 * the parts' commitments ($2), each a conditional UPDATE that commits only
 * within the allocation (all parts or the statement writes nothing else and
 * answers written = false: the caller rolls back); the awards on the
 * applications, the decisions, the commitments' ledger transactions ($3) and
 * entries ($4), the letters (the snapshot of `letter_subject`, as the single
 * decision takes it) and their outbox rows; and the resolution's adoption
 * ($12). $5…$11: the body, number, date and year of the resolution, when and
 * by whom, the letters' topic.
 */
const WRITE = `WITH line AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
      AS l(application_id uuid, outcome text, amount_czk bigint, reasons text[], deviation_reason text, ico text,
           letter_id uuid, letter_kind text, letter_decision jsonb)
), part AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS p(id uuid, amount_czk bigint)
), committed AS (
  UPDATE call_part cp SET committed_czk = cp.committed_czk + p.amount_czk
    FROM part p
   WHERE cp.id = p.id AND cp.committed_czk + p.amount_czk <= cp.allocation_czk
  RETURNING cp.id
), fits AS (
  SELECT 1 WHERE (SELECT count(*) FROM committed) = jsonb_array_length($2::jsonb)
), awarded AS (
  UPDATE application a SET awarded_czk = COALESCE(l.amount_czk, 0), updated_at = now()
    FROM line l
   WHERE a.id = l.application_id AND EXISTS (SELECT 1 FROM fits)
  RETURNING a.id
), decided AS (
  INSERT INTO decision (application_id, outcome, amount_czk, body, resolution_number, resolution_date, resolution_year,
                        recipient_ico, reasons, deviation_reason, decided_at, decided_by)
  SELECT l.application_id, l.outcome, l.amount_czk, $5, $6, $7::date, $8::int, l.ico, l.reasons, l.deviation_reason, $9::timestamptz, $10::uuid
    FROM line l JOIN awarded w ON w.id = l.application_id
  RETURNING application_id
), ledger_tx AS (
  INSERT INTO ledger_transaction (id, type, occurred_on, reference, reverses, programme_id, call_part_id, application_id, created_at, created_by)
  SELECT t.id, t.type, $7::date, t.reference, NULL, NULL, t.part_id, t.application_id, $9::timestamptz, $10::uuid
    FROM jsonb_to_recordset($3::jsonb) AS t(id uuid, type text, reference text, part_id uuid, application_id uuid)
   WHERE EXISTS (SELECT 1 FROM fits)
  RETURNING id
), ledger_entries AS (
  INSERT INTO ledger_entry (transaction_id, account, amount_czk)
  SELECT t.id, e.account, e.amount_czk
    FROM jsonb_to_recordset($4::jsonb) AS e(transaction_id uuid, account text, amount_czk bigint)
    JOIN ledger_tx t ON t.id = e.transaction_id
  RETURNING transaction_id
), letter AS (
  INSERT INTO letter (id, application_id, kind, status, data, created_at)
  SELECT l.letter_id, s.application_id, l.letter_kind, 'queued',
         s.data || jsonb_build_object('decidedAt', $9::timestamptz, 'decision', l.letter_decision), $9::timestamptz
    FROM line l
    JOIN awarded w ON w.id = l.application_id
    JOIN letter_subject s ON s.application_id = l.application_id
  RETURNING id
), letter_outbox AS (
  INSERT INTO outbox_message (topic, payload, created_at)
  SELECT $11, jsonb_build_object('letterId', id), $9::timestamptz FROM letter
  RETURNING id
), adopted AS (
  UPDATE resolution SET status = 'adopted', resolution_number = $6, resolution_date = $7::date,
                        adopted_at = $9::timestamptz, adopted_by = $10::uuid, version = version + 1
   WHERE id = $12::uuid AND status = 'draft' AND EXISTS (SELECT 1 FROM fits)
  RETURNING id
)
SELECT EXISTS (SELECT 1 FROM fits) AND (SELECT count(*) FROM adopted) = 1 AS written,
       (SELECT count(*) FROM decided) AS decisions, (SELECT count(*) FROM ledger_entries) AS entries,
       (SELECT count(*) FROM letter_outbox) AS letters`;

/** audit_append once per event, in the array's order (the chain's advisory lock is taken by the first and held until COMMIT). */
/** The events chained in order with one lock and one read of the chain's head (audit_append_many, migration 1795920000000). */
const AUDIT = `SELECT audit_append_many($1::jsonb)::text AS last_seq`;
