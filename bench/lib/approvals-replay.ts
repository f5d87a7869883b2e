import { randomUUID } from 'node:crypto';
import { checkCommitment } from '@app/money/domain/ledger';
import type { Capture, CapturedStatement, CapturedValue } from './capture-protocol';

/**
 * A decision's SQL as the API sent it (statement-capture.ts), turned into a
 * script that can be sent again for another application: the statements'
 * texts, prepared statement names and parameters exactly as captured, the
 * parameters rewritten by where their values came from —
 *   - the request: the application's id, the amount (its request) and the
 *     Idempotency-Key → the new application's, its request, a new key;
 *   - an earlier statement's answer (the subject's part, organisation, IČO,
 *     year total …) → the value the same column has in the replay's answer;
 *   - the API itself (crypto.randomUUID: the letter's, the commitment's, the
 *     audit event's ids; Clock.now(): timestamps within the capture) → new ones;
 *   - anything else (the officer, the resolution) → as captured —
 * inside JSON parameters too (the letter's decision, the audit event, the
 * stored answer). Two captures make the script: an approval and a refusal
 * (409 ALLOCATION_EXCEEDED). They send the same statements up to where the
 * service refuses: the replay then decides as DecisionsService does — the
 * same pure rule (checkCommitment) on the subject's `available_czk` — and
 * follows the refusal's statements from there (its ROLLBACK, the key's
 * release); an approval's write that commits nothing (its `written` false:
 * the allocation ran out between the read and the write) follows them too,
 * without the service's one re-read of the part (counted apart); a write that
 * found the IČO's year total moved is sent again after the subject's read,
 * as the service's second read does.
 */
export type ReplayScope = 'request' | 'transaction';

export interface ScriptStatement {
  name: string | null;
  text: string;
  values: CapturedValue[];
  row: Record<string, CapturedValue> | null;
  rowCount: number | null;
}

/** What the captured request was asked: the keys of the substitution. */
export interface CapturedDecision {
  applicationId: string;
  requestedCzk: number;
  idempotencyKey: string;
}

interface Branch {
  statements: ScriptStatement[];
  decision: CapturedDecision;
  generatedUuids: string[];
  window: { from: number; to: number };
}

export interface DecisionScript {
  scope: ReplayScope;
  approval: Branch;
  refusal: Branch;
  /** How many statements both send first (the refusal's own follow). */
  common: number;
  /** The column of a common statement's answer the service refuses on (the part's allocation less its commitments). */
  availableColumn: string;
  /** The captured request's statements left out of the script (scope "transaction"). */
  excluded: ScriptStatement[];
}

const BEGIN = /^\s*(START TRANSACTION|BEGIN)\b/i;
const END = /^\s*(COMMIT|ROLLBACK)\b/i;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function toScript(s: CapturedStatement): ScriptStatement {
  return { name: s.name, text: s.text, values: s.values, row: s.row, rowCount: s.rowCount };
}

const identity = (s: ScriptStatement): string => `${s.name ?? ''}\u0000${s.text}`;

/** The request's statements (all of them, or the one transaction that wrote: the one with the most statements). */
function scoped(capture: Capture, scope: ReplayScope): { kept: CapturedStatement[]; excluded: CapturedStatement[] } {
  const failed = capture.statements.find((s) => s.error !== null);
  if (failed) throw new Error(`a captured statement failed (${failed.error}): ${failed.text.slice(0, 120)}`);
  const requests = new Set(capture.statements.map((s) => s.request));
  if (requests.size !== 1) throw new Error(`the capture holds ${requests.size} HTTP requests' statements, expected the one decision's`);
  const all = capture.statements;
  if (scope === 'request') return { kept: all, excluded: [] };
  let best: CapturedStatement[] = [];
  for (let i = 0; i < all.length; i++) {
    if (!BEGIN.test(all[i].text)) continue;
    const connection = all[i].connection;
    const transaction = [all[i]];
    for (let j = i + 1; j < all.length; j++) {
      if (all[j].connection !== connection) continue;
      transaction.push(all[j]);
      if (END.test(all[j].text)) break;
    }
    if (transaction.length > best.length) best = transaction;
  }
  if (!best.length) throw new Error('the captured decision ran no transaction');
  return { kept: best, excluded: all.filter((s) => !best.includes(s)) };
}

function branchOf(capture: Capture, decision: CapturedDecision, scope: ReplayScope): { branch: Branch; excluded: CapturedStatement[] } {
  const { kept, excluded } = scoped(capture, scope);
  return {
    branch: {
      statements: kept.map(toScript),
      decision,
      generatedUuids: capture.generatedUuids,
      window: { from: Date.parse(capture.startedAt), to: Date.parse(capture.stoppedAt) },
    },
    excluded,
  };
}

