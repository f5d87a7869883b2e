import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApplicationStatus } from '@app/applications';
import { type PreparedAuditEvent, preparedQuery, toSafeNumber } from '@app/core';
import { LETTER_RENDER_TOPIC, type LetterKind } from '@app/letters';
import type { LedgerTransaction } from './domain/ledger';

/** What a decision is judged on, read with the application and its recipient's organisation locked. */
export interface DecisionSubject {
  status: ApplicationStatus;
  requestedCzk: number;
  proposedCzk: number | null;
  callPartId: string;
  /** The applicant organisation (staff affiliated with it are in conflict). */
  organisationId: string;
  ico: string;
  /** When the call's evaluation closed (null while open): the resolution cannot be dated earlier. */
  evaluationClosedAt: Date | null;
  /** The IČO's approved awards in the resolution's year, in this statement's snapshot (see DecisionsService). */
  yearTotalCzk: number;
  /** The part's allocation less its commitments, in the same snapshot: a hint, the conditional UPDATE decides. */
  availableCzk: number;
  /** The draft resolution the application is a line of (null: none), which decides it when adopted. */
  draftResolutionId: string | null;
}

/** Everything the decision's statement writes. */
export interface DecisionRecord {
  applicationId: string;
  callPartId: string;
  ico: string;
  outcome: 'approved' | 'rejected';
  /** The award; null for a rejection (nothing is committed, no ledger posting). */
  amountCzk: number | null;
  body: string;
  resolutionNumber: string;
  resolutionDate: string;
  /** The year the resolution's date names (0 when it names none: then the rules refused it already). */
  resolutionYear: number;
  reasons: string[];
  /** Why the approval deviates from the DOT Commission (null when it does not). */
  deviationReason: string | null;
  /** The IČO's yearly total the rules saw: nothing is written if it moved. */
  yearTotalCzk: number;
  decidedAt: Date;
  decidedBy: string;
  /** The commitment's ledger transaction (ledger.commitmentEntries); null for a rejection. */
  commitment: LedgerTransaction | null;
  letter: { id: string; kind: LetterKind; decision: Record<string, unknown> };
  /** The decision's audit event (AuditTrail.prepare), appended last, only when the decision is written. */
  audit: PreparedAuditEvent;
}

/** What the statement did: nothing at all unless `written`. */
export interface DecisionWritten {
  /** The IČO's yearly total was still the one the rules saw. */
  totalUnchanged: boolean;
  written: boolean;
}

/**
 * The decision's statements: the read of its subject (locks) and the one
 * write with its audit event. The application's status moves between the two,
 * in the same transaction, through ApplicationLifecycle.
 */
@Injectable()
export class DecisionRepository {
  /** Locks the application and its organisation (two decisions for one IČO cannot both slip under the yearly limit). */
  async lockSubject(manager: EntityManager, applicationId: string, resolutionYear: number): Promise<DecisionSubject | null> {
    const [r] = await preparedQuery<{
      status: ApplicationStatus;
      requested_czk: string;
      proposed_czk: string | null;
      call_part_id: string;
      organisation_id: string;
      ico: string;
      evaluation_closed_at: Date | null;
      year_total_czk: string;
      available_czk: string;
      draft_resolution_id: string | null;
    }>(manager, 'decision_subject', SUBJECT, [applicationId, resolutionYear]);
    if (!r) return null;
    return {
      status: r.status,
      requestedCzk: toSafeNumber(r.requested_czk),
      proposedCzk: r.proposed_czk === null ? null : toSafeNumber(r.proposed_czk),
      callPartId: r.call_part_id,
      organisationId: r.organisation_id,
      ico: r.ico,
      evaluationClosedAt: r.evaluation_closed_at,
      yearTotalCzk: toSafeNumber(r.year_total_czk),
      availableCzk: toSafeNumber(r.available_czk),
      draftResolutionId: r.draft_resolution_id,
    };
  }

  /**
   * Writes the decision in one statement, or nothing: see WRITE. Zero rows
   * committed (the award does not fit) or a year total that moved: `written`
   * is false and nothing changed.
   */
  async write(manager: EntityManager, d: DecisionRecord): Promise<DecisionWritten> {
    const [row] = await preparedQuery<{ total_unchanged: boolean; written: boolean }>(manager, 'decision_write', WRITE, [
      d.applicationId,
      d.callPartId,
      d.ico,
      d.resolutionYear,
      d.yearTotalCzk,
      d.amountCzk,
      d.outcome,
      d.body,
      d.resolutionNumber,
      d.resolutionDate,
      d.reasons,
      d.decidedAt,
      d.decidedBy,
      d.commitment?.id ?? null,
      d.commitment?.type ?? null,
      d.commitment?.reference ?? null,
      d.commitment?.entries.map((e) => e.account) ?? null,
      d.commitment?.entries.map((e) => e.amountCzk) ?? null,
      d.letter.id,
      d.letter.kind,
      JSON.stringify(d.letter.decision),
      LETTER_RENDER_TOPIC,
      ...d.audit.params,
      d.deviationReason,
    ]);
    return { totalUnchanged: row.total_unchanged, written: row.written };
  }

