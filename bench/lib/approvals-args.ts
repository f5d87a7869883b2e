import { parseArgs } from 'node:util';
import { positiveInt } from './args';
import type { SheetSeeding } from './ranking-args';

export type ApprovingBodyOption = 'council' | 'assembly';

export interface ApprovalsOptions {
  strict: boolean;
  profile: boolean;
  organisations: number;
  draftsPerOrganisation: number;
  members: number;
  /** Sum of the requests ÷ the part's allocation. */
  oversubscription: number;
  /** Who approves: the Council (the amounts keep every IČO under its yearly limit) or the Assembly. */
  body: ApprovingBodyOption;
  /** Concurrent keep-alive clients of the measured phase. */
  clients: number;
  /** Concurrent clients while submitting, formally checking and scoring. */
  concurrency: number;
  seedConcurrency: number;
  sheets: SheetSeeding;
  seed: number;
  /** Unmeasured decision requests refused for a resolution date in the future (400) first. */
  warmUp: number;
  /** Connections of the ceiling's second replay (the decision's own statements with pg): the HTTP phase's clients unless told. */
  ceilingClients: number;
  baselineSeconds: number;
  databaseUrl: string;
  redisUrl: string;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/prague_grants_bench_approvals';

export const APPROVALS_USAGE = `usage: node dist/bench/approvals.bench.js [options]

  --strict                     exit 1 when a performance target is missed (default: report only)
  --profile                    also count and time the API's SQL statements per decision and write a
                               CPU profile of the API during the measured phase to bench/results/
  --organisations N            applicant organisations (default 200)
  --drafts-per-organisation N  applications each organisation submits (default 10)
  --members N                  members of the DOT Commission, each scoring every application (default 3, the quorum)
  --oversubscription X         sum of the requests ÷ the part's allocation (default 1.5)
  --body council|assembly      who approves (default council; the requests keep each IČO within the
                               Council's CZK 1,000,000 a year whichever of its applications are approved)
  --clients N                  concurrent keep-alive clients posting the decisions (default 32)
  --concurrency N              concurrent clients submitting, formally checking and scoring (default 32)
  --seed-concurrency N         concurrent registrations and logins while seeding (default 8)
  --sheets http|sql            declarations and score sheets through the API (default), or inserted
                               as the database owner (faster seeding)
  --seed N                     seed of the pseudo-random requests and points (default 20271)
  --warm-up N                  unmeasured decision requests dated tomorrow (refused, 400) first (default 50)
  --ceiling-clients N          concurrent pg connections of the ceiling's second replay (default: --clients,
                               as many as the HTTP clients; the first replay, the ratio's, uses the API's
                               pool size, DATABASE_POOL_SIZE or 6, at most this)
  --baseline-seconds N         how long the node:http baseline is hammered (default 5)

  DATABASE_URL (default ${DEFAULT_DATABASE_URL}) is dropped
  and recreated: its database name must contain "bench". REDIS_URL defaults to redis://127.0.0.1:6379.
  Experiments: PGOPTIONS, DATABASE_POOL_SIZE and API_NODE_OPTIONS (NODE_OPTIONS of the API alone) are passed to the API.`;

export function parseApprovalsOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ApprovalsOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      strict: { type: 'boolean' },
      profile: { type: 'boolean' },
      organisations: { type: 'string' },
      'drafts-per-organisation': { type: 'string' },
      members: { type: 'string' },
      oversubscription: { type: 'string' },
      body: { type: 'string' },
      clients: { type: 'string' },
      concurrency: { type: 'string' },
      'seed-concurrency': { type: 'string' },
      sheets: { type: 'string' },
      seed: { type: 'string' },
      'warm-up': { type: 'string' },
      'ceiling-clients': { type: 'string' },
      'baseline-seconds': { type: 'string' },
    },
  });
  if (values.help) return 'help';
  const sheets = values.sheets ?? 'http';
  if (sheets !== 'http' && sheets !== 'sql') throw new Error(`--sheets must be http or sql, got "${sheets}"`);
  const body = values.body ?? 'council';
  if (body !== 'council' && body !== 'assembly') throw new Error(`--body must be council or assembly, got "${body}"`);
  const members = positiveInt('--members', values.members, 3);
  // The call's quorum is 3: fewer members could never make a score count.
  if (members < 3) throw new Error(`--members must be at least 3 (the call's quorum), got ${members}`);
  const oversubscription = Number(values.oversubscription ?? '1.5');
  if (!Number.isFinite(oversubscription) || oversubscription <= 1) {
    throw new Error(`--oversubscription must be a number above 1 (the requests must not all fit), got "${values.oversubscription}"`);
  }
  const clients = positiveInt('--clients', values.clients, 32);
  return {
    strict: values.strict ?? false,
    profile: values.profile ?? false,
    organisations: positiveInt('--organisations', values.organisations, 200),
    draftsPerOrganisation: positiveInt('--drafts-per-organisation', values['drafts-per-organisation'], 10),
    members,
    oversubscription,
    body,
    clients,
    concurrency: positiveInt('--concurrency', values.concurrency, 32),
    seedConcurrency: positiveInt('--seed-concurrency', values['seed-concurrency'], 8),
    sheets,
    seed: positiveInt('--seed', values.seed, 20271),
    warmUp: values['warm-up'] === '0' ? 0 : positiveInt('--warm-up', values['warm-up'], 50),
    ceilingClients: positiveInt('--ceiling-clients', values['ceiling-clients'], clients),
    baselineSeconds: positiveInt('--baseline-seconds', values['baseline-seconds'], 5),
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
  };
}
