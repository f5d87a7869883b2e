import { performance } from 'node:perf_hooks';
import type { ApprovalsOptions } from './approvals-args';
import type { DecisionTarget } from './approvals-phase';
import type { ApprovalsSeeded } from './approvals-results';
import {
  approvalsCall,
  approvalApplicationBody,
  approvalSheet,
  closeEvaluation,
  createBudgetUser,
  APPROVALS_PART_CODE,
  type ApprovalsPlan,
} from './approvals-seed';
import { seconds } from './bench-main';
import type { OwnerDatabase } from './database';
import { JsonClient } from './http-client';
import { closeClients, createClients, type LoadResult } from './load';
import type { ApiProcess } from './processes';
import type { SeedingStep } from './ranking-results';
import { createCommission, formallyCheckAll, scoreOverHttp, scoreWithSql, sheetJobs, throwOnFailures } from './ranking-seed';
import { postProposal } from './ranking-verify';
import { fmt } from './report';
import type { Secrets } from './run-types';
import { createAnnouncedCall, createDrafts, createOfficer, login, registerApplicants } from './seed';
import { summarise } from './stats';
import { submitAll } from './submit-phase';

/** What seeding recommended applications needs to know (bench:approvals' and bench:letters' options share these). */
export type RecommendedSeeding = Pick<
  ApprovalsOptions,
  'organisations' | 'draftsPerOrganisation' | 'members' | 'concurrency' | 'seedConcurrency' | 'sheets' | 'seed'
>;

function seedingStep(load: LoadResult, requestsPerJob = 1): SeedingStep {
  return {
    requests: load.requests * requestsPerJob,
    seconds: load.elapsedMs / 1000,
    perSecond: (load.requests * requestsPerJob) / (load.elapsedMs / 1000),
    latency: summarise(load.latenciesMs),
  };
}

/**
 * Through the API (two SQL shortcuts: the window moved, and with --sheets sql the
 * sheets inserted): an officer, an announced call with the plan's one part,
 * `plan.applications` drafts submitted, formally checked and scored by the
 * commission, the evaluation closed with every application recommended, a
 * Budget Department user; then VACUUM ANALYZE.
 */
