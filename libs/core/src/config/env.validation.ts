import { resolve } from 'node:path';
import { jwtSecretWeakness } from './secret-strength';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/** Five cron fields (minute hour day-of-month month day-of-week) of digits, *, ranges, lists and steps. */
const CRON_PATTERN = /^\s*[\d*][\d*,/-]*(\s+[\d*][\d*,/-]*){4}\s*$/;

/** Every environment variable the processes read, validated at boot. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+\/[^/?]+/, { message: 'DATABASE_URL must be postgres://user@host:port/database' })
  DATABASE_URL!: string;

  /** Connections of one API process. Small is faster on few cores: waiting in the pool is cheaper than in PostgreSQL's lock queues. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 6;

  @IsString()
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'DATABASE_APP_USER must be a plain lower-case role name' })
  DATABASE_APP_USER = 'prague_grants_app';

  @IsOptional()
  @IsString()
  DATABASE_APP_PASSWORD?: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be redis://host:port' })
  REDIS_URL!: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  /**
   * Lifetime of an access token (and of the portal's session cookie): at most
   * 12 hours, a working day. Disabling a user, a role change or a password
   * change cut a user's tokens at once anyway (the token version).
   */
  @Transform(toInt)
  @IsInt()
  @Min(60, { message: 'JWT_TTL_SECONDS must be at least 60' })
  @Max(43_200, { message: 'JWT_TTL_SECONDS must be at most 43200 (12 hours)' })
  JWT_TTL_SECONDS = 3600;

  /**
   * The browser session cookie (`pg_session`) carries `Secure`: sent over
   * HTTPS only. Defaults to true when NODE_ENV is production, else false
   * (the demo runs on http://localhost).
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'COOKIE_SECURE must be true or false' })
  COOKIE_SECURE?: boolean;

  /**
   * The web portal's production build (index.html and assets/), served at `/`.
   * Relative to the working directory (made absolute at boot). A missing
   * folder is allowed: the API then serves the API alone.
   */
  @IsString()
  @MinLength(1, { message: 'WEB_ROOT must be a folder path' })
  WEB_ROOT = 'dist/web';

  @IsOptional()
  @IsEmail({}, { message: 'BOOTSTRAP_ADMIN_EMAIL must be an email address' })
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** Express "trust proxy": `false`, a hop count, or `loopback` etc. behind a reverse proxy. */
  @Matches(/^(false|true|loopback|linklocal|uniquelocal|\d+|[0-9a-fA-F.:/, ]+)$/, {
    message: 'TRUST_PROXY must be false, true, a hop count, loopback/linklocal/uniquelocal, or addresses',
  })
  TRUST_PROXY = 'false';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_THROTTLE_LIMIT = 60;

  /** Registrations a minute from one client address (each hashes a password and writes an organisation). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTER_THROTTLE_LIMIT = 10;

  /** Requests a minute by one caller to each public read (calls, policy measures, the 360Giving export). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PUBLIC_THROTTLE_LIMIT = 300;

  /**
   * Failed logins of one email from one address in a minute after which that
   * pair is refused (429) for the rest of the minute. From other addresses
   * the email is only slowed down (a growing delay), never refused.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 10;

  /**
   * Failed logins from one address in a minute, whatever the emails, after
   * which the address is refused for the rest of the minute. Higher than the
   * per-email limit: an office behind one address shares it.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1, { message: 'LOGIN_ADDRESS_MAX_FAILURES must be a positive integer' })
  LOGIN_ADDRESS_MAX_FAILURES = 50;

  /**
   * The most the City Council may award one recipient (IČO) in a calendar
   * year (resolutions from 2024 on); above it only the Assembly decides.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  COUNCIL_THRESHOLD_CZK = 1_000_000;

  /** Key prefix of the BullMQ queues in Redis (one Redis can serve several installations or test runs). */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'QUEUE_PREFIX must be 1–64 letters, digits, - or _' })
  QUEUE_PREFIX = 'prague-grants';

  /** Folder with letters/ (wording) and fonts/ (embedded Czech font); default: templates/ of the installation. */
  @IsOptional()
  @IsString()
  TEMPLATES_DIR?: string;

  /** Letters one worker process renders at once (rendering is CPU-bound; more only overlaps database and Redis waits). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  LETTER_CONCURRENCY = 4;

  /** First retry delay of a failed rendering; doubles for each of the 5 attempts. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  LETTER_BACKOFF_MS = 2000;

  /** How long a worker owns a job without renewing it; a job of a killed worker runs again after this. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  LETTER_LOCK_MS = 30_000;

  /**
   * A letter still queued this long after its hand-over is checked against
   * the queue; when Redis no longer has its job (Redis lost its data), the
   * job is added again.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  LETTER_RESCUE_AFTER_MS = 300_000;

  /** How often the outbox relay looks for letters to hand to the queue. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 250;

  /**
   * How long an `Idempotency-Key` holds its first answer (a retry within it
   * replays the answer); the worker's retention job then deletes the key.
   * At least 24 hours (Stripe's semantics, the API's documented promise).
   */
  @Transform(toInt)
  @IsInt()
  @Min(24, { message: 'IDEMPOTENCY_RETENTION_HOURS must be at least 24' })
  @Max(24 * 366)
  IDEMPOTENCY_RETENTION_HOURS = 24;

  /**
   * Days an outbox message is kept after its hand-over to the queue; the
   * worker's retention job then deletes it (never one of a letter still
   * queued: the lost-job rescue reads them).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1, { message: 'OUTBOX_RETENTION_DAYS must be at least 1' })
  @Max(3660)
  OUTBOX_RETENTION_DAYS = 30;

  /** When the worker deletes old outbox messages and expired idempotency keys: a cron pattern in Europe/Prague time. */
  @Matches(CRON_PATTERN, { message: 'RETENTION_CRON must be a cron pattern of 5 fields, e.g. 30 2 * * *' })
  RETENTION_CRON = '30 2 * * *';

  /** When the worker writes the audit chain's checkpoint (head hash, count, time): a cron pattern in Europe/Prague time. */
  @Matches(CRON_PATTERN, { message: 'AUDIT_CHECKPOINT_CRON must be a cron pattern of 5 fields, e.g. 0 2 * * *' })
  AUDIT_CHECKPOINT_CRON = '0 2 * * *';
}

