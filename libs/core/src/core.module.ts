import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AuditCheckpoints } from './audit/audit-checkpoints.service';
import { AuditCheckpointsRepository } from './audit/audit-checkpoints.repository';
import { AuditEventsRepository } from './audit/audit-events.repository';
import { AuditTrail } from './audit/audit-trail.service';
import { DatabaseHealthRepository } from './database/database-health.repository';
import { AuthGuard } from './auth/auth.guard';
import { Authenticator } from './auth/authenticator';
import { TokenVersionCache, TokenVersions } from './auth/token-versions';
import { TokenService } from './auth/token.service';
import { Clock, SystemClock } from './clock/clock';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import type { SchemaParts } from './database/data-source-options';
import { DatabaseModule } from './database/database.module';
import type { ErrorCode, ErrorStatusTable } from './errors/error-code';
import { ErrorStatuses } from './errors/error-status';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { RedisModule } from './redis/redis.module';

export interface CoreOptions extends Pick<SchemaParts, 'entities'> {
  /**
   * The API always runs on the system clock. Only the demo seed passes a clock
   * of its own, to write the demo call's history (announced weeks ago).
   */
  clock?: Clock;
  /**
   * For the app that serves HTTP (the API): the auth guard on every route,
   * idempotent replays, and the status of every error code for the problem
   * details (the app composes it from core's table and each feature's). The
   * worker and the demo seed serve no HTTP and leave it out.
   */
  http?: { errorStatuses: ErrorStatusTable<ErrorCode> };
  /**
   * Whether the app issues or checks access tokens (default true). The
   * worker does neither: `false` leaves out the signing key and TokenService,
   * so it starts without JWT_SECRET (an app serving HTTP needs them).
   */
  accessTokens?: boolean;
}

/**
 * Cross-cutting services every app composes: config, database, Redis, clock,
 * access tokens, audit; with `http`, also authentication of every route,
 * idempotency and the problem details' statuses.
 */
@Module({})
export class CoreModule {
  /** `entities`: every library's entities, composed by the app (migrations/schema.ts). */
  static forRoot(options: CoreOptions): DynamicModule {
    const accessTokens = options.accessTokens ?? true;
    if (options.http && !accessTokens) throw new Error('CoreModule: an app serving HTTP checks access tokens (accessTokens: false is for the worker)');
    const http = options.http ? servingHttp(options.http.errorStatuses) : { providers: [], exports: [] };
    const tokens = accessTokens ? issuingTokens() : { imports: [], providers: [], exports: [] };
    return {
      module: CoreModule,
      global: true,
      imports: [AppConfigModule.forRoot({ accessTokens }), DatabaseModule.forRoot(options), RedisModule, ...tokens.imports],
      providers: [
        options.clock ? { provide: Clock, useValue: options.clock } : { provide: Clock, useClass: SystemClock },
        ...tokens.providers,
        // Identity refreshes it when it bumps a user's token version (wherever it runs).
        TokenVersionCache,
        AuditEventsRepository,
        AuditTrail,
        AuditCheckpointsRepository,
        AuditCheckpoints,
        // The API claims keys; the worker's retention job purges the expired ones.
        IdempotencyRepository,
        ...http.providers,
      ],
      exports: [Clock, TokenVersionCache, AuditTrail, AuditCheckpoints, IdempotencyRepository, ...tokens.exports, ...http.exports],
    };
  }
}

/** The signing key (JWT_SECRET) and TokenService: identity's login issues tokens wherever it runs (the demo seed too); the guard reads them. */
function issuingTokens(): { imports: DynamicModule[]; providers: Provider[]; exports: (Provider | DynamicModule)[] } {
  return {
    imports: [
      JwtModule.registerAsync({
        inject: [AppConfig],
        useFactory: (config: AppConfig) => ({
          // A KeyObject, not a string: jsonwebtoken otherwise tries (and fails) to parse
          // the string as a public key on every verification, a measurable cost per request.
          secret: createSecretKey(Buffer.from(config.get('JWT_SECRET'), 'utf8')),
          signOptions: { expiresIn: config.get('JWT_TTL_SECONDS'), algorithm: 'HS256' },
        }),
      }),
    ],
    providers: [TokenService],
    exports: [TokenService, JwtModule],
  };
}

/** What only an app serving HTTP needs. */
function servingHttp(errorStatuses: ErrorStatusTable<ErrorCode>): { providers: Provider[]; exports: Provider[] } {
  return {
    providers: [
      { provide: ErrorStatuses, useValue: new ErrorStatuses(errorStatuses) },
      IdempotencyInterceptor,
      // The readiness check (/health/ready).
      DatabaseHealthRepository,
      // Token versions are read through identity's TokenVersionSource (the app imports IdentityPortsModule).
      TokenVersions,
      Authenticator,
      { provide: APP_GUARD, useClass: AuthGuard },
    ],
    exports: [ErrorStatuses, IdempotencyInterceptor, DatabaseHealthRepository, Authenticator],
  };
}
