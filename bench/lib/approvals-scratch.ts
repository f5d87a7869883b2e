import { randomUUID } from 'node:crypto';
import type { DecisionTarget } from './approvals-phase';
import type { OwnerDatabase } from './database';

/**
 * Copies of the measured call's applications for the SQL ceiling, made as the
 * database owner after the measured phase has been verified (so that nothing
 * here counts in the call's figures): a new part of the same call (a copy of
 * the measured part's row, nothing committed, its allocation the measured
 * part's or the one given), and in it a copy of each source application —
 * every column as it is (same organisation, texts, request, proposal,
 * dates), back in `recommended` with nothing awarded — with its budget lines.
 * The columns are read from the catalogue, so that a new column is copied too.
 */
export interface ScratchBatch {
  partId: string;
  code: string;
  allocationCzk: number;
  targets: DecisionTarget[];
}

/** Columns the copy sets itself; all others are copied as they are. */
const APPLICATION_OVERRIDES: Record<string, string> = {
  id: 'm.new_id',
  call_part_id: '$3::uuid',
  reference_number: "a.reference_number || '/' || $4::text",
  status: "'recommended'",
  awarded_czk: '0',
  updated_at: 'now()',
};
const BUDGET_LINE_OVERRIDES: Record<string, string> = { id: 'gen_random_uuid()', application_id: 'm.new_id' };

async function columnsOf(db: OwnerDatabase, table: string): Promise<string[]> {
  const rows: { column_name: string }[] = await db.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  if (!rows.length) throw new Error(`table ${table} has no columns`);
  return rows.map((r) => r.column_name);
}

function selectList(columns: readonly string[], overrides: Record<string, string>, alias: string): string {
  return columns.map((c) => overrides[c] ?? `${alias}.${c}`).join(', ');
}

/** A new part of `sourcePartId`'s call (code `code`, at most 10 characters) holding copies of `sources`. */
export async function copyBatch(
  db: OwnerDatabase,
  sourcePartId: string,
  sources: readonly DecisionTarget[],
  code: string,
  allocationCzk?: number,
): Promise<ScratchBatch> {
  const [part]: { id: string; allocation: string }[] = await db.query(
    `INSERT INTO call_part (call_id, code, name, allocation_czk, min_request_czk, max_request_czk)
     SELECT call_id, $2, name || ' (kopie pro měření stropu SQL)', COALESCE($3::bigint, allocation_czk), min_request_czk, max_request_czk
       FROM call_part WHERE id = $1
     RETURNING id, allocation_czk::text AS allocation`,
    [sourcePartId, code, allocationCzk ?? null],
  );
  if (!part) throw new Error(`part ${sourcePartId} not found`);
  const newIds = sources.map(() => randomUUID());
  const oldIds = sources.map((s) => s.applicationId);
  const applicationColumns = await columnsOf(db, 'application');
  const copied: { id: string }[] = await db.query(
    `INSERT INTO application (${applicationColumns.join(', ')})
     SELECT ${selectList(applicationColumns, APPLICATION_OVERRIDES, 'a')}
       FROM unnest($1::uuid[], $2::uuid[]) AS m(old_id, new_id) JOIN application a ON a.id = m.old_id
     RETURNING id`,
    [oldIds, newIds, part.id, code],
  );
  if (copied.length !== sources.length) throw new Error(`copied ${copied.length} of ${sources.length} applications`);
  const lineColumns = await columnsOf(db, 'application_budget_line');
  await db.query(
    `INSERT INTO application_budget_line (${lineColumns.join(', ')})
     SELECT ${selectList(lineColumns, BUDGET_LINE_OVERRIDES, 'l')}
       FROM unnest($1::uuid[], $2::uuid[]) AS m(old_id, new_id) JOIN application_budget_line l ON l.application_id = m.old_id`,
    [oldIds, newIds],
  );
  return {
    partId: part.id,
    code,
    allocationCzk: Number(part.allocation),
    targets: sources.map((s, i) => ({ ...s, applicationId: newIds[i] })),
  };
}

/** The smallest allocation a part may have (its maximum request): the capture's part, where the third approval at the latest is refused. */
export async function maxRequestOf(db: OwnerDatabase, partId: string): Promise<number> {
  const [row]: { max: string }[] = await db.query('SELECT max_request_czk::text AS max FROM call_part WHERE id = $1', [partId]);
  return Number(row.max);
}