  /** The part's allocation less its commitments, in a fresh snapshot: what a refused commitment saw. */
  async availableOf(manager: EntityManager, callPartId: string): Promise<number> {
    const [part]: { available_czk: string }[] = await manager.query('SELECT allocation_czk - committed_czk AS available_czk FROM call_part WHERE id = $1', [
      callPartId,
    ]);
    return toSafeNumber(part.available_czk);
  }
}

const SUBJECT = `SELECT a.status, a.requested_czk, a.proposed_czk, a.call_part_id, a.organisation_id, o.ico, c.evaluation_closed_at,
       cp.allocation_czk - cp.committed_czk AS available_czk,
       (SELECT COALESCE(sum(d.amount_czk), 0) FROM decision d
         WHERE d.recipient_ico = o.ico AND d.resolution_year = $2 AND d.outcome = 'approved') AS year_total_czk,
       -- resolutions' table, read here (a library above money) so that a single decision never overtakes a draft's line
       (SELECT l.resolution_id FROM resolution_line l JOIN resolution r ON r.id = l.resolution_id
         WHERE l.application_id = a.id AND l.live AND l.outcome <> 'ineligible' AND r.status = 'draft') AS draft_resolution_id
  FROM application a
  JOIN organisation o ON o.id = a.organisation_id
  JOIN call_part cp ON cp.id = a.call_part_id
  JOIN call c ON c.id = a.call_id
 WHERE a.id = $1 AND a.status <> 'draft'
   FOR UPDATE OF a, o`;

/**
 * The decision, one statement of data-modifying CTEs, each fed by the one
 * before it, so that nothing is written unless the IČO's year total is still
 * the one read ($5) and, for an approval ($6 not null), the commitment fits
 * the part's allocation (the part's row is then locked until COMMIT, one
 * round trip): the commitment, the award on the application, the decision,
 * the commitment's ledger posting, the letter (a snapshot of the recipient and
 * the application from the view `letter_subject`, as letters' own requests
 * take it) and its outbox row, for the relay to queue; then the audit event.
 * The decision's reason for deviating from the commission ($34) comes after
 * the audit event's parameters.
 */
const WRITE = `WITH total AS (
  SELECT true AS unchanged FROM decision
   WHERE recipient_ico = $3 AND resolution_year = $4::int AND outcome = 'approved'
  HAVING COALESCE(sum(amount_czk), 0) = $5::bigint
), committed AS (
  UPDATE call_part SET committed_czk = committed_czk + $6::bigint
   WHERE id = $2::uuid AND $6::bigint IS NOT NULL AND committed_czk + $6::bigint <= allocation_czk AND EXISTS (SELECT 1 FROM total)
  RETURNING id
), fits AS (
  SELECT 1 FROM total WHERE $6::bigint IS NULL OR EXISTS (SELECT 1 FROM committed)
), awarded AS (
  UPDATE application SET awarded_czk = COALESCE($6::bigint, 0), updated_at = now()
   WHERE id = $1::uuid AND EXISTS (SELECT 1 FROM fits)
  RETURNING id
), decided AS (
  INSERT INTO decision (application_id, outcome, amount_czk, body, resolution_number, resolution_date, resolution_year,
                        recipient_ico, reasons, deviation_reason, decided_at, decided_by)
  SELECT id, $7, $6::bigint, $8, $9, $10::date, $4::int, $3, $11::text[], $34::text, $12::timestamptz, $13::uuid
    FROM awarded
  RETURNING application_id
), ledger_tx AS (
  INSERT INTO ledger_transaction (id, type, occurred_on, reference, reverses, programme_id, call_part_id, application_id, created_at, created_by)
  SELECT $14::uuid, $15, $10::date, $16, NULL, NULL, $2::uuid, $1::uuid, $12::timestamptz, $13::uuid
    FROM committed
  RETURNING id
), ledger_entries AS (
  INSERT INTO ledger_entry (transaction_id, account, amount_czk)
  SELECT t.id, e.account, e.amount FROM ledger_tx t, unnest($17::text[], $18::bigint[]) AS e(account, amount)
  RETURNING transaction_id
), letter_snapshot AS (
  SELECT application_id AS id, data || jsonb_build_object('decidedAt', $12::timestamptz, 'decision', $21::jsonb) AS data
    FROM letter_subject WHERE application_id = $1::uuid AND EXISTS (SELECT 1 FROM awarded)
), letter AS (
  INSERT INTO letter (id, application_id, kind, status, data, created_at)
  SELECT $19::uuid, id, $20, 'queued', data, $12::timestamptz FROM letter_snapshot
  RETURNING id
), letter_outbox AS (
  INSERT INTO outbox_message (topic, payload, created_at)
  SELECT $22, jsonb_build_object('letterId', id), $12::timestamptz FROM letter
  RETURNING id
)
SELECT t.n > 0 AS total_unchanged, w.n > 0 AS written,
       CASE WHEN w.n > 0
            THEN audit_append($23::uuid, $24::timestamptz, $25::uuid, $26::varchar, $27::varchar, $28::varchar, $29::varchar,
                              $30::jsonb, $31::jsonb, $32::text, $33::text) END AS audit_seq
  FROM (SELECT count(*) AS n FROM total) t,
       -- Counting every written row finishes the writes before the event is appended (it takes the chain's lock until COMMIT).
       (SELECT count(*) AS n FROM (SELECT 1 FROM decided UNION ALL SELECT 1 FROM ledger_entries UNION ALL SELECT 1 FROM letter_outbox) x) w`;
