import { parseArgs } from 'node:util';

export interface BenchOptions {
  strict: boolean;
  profile: boolean;
  idempotencyKeys: boolean;
  organisations: number;
  draftsPerOrganisation: number;
  concurrency: number;
  seedConcurrency: number;
  baselineSeconds: number;
  databaseUrl: string;
  redisUrl: string;
}

export const USAGE = `usage: node dist/bench/submit.bench.js [options]

  --strict                     exit 1 when a performance target is missed (default: report only)
  --profile                    also count and time the API's SQL statements per submit
                               and write a CPU profile of the API to bench/results/
  --without-idempotency-keys   submit without the Idempotency-Key header (default: every submit sends one)
  --organisations N            applicant organisations (default 200)
  --drafts-per-organisation N  drafts each organisation submits (default 10)
  --concurrency N              concurrent keep-alive clients in the measured phase (default 32)
  --seed-concurrency N         concurrent registrations and logins while seeding (default 8)
  --baseline-seconds N         how long the node:http baseline is hammered (default 5)

  DATABASE_URL (default postgres://postgres@127.0.0.1:5432/prague_grants_bench) is dropped
  and recreated: its database name must contain "bench". REDIS_URL defaults to redis://127.0.0.1:6379.`;

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      strict: { type: 'boolean' },
      profile: { type: 'boolean' },
      'without-idempotency-keys': { type: 'boolean' },
      organisations: { type: 'string' },
      'drafts-per-organisation': { type: 'string' },
      concurrency: { type: 'string' },
      'seed-concurrency': { type: 'string' },
      'baseline-seconds': { type: 'string' },
    },
  });
  if (values.help) return 'help';
  return {
    strict: values.strict ?? false,
    profile: values.profile ?? false,
    idempotencyKeys: !(values['without-idempotency-keys'] ?? false),
    organisations: positiveInt('--organisations', values.organisations, 200),
    draftsPerOrganisation: positiveInt('--drafts-per-organisation', values['drafts-per-organisation'], 10),
    concurrency: positiveInt('--concurrency', values.concurrency, 32),
    seedConcurrency: positiveInt('--seed-concurrency', values['seed-concurrency'], 8),
    baselineSeconds: positiveInt('--baseline-seconds', values['baseline-seconds'], 5),
    databaseUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/prague_grants_bench',
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
  };
}

export function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}
