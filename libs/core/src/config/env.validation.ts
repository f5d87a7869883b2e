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

  @Transform(toInt)
  @IsInt()
  @Min(60)
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

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 10;

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
}

/** Used by ConfigModule: stops the process with every wrong variable named. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map((m) => `  - ${e.property}: ${m}`),
    );
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const weakness = env.NODE_ENV === 'production' ? jwtSecretWeakness(env.JWT_SECRET) : null;
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
