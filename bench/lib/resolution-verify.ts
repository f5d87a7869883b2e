import type { OwnerDatabase } from './database';
import type { JsonClient } from './http-client';
import { ledgerCheck, type LedgerCheckBody } from './approvals-verify';
import { verifyLetters, type LettersVerification } from './letters-verify';
import { verifyAuditChain } from './ranking-verify';
import type { Adoption } from './resolution-phase';
import type { AuditVerification } from './run-types';

export interface PartFigures {
  partId: string;
  code: string;
  allocationCzk: number;
  committedCzk: number;
  /** max(0, committed − allocation): must be 0. */
  overspendCzk: number;
  /** The approval decisions' amounts of the part's applications. */
  awardsCzk: number;
  /** The adopted resolutions' approved lines of the part. */
  linesApprovedCzk: number;
}

export interface ResolutionVerification {
  parts: PartFigures[];
  overspendCzk: number;
  /** The call's applications by status. */
  statuses: Record<string, number>;
  decisions: { approved: number; rejected: number; approvedCzk: number };
  auditEvents: Record<string, number>;
  problems: string[];
  ledger: LedgerCheckBody & { seconds: number };
  audit: AuditVerification;
  letters: LettersVerification;
}

const n = (x: string | number | null | undefined): number => Number(x ?? 0);

/**
 * The adopted resolutions against the database (as the owner): every part's
 * commitments within its allocation and equal to its awards and to the
 * approved lines; one decision, status, letter and audit event per line; the
 * resolution.adopted events; the API's ledger check, the audit chain, and
 * every letter's PDF (letters-verify.ts).
 */
export async function verifyResolution(
  db: OwnerDatabase,
  client: JsonClient,
  callId: string,
  adoptions: readonly Adoption[],
  tokens: { budget: string; admin: string },
): Promise<ResolutionVerification> {
  const problems: string[] = [];
  const lines = adoptions.flatMap((a) => a.view.lines);
  const approvedLines = lines.filter((l) => l.outcome === 'approved');
  const rejectedLines = lines.filter((l) => l.outcome === 'rejected');
  const parts: { id: string; code: string; allocation: string; committed: string; awards: string }[] = await db.query(
    `SELECT cp.id, cp.code, cp.allocation_czk AS allocation, cp.committed_czk AS committed,
            COALESCE((SELECT sum(d.amount_czk) FROM decision d JOIN application a ON a.id = d.application_id
                       WHERE a.call_part_id = cp.id AND d.outcome = 'approved'), 0) AS awards
       FROM call_part cp WHERE cp.call_id = $1 ORDER BY cp.code`,
    [callId],
  );
  const figures = parts.map((p) => {
    const linesApprovedCzk = approvedLines.filter((l) => l.partId === p.id).reduce((s, l) => s + (l.amountCzk ?? 0), 0);
    const f: PartFigures = {
      partId: p.id,
      code: p.code,
      allocationCzk: n(p.allocation),
      committedCzk: n(p.committed),
      overspendCzk: Math.max(0, n(p.committed) - n(p.allocation)),
      awardsCzk: n(p.awards),
      linesApprovedCzk,
    };
    if (f.committedCzk !== f.awardsCzk || f.awardsCzk !== f.linesApprovedCzk) {
      problems.push(`part ${f.code}: committed CZK ${f.committedCzk}, awards CZK ${f.awardsCzk}, approved lines CZK ${f.linesApprovedCzk}`);
    }
    return f;
  });
  const overspendCzk = figures.reduce((s, f) => s + f.overspendCzk, 0);
  if (overspendCzk > 0) problems.push(`overspend CZK ${overspendCzk}`);

  const statusRows: { status: string; n: string }[] = await db.query('SELECT status, count(*) AS n FROM application WHERE call_id = $1 GROUP BY status', [callId]);
  const statuses = Object.fromEntries(statusRows.map((r) => [r.status, n(r.n)]));
  if ((statuses.approved ?? 0) !== approvedLines.length) problems.push(`${statuses.approved ?? 0} applications approved, ${approvedLines.length} approved lines`);
  if ((statuses.rejected ?? 0) !== rejectedLines.length) problems.push(`${statuses.rejected ?? 0} applications rejected, ${rejectedLines.length} rejected lines`);

  const [decisions]: { approved: string; rejected: string; approved_czk: string }[] = await db.query(
    `SELECT count(*) FILTER (WHERE d.outcome = 'approved') AS approved, count(*) FILTER (WHERE d.outcome = 'rejected') AS rejected,
            COALESCE(sum(d.amount_czk) FILTER (WHERE d.outcome = 'approved'), 0) AS approved_czk
       FROM decision d JOIN application a ON a.id = d.application_id WHERE a.call_id = $1`,
    [callId],
  );
  if (n(decisions.approved) !== approvedLines.length || n(decisions.rejected) !== rejectedLines.length) {
    problems.push(`${decisions.approved} approval and ${decisions.rejected} rejection decisions for ${approvedLines.length} and ${rejectedLines.length} lines`);
  }
  const withoutLetter = [...approvedLines, ...rejectedLines].filter((l) => !l.letterId).length;
  if (withoutLetter) problems.push(`${withoutLetter} approved or rejected lines of the adopted resolutions carry no letterId`);

  const auditRows: { action: string; n: string }[] = await db.query(
    `SELECT action, count(*) AS n FROM audit_event
      WHERE action IN ('application.approved', 'application.rejected', 'resolution.drafted', 'resolution.adopted') GROUP BY action`,
  );
  const auditEvents = Object.fromEntries(auditRows.map((r) => [r.action, n(r.n)]));
  const expectEvents = (action: string, count: number) => {
    if ((auditEvents[action] ?? 0) !== count) problems.push(`${auditEvents[action] ?? 0} ${action} audit events, expected ${count}`);
  };
  expectEvents('application.approved', approvedLines.length);
  expectEvents('application.rejected', rejectedLines.length);
  expectEvents('resolution.adopted', adoptions.length);
  expectEvents('resolution.drafted', adoptions.length);
  for (const a of adoptions) if (!a.replay.same) problems.push(`adopting ${a.resolutionId} again with the same Idempotency-Key answered ${a.replay.status}, not the same adoption`);

  const ledger = await ledgerCheck(client, tokens.budget);
  if (!ledger.ok) problems.push(`GET /ledger/check: ok=false (${ledger.unbalancedTransactions.length} unbalanced, ${ledger.parts.length} part and ${ledger.applications.length} application mismatches)`);
  const audit = await verifyAuditChain(client, tokens.admin);
  if (!audit.ok) problems.push(`GET /audit/verify: ok=false, first broken ${audit.firstBrokenEventId}`);
  const letters = await verifyLetters(db, client, tokens.admin, approvedLines.length + rejectedLines.length, approvedLines.length);
  problems.push(...letters.problems);

  return {
    parts: figures,
    overspendCzk,
    statuses,
    decisions: { approved: n(decisions.approved), rejected: n(decisions.rejected), approvedCzk: n(decisions.approved_czk) },
    auditEvents,
    problems,
    ledger,
    audit,
    letters,
  };
}
