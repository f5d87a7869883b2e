import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { IdentityModule, RegisteredAccountsModule } from '@app/identity';
import { LettersModule } from '@app/letters';
import { ContractsRepository } from './contracts.repository';
import { ContractsService } from './contracts.service';
import { DecisionRepository } from './decision.repository';
import { DecisionsService } from './decisions.service';
import { LedgerModule } from './ledger.module';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { MoneyRepository } from './money.repository';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { ReversalsService } from './reversals.service';
import { ReturnsService } from './returns.service';
import { SettlementPenalties } from './settlement-penalties';
import { SettlementReviewService } from './settlement-review.service';
import { SettlementsRepository } from './settlements.repository';
import { SettlementsService } from './settlements.service';
import { StaffConflicts } from './staff-conflicts';
import { ThreeSixtyGivingCache } from './three-sixty-giving.cache';

@Module({
  imports: [ApplicationsModule, IdentityModule, LedgerModule, LettersModule, RegisteredAccountsModule],
  providers: [
    MoneyRepository,
    DecisionRepository,
    DecisionsService,
    ContractsRepository,
    ContractsService,
    PaymentsRepository,
    PaymentsService,
    SettlementsRepository,
    SettlementsService,
    SettlementReviewService,
    StaffConflicts,
    SettlementPenalties,
    ReturnsService,
    LedgerRepository,
    LedgerService,
    ReversalsService,
    ReportsRepository,
    ReportsService,
    ThreeSixtyGivingCache,
  ],
  exports: [DecisionsService, ContractsService, PaymentsService, SettlementsService, SettlementReviewService, ReturnsService, LedgerService, ReversalsService, ReportsService],
})
export class MoneyModule {}