export function buildScript(
  approval: { capture: Capture; decision: CapturedDecision },
  refusal: { capture: Capture; decision: CapturedDecision },
  scope: ReplayScope,
): DecisionScript {
  const a = branchOf(approval.capture, approval.decision, scope);
  const r = branchOf(refusal.capture, refusal.decision, scope);
  const as = a.branch.statements;
  const rs = r.branch.statements;
  let common = 0;
  while (common < as.length && common < rs.length && identity(as[common]) === identity(rs[common])) common++;
  if (common === 0 || common === as.length || common === rs.length) {
    throw new Error(`the approval's and the refusal's statements do not part after common ones (${as.length} and ${rs.length} statements, ${common} in common)`);
  }
  if (!as.slice(0, common).some((st) => st.row !== null && AVAILABLE in st.row)) {
    throw new Error(`no statement before the refusal reads the part's ${AVAILABLE}: the replay cannot decide as the service does`);
  }
  return { scope, approval: a.branch, refusal: r.branch, common, availableColumn: AVAILABLE, excluded: a.excluded.map(toScript) };
}

/** DecisionRepository.lockSubject's column: the part's allocation less its commitments. */
const AVAILABLE = 'available_czk';

/** What a replayed decision is: its application, the amount (its whole request). */
export interface ReplayTarget {
  applicationId: string;
  requestedCzk: number;
}

/** One replayed decision's substitution of captured values by new ones (see the file's comment). */
export class Substitution {
  private readonly map = new Map<string, string>();
  /** Keys taken from answers (a second read may replace them; the request's and the generated ones stay). */
  private readonly learned = new Set<string>();

  constructor(
    private readonly window: { from: number; to: number },
    private readonly nowIso: string,
  ) {}

  static for(branch: Branch, target: ReplayTarget, nowIso: string): Substitution {
    const s = new Substitution(branch.window, nowIso);
    s.map.set(branch.decision.applicationId, target.applicationId);
    s.map.set(String(branch.decision.requestedCzk), String(target.requestedCzk));
    s.map.set(branch.decision.idempotencyKey, `bench-replay-${randomUUID()}`);
    for (const uuid of branch.generatedUuids) if (!s.map.has(uuid)) s.map.set(uuid, randomUUID());
    return s;
  }

  /** The captured answer's distinctive values (ids, amounts, codes: 4 characters or more) stand for the replay's answer's. */
  learn(captured: Record<string, CapturedValue> | null, replayed: Record<string, unknown> | undefined, again = false): void {
    if (!captured || !replayed) return;
    for (const [column, value] of Object.entries(captured)) {
      if (value === null || typeof value === 'boolean' || typeof value === 'object') continue;
      const key = String(value);
      const now = replayed[column];
      if (key.length < 4 || (this.map.has(key) && !(again && this.learned.has(key))) || now === null || now === undefined) continue;
      this.learned.add(key);
      this.map.set(key, now instanceof Date ? now.toISOString() : String(now));
    }
  }

  value(v: CapturedValue): unknown {
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'number') return this.number(v);
    if (typeof v === 'string') return this.string(v);
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    if (typeof v.$date === 'string' && Object.keys(v).length === 1) return this.withinCapture(v.$date as string) ? new Date(this.nowIso) : new Date(v.$date as string);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.value(x)]));
  }

  private number(n: number): number {
    const mapped = this.map.get(String(Math.abs(n)));
    return mapped === undefined || !/^-?\d+(\.\d+)?$/.test(mapped) ? n : Math.sign(n || 1) * Number(mapped);
  }

  private string(s: string): string {
    const exact = this.map.get(s);
    if (exact !== undefined) return exact;
    if (s.startsWith('-') && this.map.has(s.slice(1)) && /^-\d+$/.test(s)) return `-${this.map.get(s.slice(1))}`;
    if (ISO_TIMESTAMP.test(s)) return this.withinCapture(s) ? this.nowIso : s;
    if ((s.startsWith('{') && s.endsWith('}')) || (s.startsWith('[') && s.endsWith(']'))) {
      try {
        return JSON.stringify(this.value(JSON.parse(s) as CapturedValue));
      } catch {
        // Not JSON (e.g. a PostgreSQL array literal): ids inside are replaced below.
      }
    }
    return s.replace(UUID, (id) => this.map.get(id) ?? id);
  }

  private withinCapture(iso: string): boolean {
    const t = Date.parse(iso);
    return t >= this.window.from - 1000 && t <= this.window.to + 1000;
  }
}

