import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications/applications.module';
import { LettersModule } from '@app/letters/letters.module';
import { ApplicationDetailsService } from './application-details.service';
import { ContractsService } from './contracts.service';
import { DecisionsService } from './decisions.service';
import { GrantRecordsRepository } from './grant-records.repository';
import { LedgerModule } from './ledger.module';
import { LedgerService } from './ledger.service';
import { MoneyRepository } from './money.repository';
import { PaymentsService } from './payments.service';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { ReversalsService } from './reversals.service';
import { SettlementsService } from './settlements.service';

@Module({
  imports: [LedgerModule, LettersModule, ApplicationsModule],
  providers: [MoneyRepository, GrantRecordsRepository, ApplicationDetailsService, DecisionsService, ContractsService, PaymentsService, SettlementsService, LedgerService, ReversalsService, ReportsRepository, ReportsService],
  exports: [ApplicationDetailsService, DecisionsService, ContractsService, PaymentsService, SettlementsService, LedgerService, ReversalsService, ReportsService],
})
export class MoneyModule {}
