import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
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
import { SettlementReviewService } from './settlement-review.service';
import { SettlementsRepository } from './settlements.repository';
import { SettlementsService } from './settlements.service';

@Module({
  imports: [ApplicationsModule, LedgerModule, LettersModule],
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
    ReturnsService,
    LedgerRepository,
    LedgerService,
    ReversalsService,
    ReportsRepository,
    ReportsService,
  ],
  exports: [DecisionsService, ContractsService, PaymentsService, SettlementsService, SettlementReviewService, ReturnsService, LedgerService, ReversalsService, ReportsService],
})
export class MoneyModule {}