export async function seedRecommended(api: ApiProcess, options: RecommendedSeeding, plan: ApprovalsPlan, db: OwnerDatabase, secrets: Secrets): Promise<ApprovalsSeeded> {
  console.log('==> seeding through the API');
  const client = new JsonClient(api.origin, Math.max(options.concurrency, options.seedConcurrency));
  const clients = createClients(api.origin, options.concurrency);
  const times: Record<string, number> = {};
  const step = async <T>(name: string, label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    times[name] = seconds(started);
    console.log(`    ${label.padEnd(88)} ${fmt(times[name])} s`);
    return value;
  };
  try {
    const started = performance.now();
    const adminToken = await step('admin', 'admin logs in', () => login(client, secrets.admin));
    const officerToken = await step('officer', 'admin creates the officer, who logs in', () => createOfficer(client, adminToken, secrets.password));
    const call = await step('call', 'officer creates programme and call (one part: requests ÷ oversubscription), announces it', () =>
      createAnnouncedCall(client, officerToken, options.draftsPerOrganisation, approvalsCall(plan)),
    );
    await step('openWindow', 'window opened by SQL (one UPDATE as the owner)', () => db.openWindowNow(call.callId));
    const applicants = await step(
      'registrations',
      `${options.organisations} organisations register and log in (concurrency ${options.seedConcurrency})`,
      () => registerApplicants(client, options.organisations, options.seedConcurrency, secrets.password),
    );
    const count = plan.applications;
    const drafts = await step('drafts', `${count} drafts created, requests CZK 35,000–87,500 (concurrency ${options.concurrency})`, () =>
      createDrafts(client, call, applicants, options.draftsPerOrganisation, options.concurrency, (n) => approvalApplicationBody(call, n, options.seed)),
    );
    const submitted = await step('submits', `${count} submitted (${options.concurrency} clients)`, () => submitAll(clients, drafts));
    throwOnFailures('submits', submitted.load);
    await step('closeWindow', 'window closed by SQL (one UPDATE as the owner)', () => db.closeWindowNow(call.callId));
    const checked = await step('formalChecks', `${count} formally checked as eligible (${options.concurrency} clients)`, () =>
      formallyCheckAll(clients, officerToken, drafts),
    );
    throwOnFailures('formal checks', checked);
    const members = await step('commission', `admin creates ${options.members} commission members, who log in; officer sets the commission`, () =>
      createCommission(client, adminToken, officerToken, call.callId, options.members, secrets.password),
    );
    const jobs = sheetJobs(
      members,
      drafts.map((d) => d.id),
    );
    let sheetsOverHttp: SeedingStep | null = null;
    if (options.sheets === 'http') {
      const scored = await step('sheets', `${jobs.length} declarations + ${jobs.length} score sheets (57–95 points) through the API`, () =>
        scoreOverHttp(clients, jobs, options.seed, (job) => approvalSheet(options.seed, job)),
      );
      throwOnFailures('declarations and score sheets', scored);
      sheetsOverHttp = seedingStep(scored, 2);
    } else {
      await step('sheets', `${jobs.length} declarations + ${jobs.length} score sheets inserted with SQL as the owner`, () =>
        scoreWithSql(db, call.callId, jobs, options.seed, (job) => approvalSheet(options.seed, job)),
      );
    }
    const proposal = await step('proposal', 'officer proposes funding down the ranking (POST funding-proposal)', () =>
      postProposal(client, call.callId, officerToken),
    );
    await step('close', `officer closes the evaluation: ${count} recommended (POST close-evaluation)`, () =>
      closeEvaluation(client, call.callId, officerToken, count),
    );
    const budgetToken = await step('budget', 'admin creates a Budget Department user, who logs in', () => createBudgetUser(client, adminToken, secrets.password));
    await step('vacuum', 'VACUUM ANALYZE as the owner (what autovacuum would have done by now)', () => db.query('VACUUM ANALYZE'));
    times.total = seconds(started);

    const { partId, targets } = await decisionTargets(db, call.callId, drafts.map((d) => d.id), plan);
    const submits = seedingStep(submitted.load);
    const formalChecks = seedingStep(checked);
    console.log(
      `    submits ${fmt(submits.perSecond)}/s, formal checks ${fmt(formalChecks.perSecond)}/s` +
        (sheetsOverHttp ? `, declarations + sheets ${fmt(sheetsOverHttp.perSecond)} requests/s` : ''),
    );
    console.log(`    seeding took ${fmt(times.total)} s`);
    return {
      call,
      partId,
      plan,
      targets,
      members: members.length,
      adminToken,
      officerToken,
      budgetToken,
      proposedCzk: proposal.parts.reduce((s, p) => s + p.proposedCzk, 0),
      seconds: times,
      submits,
      formalChecks,
      sheetsOverHttp,
    };
  } finally {
    client.close();
    closeClients(clients);
  }
}

/** The part and the applications to decide, in the order they were created (organisations in turn), checked against the plan. */
async function decisionTargets(
  db: OwnerDatabase,
  callId: string,
  ids: readonly string[],
  plan: ApprovalsPlan,
): Promise<{ partId: string; targets: DecisionTarget[] }> {
  const [part]: { id: string }[] = await db.query('SELECT id FROM call_part WHERE call_id = $1 AND code = $2', [callId, APPROVALS_PART_CODE]);
  const rows: { id: string; status: string; requested: string; proposed: string | null }[] = await db.query(
    'SELECT id, status, requested_czk::text AS requested, proposed_czk::text AS proposed FROM application WHERE call_id = $1',
    [callId],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const targets = ids.map((applicationId, i) => {
    const row = byId.get(applicationId);
    if (row?.status !== 'recommended') throw new Error(`application ${applicationId} is ${row?.status ?? 'missing'}, not recommended`);
    if (Number(row.requested) !== plan.requests[i]) throw new Error(`application ${applicationId} requests ${row.requested}, the plan says ${plan.requests[i]}`);
    return { applicationId, n: i + 1, requestedCzk: plan.requests[i], proposedCzk: row.proposed === null ? 0 : Number(row.proposed) };
  });
  return { partId: part.id, targets };
}
