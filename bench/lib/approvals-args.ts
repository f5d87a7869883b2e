import { parseArgs } from 'node:util';
import { positiveInt } from './args';
import type { SheetSeeding } from './ranking-args';

export type ApprovingBodyOption = 'council' | 'assembly';

/** Which measurements of the bare conditional UPDATE: a node script with `pg` (always), pgbench (when installed). */
export type CeilingTools = 'node' | 'pgbench' | 'both';

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
  ceilingClients: number;
  ceilingSeconds: number;
  ceiling: CeilingTools;
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
  --ceiling node|pgbench|both  how the bare conditional UPDATE is measured: a node script with pg,
                               pgbench, or both (default: both when pgbench is installed, else node)
  --ceiling-clients N          concurrent connections of the SQL ceiling (default 32)
  --ceiling-seconds N          how long the SQL ceiling runs, after 1 s of warm-up (default 5)
  --baseline-seconds N         how long the node:http baseline is hammered (default 5)

  DATABASE_URL (default ${DEFAULT_DATABASE_URL}) is dropped
  and recreated: its database name must contain "bench". REDIS_URL defaults to redis://127.0.0.1:6379.
  Experiments: PGOPTIONS, DATABASE_POOL_SIZE and API_NODE_OPTIONS (NODE_OPTIONS of the API alone) are passed to the API.`;

export function parseApprovalsOptions(argv: readonly string[], env: NodeJS.ProcessEnv, pgbenchInstalled: boolean): ApprovalsOptions | 'help' {
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
      ceiling: { type: 'string' },
      'ceiling-clients': { type: 'string' },
      'ceiling-seconds': { type: 'string' },
      'baseline-seconds': { type: 'string' },
    },
  });
  if (values.help) return 'help';
  const sheets = values.sheets ?? 'http';
  if (sheets !== 'http' && sheets !== 'sql') throw new Error(`--sheets must be http or sql, got "${sheets}"`);
  const body = values.body ?? 'council';
  if (body !== 'council' && body !== 'assembly') throw new Error(`--body must be council or assembly, got "${body}"`);
  const ceiling = values.ceiling ?? (pgbenchInstalled ? 'both' : 'node');
  if (ceiling !== 'node' && ceiling !== 'pgbench' && ceiling !== 'both') throw new Error(`--ceiling must be node, pgbench or both, got "${ceiling}"`);
  if (ceiling !== 'node' && !pgbenchInstalled) throw new Error(`--ceiling ${ceiling}: pgbench is not installed (use --ceiling node)`);
  const members = positiveInt('--members', values.members, 3);
  // The call's quorum is 3: fewer members could never make a score count.
  if (members < 3) throw new Error(`--members must be at least 3 (the call's quorum), got ${members}`);
  const oversubscription = Number(values.oversubscription ?? '1.5');
  if (!Number.isFinite(oversubscription) || oversubscription <= 1) {
    throw new Error(`--oversubscription must be a number above 1 (the requests must not all fit), got "${values.oversubscription}"`);
  }
  return {
    strict: values.strict ?? false,
    profile: values.profile ?? false,
    organisations: positiveInt('--organisations', values.organisations, 200),
    draftsPerOrganisation: positiveInt('--drafts-per-organisation', values['drafts-per-organisation'], 10),
    members,
    oversubscription,
    body,
    clients: positiveInt('--clients', values.clients, 32),
    concurrency: positiveInt('--concurrency', values.concurrency, 32),
    seedConcurrency: positiveInt('--seed-concurrency', values['seed-concurrency'], 8),
    sheets,
    seed: positiveInt('--seed', values.seed, 20271),
    warmUp: values['warm-up'] === '0' ? 0 : positiveInt('--warm-up', values['warm-up'], 50),
    ceiling,
    ceilingClients: positiveInt('--ceiling-clients', values['ceiling-clients'], 32),
    ceilingSeconds: positiveInt('--ceiling-seconds', values['ceiling-seconds'], 5),
    baselineSeconds: positiveInt('--baseline-seconds', values['baseline-seconds'], 5),
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
  };
}
