import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AuditEventsRepository } from './audit/audit-events.repository';
import { AuditTrail } from './audit/audit-trail.service';
import { DatabaseHealthRepository } from './database/database-health.repository';
import { AuthGuard } from './auth/auth.guard';
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
    const http = options.http ? servingHttp(options.http.errorStatuses) : { providers: [], exports: [] };
    return {
      module: CoreModule,
      global: true,
      imports: [
        AppConfigModule.forRoot(),
        DatabaseModule.forRoot(options),
        RedisModule,
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
      providers: [
        options.clock ? { provide: Clock, useValue: options.clock } : { provide: Clock, useClass: SystemClock },
        // Identity's login issues tokens wherever it runs (the demo seed too); the guard reads them.
        TokenService,
        AuditEventsRepository,
        AuditTrail,
        ...http.providers,
      ],
      exports: [Clock, TokenService, AuditTrail, JwtModule, ...http.exports],
    };
  }
}

/** What only an app serving HTTP needs. */
function servingHttp(errorStatuses: ErrorStatusTable<ErrorCode>): { providers: Provider[]; exports: Provider[] } {
  return {
    providers: [
      { provide: ErrorStatuses, useValue: new ErrorStatuses(errorStatuses) },
      IdempotencyRepository,
      IdempotencyInterceptor,
      // The readiness check (/health/ready).
      DatabaseHealthRepository,
      { provide: APP_GUARD, useClass: AuthGuard },
    ],
    exports: [ErrorStatuses, IdempotencyRepository, IdempotencyInterceptor, DatabaseHealthRepository],
  };
}