/** The connection the script is sent on: pg's Client (query(config)) or anything shaped like it. */
export interface ReplayConnection {
  query(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
}

/** `rereads`: the write found the IČO's year total moved and was sent again after a second read, as the service does. */
export type ReplayOutcome = { kind: 'approved' | 'refused'; atWrite?: boolean; rereads?: number } | { kind: 'diverged'; problem: string };

type Answer = { rows: Record<string, unknown>[]; rowCount: number | null };

/**
 * Sends the script for `target` on `connection`: the common statements, then
 * the approval's, or the refusal's where the service would refuse. Any
 * answer that does not match the capture's (row count, true/false columns)
 * otherwise, or an error, is a divergence: the transaction (if open) is
 * rolled back and the decision counted apart.
 */
export async function replayDecision(connection: ReplayConnection, script: DecisionScript, target: ReplayTarget): Promise<ReplayOutcome> {
  const nowIso = new Date().toISOString();
  const approval = Substitution.for(script.approval, target, nowIso);
  const refusal = Substitution.for(script.refusal, target, nowIso);
  let open = false;
  const send = async (statement: ScriptStatement, substitution: Substitution): Promise<Answer> => {
    const values = statement.values.map((v) => substitution.value(v));
    const answer = await connection.query(statement.name ? { name: statement.name, text: statement.text, values } : { text: statement.text, values });
    if (BEGIN.test(statement.text)) open = true;
    if (END.test(statement.text)) open = false;
    return answer;
  };
  const refuse = async (atWrite: boolean, rereads = 0): Promise<ReplayOutcome> => {
    for (const statement of script.refusal.statements.slice(script.common)) refusal.learn(statement.row, (await send(statement, refusal)).rows[0]);
    return { kind: 'refused', atWrite, rereads };
  };
  let rereads = 0;
  let subjectIndex = -1;
  try {
    let availableCzk: number | null = null;
    for (let i = 0; i < script.common; i++) {
      const statement = script.approval.statements[i];
      const answer = await send(statement, approval);
      const row = answer.rows[0];
      approval.learn(statement.row, row);
      refusal.learn(script.refusal.statements[i].row, row);
      if (row && script.availableColumn in row) {
        availableCzk = Number(row[script.availableColumn]);
        subjectIndex = i;
      }
      const problem = mismatch(statement, answer);
      if (problem) return await diverge(`${problem} in: ${statement.text.slice(0, 100)}`);
    }
    if (availableCzk === null) return await diverge(`no answer carried ${script.availableColumn}`);
    if (checkCommitment({ availableCzk, amountCzk: target.requestedCzk }).length) return await refuse(false);
    for (const statement of script.approval.statements.slice(script.common)) {
      let answer = await send(statement, approval);
      approval.learn(statement.row, answer.rows[0]);
      if (statement.row?.written === true && answer.rows[0]?.written === false && answer.rows[0]?.total_unchanged === false) {
        // The IČO's year total moved under the organisation's lock: the service reads the subject again and writes once more.
        const subject = script.approval.statements[subjectIndex];
        approval.learn(subject.row, (await send(subject, approval)).rows[0], true);
        answer = await send(statement, approval);
        approval.learn(statement.row, answer.rows[0]);
        rereads++;
      }
      const problem = mismatch(statement, answer);
      // The write committed nothing: the allocation ran out since the read (its `written` false, rows as captured).
      if (problem && open && statement.row?.written === true && answer.rows[0]?.written === false && answer.rows[0]?.total_unchanged !== false) {
        return await refuse(true, rereads);
      }
      if (problem) return await diverge(`${problem} in: ${statement.text.slice(0, 100)}`);
    }
    return { kind: 'approved', rereads };
  } catch (error) {
    return await diverge(error instanceof Error ? error.message : String(error));
  }

  async function diverge(problem: string): Promise<ReplayOutcome> {
    if (open) await connection.query({ text: 'ROLLBACK' }).catch(() => undefined);
    return { kind: 'diverged', problem };
  }
}

/** The replayed answer differs from the captured one in its row count or a true/false column. */
function mismatch(captured: ScriptStatement, answer: Answer): string | null {
  if (captured.rowCount !== null && answer.rowCount !== null && captured.rowCount !== answer.rowCount) {
    return `${answer.rowCount} rows where the API's statement had ${captured.rowCount}`;
  }
  for (const [column, value] of Object.entries(captured.row ?? {})) {
    if (typeof value === 'boolean' && answer.rows[0]?.[column] !== value) return `${column} = ${String(answer.rows[0]?.[column])}, the API's was ${value}`;
  }
  return null;
}
