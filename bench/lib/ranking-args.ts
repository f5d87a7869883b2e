import { parseArgs } from 'node:util';
import { positiveInt } from './args';

export type SheetSeeding = 'http' | 'sql';

export interface RankingOptions {
  strict: boolean;
  profile: boolean;
  /** A fresh API process for the measured phases. */
  restartApi: boolean;
  organisations: number;
  draftsPerOrganisation: number;
  members: number;
  /** Concurrent clients while submitting, formally checking and scoring. */
  concurrency: number;
  seedConcurrency: number;
  /** How the declarations and score sheets get in: through the API, or inserted as the owner. */
  sheets: SheetSeeding;
  /** Seed of the pseudo-random points, amounts and parts. */
  seed: number;
  warmUp: number;
  /** Sequential GET /ranking requests, for part 1 and again for the whole call. */
  requests: number;
  clients: number;
  concurrentRequests: number;
  memberRequests: number;
  proposals: number;
  /** Sequential GET /ranking requests after the funding proposals. */
  afterRequests: number;
  baselineSeconds: number;
  databaseUrl: string;
  redisUrl: string;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/prague_grants_bench_ranking';

export const RANKING_USAGE = `usage: node dist/bench/ranking.bench.js [options]

  --strict                     exit 1 when a performance target is missed (default: report only)
  --profile                    also count and time the API's SQL statements per request and write
                               CPU profiles of the API (ranking, funding proposal) to bench/results/
  --restart-api                restart the API between seeding and the measured phases (tells what seeding,
                               argon2 hashing above all, leaves in its memory from what the ranking needs)
  --organisations N            applicant organisations (default 200)
  --drafts-per-organisation N  applications each organisation submits (default 10)
  --members N                  members of the DOT Commission, each scoring every application (default 9)
  --concurrency N              concurrent clients submitting, formally checking and scoring (default 32)
  --seed-concurrency N         concurrent registrations and logins while seeding (default 8)
  --sheets http|sql            declarations and score sheets through the API (default), or inserted
                               as the database owner (faster seeding; nothing else changes)
  --seed N                     seed of the pseudo-random points, amounts and parts (default 20271)
  --warm-up N                  unmeasured GET /ranking requests of each kind first (default 10)
  --requests N                 sequential GET /ranking requests, for part 1 and for the whole call (default 200)
  --clients N                  concurrent keep-alive clients of the concurrent ranking phase (default 8)
  --concurrent-requests N      requests of the concurrent ranking phase, part 1 and whole call alternating (default 400)
  --member-requests N          sequential GET /ranking requests as a commission member (default 50)
  --proposals N                sequential POST /funding-proposal runs (default 20)
  --after-requests N           sequential GET /ranking requests, whole call, after the proposals (default 50)
  --baseline-seconds N         how long the node:http baseline is hammered (default 5)

  DATABASE_URL (default ${DEFAULT_DATABASE_URL}) is dropped
  and recreated: its database name must contain "bench". REDIS_URL defaults to redis://127.0.0.1:6379.
  Experiments: PGOPTIONS and API_NODE_OPTIONS (NODE_OPTIONS of the API alone) are passed to the API.`;

export function parseRankingOptions(argv: readonly string[], env: NodeJS.ProcessEnv): RankingOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      strict: { type: 'boolean' },
      profile: { type: 'boolean' },
      'restart-api': { type: 'boolean' },
      organisations: { type: 'string' },
      'drafts-per-organisation': { type: 'string' },
      members: { type: 'string' },
      concurrency: { type: 'string' },
      'seed-concurrency': { type: 'string' },
      sheets: { type: 'string' },
      seed: { type: 'string' },
      'warm-up': { type: 'string' },
      requests: { type: 'string' },
      clients: { type: 'string' },
      'concurrent-requests': { type: 'string' },
      'member-requests': { type: 'string' },
      proposals: { type: 'string' },
      'after-requests': { type: 'string' },
      'baseline-seconds': { type: 'string' },
    },
  });
  if (values.help) return 'help';
  const sheets = values.sheets ?? 'http';
  if (sheets !== 'http' && sheets !== 'sql') throw new Error(`--sheets must be http or sql, got "${sheets}"`);
  const members = positiveInt('--members', values.members, 9);
  // The call's quorum is 3: fewer members could never make a score count.
  if (members < 3) throw new Error(`--members must be at least 3 (the call's quorum), got ${members}`);
  return {
    strict: values.strict ?? false,
    profile: values.profile ?? false,
    restartApi: values['restart-api'] ?? false,
    organisations: positiveInt('--organisations', values.organisations, 200),
    draftsPerOrganisation: positiveInt('--drafts-per-organisation', values['drafts-per-organisation'], 10),
    members,
    concurrency: positiveInt('--concurrency', values.concurrency, 32),
    seedConcurrency: positiveInt('--seed-concurrency', values['seed-concurrency'], 8),
    sheets,
    seed: positiveInt('--seed', values.seed, 20271),
    warmUp: positiveInt('--warm-up', values['warm-up'], 10),
    requests: positiveInt('--requests', values.requests, 200),
    clients: positiveInt('--clients', values.clients, 8),
    concurrentRequests: positiveInt('--concurrent-requests', values['concurrent-requests'], 400),
    memberRequests: positiveInt('--member-requests', values['member-requests'], 50),
    proposals: positiveInt('--proposals', values.proposals, 20),
    afterRequests: positiveInt('--after-requests', values['after-requests'], 50),
    baselineSeconds: positiveInt('--baseline-seconds', values['baseline-seconds'], 5),
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
  };
}
