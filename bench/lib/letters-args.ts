import { parseArgs } from 'node:util';
import { positiveInt } from './args';
import type { RecommendedSeeding } from './recommended-seed';

export interface LettersOptions extends RecommendedSeeding {
  strict: boolean;
  /** The worker runs with --cpu-prof; its profile is summarised after it stops. */
  profile: boolean;
  /** Concurrent keep-alive clients approving. */
  clients: number;
  /** LETTER_CONCURRENCY of the worker; null: the worker's default. */
  letterConcurrency: number | null;
  /** Letters rendered in-process for each baseline (Helvetica, embedded font). */
  renderLetters: number;
  /** How long to wait for every letter to be ready or failed. */
  timeoutSeconds: number;
  databaseUrl: string;
  redisUrl: string;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/prague_grants_bench_letters';
/** The Council approves: ten applications of one organisation stay under its CZK 1,000,000 a year (see approvals-seed.ts). */
const DRAFTS_PER_ORGANISATION = 10;

export const LETTERS_USAGE = `usage: node dist/bench/letters.bench.js [options]

  --strict                     exit 1 when a performance target is missed (default: report only)
  --profile                    run the worker with --cpu-prof and summarise where its CPU time went
                               (the profiler slows it: take the figures from a run without it)
  --letters N                  recommended applications approved, one letter each; a multiple of ${DRAFTS_PER_ORGANISATION}
                               (${DRAFTS_PER_ORGANISATION} per organisation; default 1000)
  --clients N                  concurrent keep-alive clients approving (default 32)
  --letter-concurrency N       LETTER_CONCURRENCY of the worker (default: the worker's own default)
  --render-letters N           letters rendered in-process for each rendering baseline (default 300)
  --timeout-seconds N          how long to wait for every letter to be ready (default 300)
  --concurrency N              concurrent clients submitting, formally checking and scoring (default 32)
  --seed-concurrency N         concurrent registrations and logins while seeding (default 8)
  --sheets http|sql            declarations and score sheets through the API, or inserted as the
                               database owner (default sql: they are not what is measured)
  --members N                  commission members scoring every application (default 3, the quorum)
  --seed N                     seed of the pseudo-random requests and points (default 20271)

  DATABASE_URL (default ${DEFAULT_DATABASE_URL}) is dropped
  and recreated: its database name must contain "bench". REDIS_URL defaults to redis://127.0.0.1:6379;
  the run's queue keys live under their own QUEUE_PREFIX (bench-letters-<stamp>) and are deleted at the end.`;

export function parseLettersOptions(argv: readonly string[], env: NodeJS.ProcessEnv): LettersOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      strict: { type: 'boolean' },
      profile: { type: 'boolean' },
      letters: { type: 'string' },
      clients: { type: 'string' },
      'letter-concurrency': { type: 'string' },
      'render-letters': { type: 'string' },
      'timeout-seconds': { type: 'string' },
      concurrency: { type: 'string' },
      'seed-concurrency': { type: 'string' },
      sheets: { type: 'string' },
      members: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  if (values.help) return 'help';
  const letters = positiveInt('--letters', values.letters, 1000);
  if (letters % DRAFTS_PER_ORGANISATION !== 0) throw new Error(`--letters must be a multiple of ${DRAFTS_PER_ORGANISATION}, got ${letters}`);
  const sheets = values.sheets ?? 'sql';
  if (sheets !== 'http' && sheets !== 'sql') throw new Error(`--sheets must be http or sql, got "${sheets}"`);
  const members = positiveInt('--members', values.members, 3);
  if (members < 3) throw new Error(`--members must be at least 3 (the call's quorum), got ${members}`);
  return {
    strict: values.strict ?? false,
    profile: values.profile ?? false,
    organisations: letters / DRAFTS_PER_ORGANISATION,
    draftsPerOrganisation: DRAFTS_PER_ORGANISATION,
    members,
    clients: positiveInt('--clients', values.clients, 32),
    letterConcurrency: values['letter-concurrency'] === undefined ? null : positiveInt('--letter-concurrency', values['letter-concurrency'], 1),
    renderLetters: positiveInt('--render-letters', values['render-letters'], 300),
    timeoutSeconds: positiveInt('--timeout-seconds', values['timeout-seconds'], 300),
    concurrency: positiveInt('--concurrency', values.concurrency, 32),
    seedConcurrency: positiveInt('--seed-concurrency', values['seed-concurrency'], 8),
    sheets,
    seed: positiveInt('--seed', values.seed, 20271),
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
  };
}
