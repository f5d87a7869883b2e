import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { ApplicationsModule } from '@app/applications';
import { CallsModule } from '@app/calls';
import { AppConfig, CoreModule, RedisClient, RedisEvictionCheck, UnmatchedRequests } from '@app/core';
import { EvaluationModule, EvaluationPortsModule } from '@app/evaluation';
import { IdentityModule, IdentityPortsModule } from '@app/identity';
import { LettersModule } from '@app/letters';
import { MoneyModule, MoneyPortsModule } from '@app/money';
import { PolicyModule } from '@app/policy';
import { ResolutionAdoptionModule, ResolutionsModule } from '@app/resolutions';
import { ApplicationsController } from './applications/applications.controller';
import { AuditController } from './audit/audit.controller';
import { ERROR_STATUSES } from './common/error-codes';
import { rateLimitOptions } from './common/rate-limits';
import { CallsController } from './calls/calls.controller';
import { ProgrammesController } from './calls/programmes.controller';
import { ApplicationEvaluationController } from './evaluation/application-evaluation.controller';
import { CommissionMinutesController } from './evaluation/commission-minutes.controller';
import { RankingController } from './evaluation/ranking.controller';
import { HealthController } from './health/health.controller';
import { LettersController } from './letters/letters.controller';
import { QueueDashboardModule } from './letters/queue-dashboard.module';
import { ApplicationMoneyController } from './money/application-money.controller';
import { BudgetController } from './money/budget.controller';
import { AuthController } from './identity/auth.controller';
import { BankAccountsController } from './identity/bank-accounts.controller';
import { UsersController } from './identity/users.controller';
import { loggerParams } from './logging';
import { PolicyController } from './policy/policy.controller';
import { ReportsController } from './reports/reports.controller';
import { CallResolutionsController } from './resolutions/call-resolutions.controller';
import { ResolutionDraftsController } from './resolutions/resolution-drafts.controller';
import { ResolutionAdoptionController } from './resolutions/resolution-adoption.controller';
import { ResolutionAnnexController } from './resolutions/resolution-annex.controller';
import { ENTITIES } from '../../../migrations/schema';

@Module({
  imports: [
    CoreModule.forRoot({ entities: ENTITIES, http: { errorStatuses: ERROR_STATUSES } }),
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => loggerParams(config.get('LOG_LEVEL')) }),
    // Counted in Redis, shared by every API instance (see RateLimited).
    ThrottlerModule.forRootAsync({ inject: [AppConfig, RedisClient], useFactory: rateLimitOptions }),
    TerminusModule,
    IdentityModule,
    IdentityPortsModule,
    PolicyModule,
    CallsModule,
    ApplicationsModule,
    EvaluationModule,
    EvaluationPortsModule,
    MoneyModule,
    MoneyPortsModule,
    LettersModule,
    ResolutionsModule,
    ResolutionAdoptionModule,
    QueueDashboardModule,
  ],
  controllers: [
    HealthController,
    AuthController,
    UsersController,
    BankAccountsController,
    PolicyController,
    ProgrammesController,
    CallsController,
    ApplicationsController,
    ApplicationEvaluationController,
    RankingController,
    CommissionMinutesController,
    ApplicationMoneyController,
    BudgetController,
    CallResolutionsController,
    ResolutionDraftsController,
    ReportsController,
    AuditController,
    LettersController,
    ResolutionAdoptionController,
    ResolutionAnnexController,
  ],
  providers: [RedisEvictionCheck, UnmatchedRequests],
})
export class ApiModule {}
