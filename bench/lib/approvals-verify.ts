import { performance } from 'node:perf_hooks';
import type { DecisionAnswer } from './approvals-phase';
import type { OwnerDatabase } from './database';
import { expectStatus, type JsonClient } from './http-client';
import { verifyAuditChain } from './ranking-verify';
import type { AuditVerification } from './run-types';
import { API } from './seed';

export interface LedgerCheckBody {
  ok: boolean;
  transactions: number;
  unbalancedTransactions: string[];
  parts: { partId: string; field: string; cachedCzk: number; ledgerCzk: number }[];
  applications: { applicationId: string; field: string; cachedCzk: number; ledgerCzk: number }[];
}

export interface PartMoney {
  allocationCzk: number;
  committedCzk: number;
  /** max(0, committed − allocation), committed_czk of the part row: must be 0. */
  overspendCzk: number;
  /**
   * The same of what was awarded: the approval decisions' amounts, and the
   * ledger's commitments. The part row's CHECK keeps committed_czk within the
   * allocation whatever happens; these show an approval that went through
   * without its commitment. Must be 0.
   */
  awardsOverspendCzk: number;
  ledgerOverspendCzk: number;
  availableCzk: number;
}

export interface ApprovalsVerification {
  part: PartMoney;
  /** Approval decisions of the part in the database, and the sum of their awards. */
  approvedDecisions: number;
  approvedDecisionsCzk: number;
  /** The part's applications by status, and the sum of awarded_czk. */
  statuses: Record<string, number>;
  awardedCzk: number;
  /** Rows the approvals wrote: approval letters, their outbox messages, status changes to approved, ledger commitments, audit events. */
  rows: { letters: number; outbox: number; statusChanges: number; ledgerCommitments: number; ledgerCommittedCzk: number; auditApproved: number };
  /** The smallest amount refused with 409: the allocation left must be below it, or a refusal was wrong. */
  smallestRefusedCzk: number | null;
  /** Everything that disagrees: the answers, the database, the ledger. Empty when all is well. */
  problems: string[];
  ledger: LedgerCheckBody & { seconds: number };
  audit: AuditVerification;
}

const n = (x: string | number | null | undefined): number => Number(x ?? 0);

/**
 * The answers against the database (read as the owner), the API's own ledger
 * check (as the Budget Department) and the audit chain (as the admin).
 */
