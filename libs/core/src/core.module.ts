import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AuditTrail } from './audit/audit-trail.service';
import { AuthGuard } from './auth/auth.guard';
import { TokenService } from './auth/token.service';
import { Clock, SystemClock } from './clock/clock';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import type { SchemaParts } from './database/data-source-options';
import { DatabaseModule } from './database/database.module';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { RedisModule } from './redis/redis.module';

/** Cross-cutting services every feature uses: config, database, Redis, clock, auth, audit, idempotency. */
@Module({})
export class CoreModule {
  /**
   * `entities`: every library's entities, composed by the app (migrations/schema.ts).
   * The API always runs on the system clock. Only the demo seed passes a clock
   * of its own, to write the demo call's history (announced weeks ago).
   */
  static forRoot(options: Pick<SchemaParts, 'entities'> & { clock?: Clock }): DynamicModule {
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
        TokenService,
        AuditTrail,
        IdempotencyStore,
        IdempotencyInterceptor,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [Clock, TokenService, AuditTrail, IdempotencyStore, IdempotencyInterceptor, JwtModule],
    };
  }
}
