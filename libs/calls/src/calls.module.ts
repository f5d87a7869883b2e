import { Module } from '@nestjs/common';
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

/**
 * Programmes, budget measures, calls and their commissions. The ledger
 * postings go through calls' CallBudgetLedger port, which money provides
 * (MoneyPortsModule, imported once by each app): calls does not import money.
 * CallsRepository is exported for the one write another library makes to a
 * call: the close of its evaluation.
 */
@Module({
  imports: [PolicyModule],
  providers: [...SERVICES, ProgrammesRepository, CallsRepository, CommissionMembersRepository],
  exports: [...SERVICES, CallsRepository],
})
export class CallsModule {}
