import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { ApplicationsModule } from '@app/applications';
import { CallsModule } from '@app/calls';
import { AppConfig, CoreModule, RedisEvictionCheck, UnmatchedRequests } from '@app/core';
import { EvaluationModule } from '@app/evaluation';
import { IdentityModule } from '@app/identity';
import { LettersModule } from '@app/letters';
import { MoneyModule, MoneyPortsModule } from '@app/money';
import { PolicyModule } from '@app/policy';
import { ApplicationsController } from './applications/applications.controller';
import { AuditController } from './audit/audit.controller';
import { ERROR_STATUSES } from './common/error-codes';
import { CallsController } from './calls/calls.controller';
import { ProgrammesController } from './calls/programmes.controller';
import { ApplicationEvaluationController } from './evaluation/application-evaluation.controller';
import { RankingController } from './evaluation/ranking.controller';
import { HealthController } from './health/health.controller';
import { LettersController } from './letters/letters.controller';
import { QueueDashboardModule } from './letters/queue-dashboard.module';
import { ApplicationMoneyController } from './money/application-money.controller';
import { BudgetController } from './money/budget.controller';
import { AuthController } from './identity/auth.controller';
import { UsersController } from './identity/users.controller';
import { loggerParams } from './logging';
import { PolicyController } from './policy/policy.controller';
import { ReportsController } from './reports/reports.controller';
import { ENTITIES } from '../../../migrations/schema';

@Module({
  imports: [
    CoreModule.forRoot({ entities: ENTITIES, http: { errorStatuses: ERROR_STATUSES } }),
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => loggerParams(config.get('LOG_LEVEL')) }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [{ name: 'default', ttl: 60_000, limit: config.get('AUTH_THROTTLE_LIMIT') }],
    }),
    TerminusModule,
    IdentityModule,
    PolicyModule,
    CallsModule,
    ApplicationsModule,
    EvaluationModule,
    MoneyModule,
    MoneyPortsModule,
    LettersModule,
    QueueDashboardModule,
  ],
  controllers: [
    HealthController,
    AuthController,
    UsersController,
    PolicyController,
    ProgrammesController,
    CallsController,
    ApplicationsController,
    ApplicationEvaluationController,
    RankingController,
    ApplicationMoneyController,
    BudgetController,
    ReportsController,
    AuditController,
    LettersController,
  ],
  providers: [RedisEvictionCheck, UnmatchedRequests],
})
export class ApiModule {}