export interface EnvironmentOptions {
  /**
   * Whether the process issues or checks access tokens (default true: the
   * API, the demo seed). The letters worker does neither: it needs no
   * JWT_SECRET, and one set in its environment is not kept.
   */
  accessTokens?: boolean;
}

/** Used by ConfigModule: stops the process with every wrong variable named. */
export function validateEnvironment(raw: Record<string, unknown>, options: EnvironmentOptions = {}): EnvironmentVariables {
  const accessTokens = options.accessTokens ?? true;
  const env = plainToInstance(EnvironmentVariables, accessTokens ? raw : { ...raw, JWT_SECRET: undefined }, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false }).filter(
    (e) => accessTokens || e.property !== 'JWT_SECRET',
  );
  if (errors.length > 0) {
    const lines = errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map((m) => `  - ${e.property}: ${m}`),
    );
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const weakness = accessTokens && env.NODE_ENV === 'production' ? jwtSecretWeakness(env.JWT_SECRET) : null;
  if (weakness) {
    throw new Error(
      `Invalid environment configuration:\n  - JWT_SECRET: not for production: ${weakness} (generate one, e.g. openssl rand -base64 48)`,
    );
  }
  if (Boolean(env.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(env.BOOTSTRAP_ADMIN_PASSWORD)) {
    throw new Error(
      'Invalid environment configuration:\n  - BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together',
    );
  }
  env.COOKIE_SECURE ??= env.NODE_ENV === 'production';
  env.WEB_ROOT = resolve(env.WEB_ROOT);
  return env;
}
