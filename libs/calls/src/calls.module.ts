import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { PolicyModule } from '@app/policy';
import { BudgetMeasuresService } from './budget-measures.service';
import { CallAnnouncementService } from './call-announcement.service';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';
import { CommissionMembersRepository } from './commission-members.repository';
import { CommissionMembersService } from './commission-members.service';
import { ProgrammesRepository } from './programmes.repository';
import { ProgrammesService } from './programmes.service';

const SERVICES = [ProgrammesService, BudgetMeasuresService, CallsService, CallAnnouncementService, CommissionMembersService];

@Module({})
export class CallsModule {
  /**
   * Calls with the module that provides its CallBudgetLedger (money's
   * CallBudgetLedgerModule): the app wires the ledger in, calls does not import money.
   */
  static withLedger(ledger: Type<unknown>): DynamicModule {
    return {
      module: CallsModule,
      imports: [PolicyModule, ledger],
      providers: [...SERVICES, ProgrammesRepository, CallsRepository, CommissionMembersRepository],
      exports: SERVICES,
    };
  }
}
