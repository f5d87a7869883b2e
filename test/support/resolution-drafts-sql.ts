import { randomUUID } from 'node:crypto';
import { asOwner } from './db';

/**
 * Resolution drafts inserted with SQL, as the database owner: the adoption's
 * specs build the draft a call's closed evaluation would give without the
 * drafts' API (a separate piece of issue 13), in the shape of the contract's
 * defaults (recommended with a proposal → approved for it; recommended
 * without one and not recommended → rejected with a Czech reason; ineligible
 * → ineligible with its reason).
 */

export type DraftOutcome = 'approved' | 'rejected' | 'ineligible';

export interface DraftLine {
  applicationId: string;
  commissionStatus: 'recommended' | 'not_recommended' | 'ineligible';
  proposedCzk: number | null;
  outcome: DraftOutcome;
  amountCzk: number | null;
  reason: string | null;
  deviationReason: string | null;
}

export const BELOW_FUNDING_LINE = 'Pod hranicí financování: na projekt nezbyly v části výzvy prostředky.';
export const NOT_RECOMMENDED = 'Nedoporučeno Komisí DOT: projekt nezískal dostatek bodů.';
export const INELIGIBLE = 'Žádost nesplnila formální náležitosti výzvy.';

/** One line per given application (in the order given), with the contract's default outcome, amount and reason. */
export async function defaultLines(applicationIds: readonly string[]): Promise<DraftLine[]> {
  const rows = await asOwner(async (c) => {
    const { rows } = await c.query<{ id: string; status: string; proposed_czk: string | null }>(
      'SELECT id, status, proposed_czk FROM application WHERE id = ANY($1::uuid[])',
      [applicationIds],
    );
    return new Map(rows.map((r) => [r.id, r]));
  });
  return applicationIds.map((id) => {
    const r = rows.get(id);
    if (!r) throw new Error(`no application ${id}`);
    const proposedCzk = r.proposed_czk === null ? null : Number(r.proposed_czk);
    const base = { applicationId: id, proposedCzk, amountCzk: null, deviationReason: null };
    switch (r.status) {
      case 'recommended':
        return proposedCzk
          ? { ...base, commissionStatus: 'recommended', outcome: 'approved', amountCzk: proposedCzk, reason: null }
          : { ...base, commissionStatus: 'recommended', outcome: 'rejected', reason: BELOW_FUNDING_LINE };
      case 'not_recommended':
        return { ...base, commissionStatus: 'not_recommended', outcome: 'rejected', reason: NOT_RECOMMENDED };
      case 'ineligible':
        return { ...base, commissionStatus: 'ineligible', outcome: 'ineligible', reason: INELIGIBLE };
      default:
        throw new Error(`application ${id} is ${r.status}: no annex line for it`);
    }
  });
}

/** Inserts a draft resolution of `body` on the call with the given lines (positions in the given order); its id. */
export async function insertDraft(input: { callId: string; body: 'council' | 'assembly'; createdBy: string; lines: readonly DraftLine[] }): Promise<string> {
  const id = randomUUID();
  const { lines } = input;
  await asOwner(async (c) => {
    await c.query('BEGIN');
    await c.query(`INSERT INTO resolution (id, call_id, body, status, version, created_at, created_by) VALUES ($1, $2, $3, 'draft', 1, now(), $4)`, [
      id,
      input.callId,
      input.body,
      input.createdBy,
    ]);
    await c.query(
      `INSERT INTO resolution_line (resolution_id, application_id, position, live, commission_status, proposed_czk, outcome, amount_czk, reason, deviation_reason)
       SELECT $1, l.application_id, l.position, true, l.commission_status, l.proposed_czk, l.outcome, l.amount_czk, l.reason, l.deviation_reason
         FROM unnest($2::uuid[], $3::int[], $4::text[], $5::bigint[], $6::text[], $7::bigint[], $8::text[], $9::text[])
              AS l(application_id, position, commission_status, proposed_czk, outcome, amount_czk, reason, deviation_reason)`,
      [
        id,
        lines.map((l) => l.applicationId),
        lines.map((_, i) => i + 1),
        lines.map((l) => l.commissionStatus),
        lines.map((l) => l.proposedCzk),
        lines.map((l) => l.outcome),
        lines.map((l) => l.amountCzk),
        lines.map((l) => l.reason),
        lines.map((l) => l.deviationReason),
      ],
    );
    await c.query('COMMIT');
  });
  return id;
}

/** The resolution's row as stored. */
export async function resolutionRow(id: string) {
  return asOwner(async (c) => {
    const { rows } = await c.query<{
      status: string;
      version: number;
      resolution_number: string | null;
      resolution_date: string | null;
      adopted_at: Date | null;
      adopted_by: string | null;
    }>(`SELECT status, version, resolution_number, resolution_date::text, adopted_at, adopted_by FROM resolution WHERE id = $1`, [id]);
    return rows[0];
  });
}
