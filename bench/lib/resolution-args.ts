import { parseArgs } from 'node:util';
import { positiveInt } from './args';
import type { RecommendedSeeding } from './recommended-seed';

export interface ResolutionOptions extends RecommendedSeeding {
  strict: boolean;
  /** Sum of the requests ÷ the part's allocation: the commission's proposal funds down the ranking, the rest are rejected lines. */
  oversubscription: number;
  /** How long to wait for every letter to be ready or failed after the adoption. */
  timeoutSeconds: number;
  databaseUrl: string;
  redisUrl: string;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/prague_grants_bench_resolution';

export const RESOLUTION_USAGE = `usage: node dist/bench/resolution.bench.js [options]

  --strict                     exit 1 when a performance target is missed (default: report only)
  --organisations N            applicant organisations (default 200)
  --drafts-per-organisation N  applications each organisation submits (default 10: 2,000 lines); every
                               IČO's requests together stay under the Council's CZK 1,000,000 a year,
                               so that every line stays with the Council (1 gives each line its own IČO)
  --oversubscription X         sum of the requests ÷ the part's allocation (default 1.5: the commission
                               proposes down the ranking, about a third of the lines are rejected)
  --members N                  members of the DOT Commission, each scoring every application (default 3)
  --concurrency N              concurrent clients submitting, formally checking and scoring (default 32)
  --seed-concurrency N         concurrent registrations and logins while seeding (default 8)
  --sheets http|sql            declarations and score sheets through the API, or inserted as the
                               database owner (default sql: they are not what is measured)
  --seed N                     seed of the pseudo-random requests and points (default 20271)
  --timeout-seconds N          how long to wait for every letter after the adoption (default 300)

  DATABASE_URL (default ${DEFAULT_DATABASE_URL}) is dropped
  and recreated: its database name must contain "bench". REDIS_URL defaults to redis://127.0.0.1:6379;
  the run's queue keys live under their own QUEUE_PREFIX (bench-resolution-<stamp>) and are deleted at the end.`;

export function parseResolutionOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ResolutionOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      strict: { type: 'boolean' },
      organisations: { type: 'string' },
      'drafts-per-organisation': { type: 'string' },
      oversubscription: { type: 'string' },
      members: { type: 'string' },
      concurrency: { type: 'string' },
      'seed-concurrency': { type: 'string' },
      sheets: { type: 'string' },
      seed: { type: 'string' },
      'timeout-seconds': { type: 'string' },
    },
  });
  if (values.help) return 'help';
  const sheets = values.sheets ?? 'sql';
  if (sheets !== 'http' && sheets !== 'sql') throw new Error(`--sheets must be http or sql, got "${sheets}"`);
  const members = positiveInt('--members', values.members, 3);
  // The call's quorum is 3: fewer members could never make a score count.
  if (members < 3) throw new Error(`--members must be at least 3 (the call's quorum), got ${members}`);
  const oversubscription = Number(values.oversubscription ?? '1.5');
  if (!Number.isFinite(oversubscription) || oversubscription < 1) {
    throw new Error(`--oversubscription must be a number of at least 1, got "${values.oversubscription}"`);
  }
  return {
    strict: values.strict ?? false,
    organisations: positiveInt('--organisations', values.organisations, 200),
    draftsPerOrganisation: positiveInt('--drafts-per-organisation', values['drafts-per-organisation'], 10),
    oversubscription,
    members,
    concurrency: positiveInt('--concurrency', values.concurrency, 32),
    seedConcurrency: positiveInt('--seed-concurrency', values['seed-concurrency'], 8),
    sheets,
    seed: positiveInt('--seed', values.seed, 20271),
    timeoutSeconds: positiveInt('--timeout-seconds', values['timeout-seconds'], 300),
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
  };
}