export async function verifyApprovals(
  db: OwnerDatabase,
  client: JsonClient,
  partId: string,
  answers: readonly DecisionAnswer[],
  tokens: { budget: string; admin: string },
): Promise<ApprovalsVerification> {
  const problems: string[] = [];
  const [part]: { allocation: string; committed: string }[] = await db.query(
    'SELECT allocation_czk::text AS allocation, committed_czk::text AS committed FROM call_part WHERE id = $1',
    [partId],
  );
  const allocationCzk = n(part.allocation);
  const committedCzk = n(part.committed);

  const [decided]: { approved: string; approved_czk: string; all: string }[] = await db.query(
    `SELECT count(*) FILTER (WHERE d.outcome = 'approved') AS approved,
            COALESCE(sum(d.amount_czk) FILTER (WHERE d.outcome = 'approved'), 0)::text AS approved_czk,
            count(*) AS all
       FROM decision d JOIN application a ON a.id = d.application_id WHERE a.call_part_id = $1`,
    [partId],
  );
  const applications: { id: string; status: string; awarded: string }[] = await db.query(
    'SELECT id, status, awarded_czk::text AS awarded FROM application WHERE call_part_id = $1',
    [partId],
  );
  const [rows]: Record<'letters' | 'outbox' | 'status_changes' | 'commitments' | 'committed' | 'audit', string>[] = await db.query(
    `WITH apps AS (SELECT id FROM application WHERE call_part_id = $1),
          letters AS (SELECT l.id FROM letter l JOIN apps ON apps.id = l.application_id WHERE l.kind = 'approval')
     SELECT (SELECT count(*) FROM letters) AS letters,
            (SELECT count(*) FROM outbox_message o JOIN letters l ON l.id::text = o.payload->>'letterId') AS outbox,
            (SELECT count(*) FROM application_status_change c JOIN apps ON apps.id = c.application_id WHERE c.to_status = 'approved') AS status_changes,
            (SELECT count(*) FROM ledger_transaction t WHERE t.type = 'commitment' AND t.call_part_id = $1) AS commitments,
            (SELECT COALESCE(sum(e.amount_czk), 0)::text FROM ledger_transaction t JOIN ledger_entry e ON e.transaction_id = t.id
              WHERE t.type = 'commitment' AND t.call_part_id = $1 AND e.amount_czk > 0) AS committed,
            (SELECT count(*) FROM audit_event e JOIN apps ON apps.id::text = e.entity_id WHERE e.action = 'application.approved') AS audit`,
    [partId],
  );

  const counted = {
    letters: n(rows.letters),
    outbox: n(rows.outbox),
    statusChanges: n(rows.status_changes),
    ledgerCommitments: n(rows.commitments),
    ledgerCommittedCzk: n(rows.committed),
    auditApproved: n(rows.audit),
  };
  const money: PartMoney = {
    allocationCzk,
    committedCzk,
    overspendCzk: Math.max(0, committedCzk - allocationCzk),
    awardsOverspendCzk: Math.max(0, n(decided.approved_czk) - allocationCzk),
    ledgerOverspendCzk: Math.max(0, counted.ledgerCommittedCzk - allocationCzk),
    availableCzk: allocationCzk - committedCzk,
  };

  const approvedAnswers = answers.filter((a) => a.status === 201);
  const refusedAnswers = answers.filter((a) => a.status === 409 && a.code === 'ALLOCATION_EXCEEDED');
  const answeredCzk = approvedAnswers.reduce((s, a) => s + a.amountCzk, 0);
  const approvedDecisions = n(decided.approved);
  const approvedDecisionsCzk = n(decided.approved_czk);
  if (money.overspendCzk > 0) problems.push(`OVERSPENT: committed CZK ${committedCzk} > allocation CZK ${allocationCzk}`);
  if (money.awardsOverspendCzk > 0 || money.ledgerOverspendCzk > 0) {
    problems.push(
      `OVERSPENT: the approvals award CZK ${approvedDecisionsCzk} (ledger commitments CZK ${counted.ledgerCommittedCzk}) of an allocation of CZK ${allocationCzk}`,
    );
  }
  if (committedCzk !== approvedDecisionsCzk) problems.push(`committed_czk ${committedCzk} ≠ CZK ${approvedDecisionsCzk}, the sum of the approval decisions`);
  if (committedCzk !== answeredCzk) problems.push(`committed_czk ${committedCzk} ≠ CZK ${answeredCzk}, the sum of the 201 answers' awards`);
  if (approvedDecisions !== approvedAnswers.length || n(decided.all) !== approvedAnswers.length) {
    problems.push(`${decided.all} decisions (${approvedDecisions} approvals) in the database, ${approvedAnswers.length} answered 201`);
  }

  const byId = new Map(applications.map((a) => [a.id, a]));
  const statuses: Record<string, number> = {};
  for (const a of applications) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  let wrongApproved = 0;
  let wrongRefused = 0;
  for (const a of approvedAnswers) {
    const row = byId.get(a.applicationId);
    if (row?.status !== 'approved' || n(row.awarded) !== a.amountCzk) wrongApproved++;
  }
  for (const a of refusedAnswers) {
    const row = byId.get(a.applicationId);
    if (row?.status !== 'recommended' || n(row.awarded) !== 0) wrongRefused++;
  }
  if (wrongApproved) problems.push(`${wrongApproved} applications answered 201 are not approved with the award in the database`);
  if (wrongRefused) problems.push(`${wrongRefused} applications refused with 409 are not still recommended with nothing awarded`);
  if ((statuses.approved ?? 0) !== approvedAnswers.length) problems.push(`${statuses.approved ?? 0} applications approved, ${approvedAnswers.length} answered 201`);

  const smallestRefusedCzk = refusedAnswers.length ? Math.min(...refusedAnswers.map((a) => a.amountCzk)) : null;
  if (smallestRefusedCzk !== null && money.availableCzk >= smallestRefusedCzk) {
    problems.push(`CZK ${money.availableCzk} is left, yet CZK ${smallestRefusedCzk} was refused with ALLOCATION_EXCEEDED`);
  }
  for (const [name, count] of Object.entries(counted)) {
    if (name !== 'ledgerCommittedCzk' && count !== approvedAnswers.length) problems.push(`${count} ${name}, ${approvedAnswers.length} approvals`);
  }
  if (counted.ledgerCommittedCzk !== committedCzk) problems.push(`the ledger's commitments come to CZK ${counted.ledgerCommittedCzk}, committed_czk is ${committedCzk}`);

  const ledger = await ledgerCheck(client, tokens.budget);
  if (!ledger.ok) problems.push(`GET /ledger/check: ok=false (${ledger.unbalancedTransactions.length} unbalanced, ${ledger.parts.length} part and ${ledger.applications.length} application mismatches)`);
  const audit = await verifyAuditChain(client, tokens.admin);
  if (!audit.ok) problems.push(`GET /audit/verify: ok=false, first broken ${audit.firstBrokenEventId}`);

  return {
    part: money,
    approvedDecisions,
    approvedDecisionsCzk,
    statuses,
    awardedCzk: applications.reduce((s, a) => s + n(a.awarded), 0),
    rows: counted,
    smallestRefusedCzk,
    problems,
    ledger,
    audit,
  };
}

/** GET /ledger/check as the Budget Department. */
export async function ledgerCheck(client: JsonClient, budgetToken: string): Promise<LedgerCheckBody & { seconds: number }> {
  const started = performance.now();
  const res = await client.request<LedgerCheckBody>('GET', `${API}/ledger/check`, { token: budgetToken });
  return { ...expectStatus('GET /ledger/check', res, 200), seconds: (performance.now() - started) / 1000 };
}
