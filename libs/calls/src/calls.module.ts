import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { PolicyModule } from '@app/policy';
import { CallsService } from './calls.service';
import { ProgrammesRepository } from './programmes.repository';

@Module({})
export class CallsModule {
  /**
   * Calls with the module that provides its CallBudgetLedger (money's
   * CallBudgetLedgerModule): the app wires the ledger in, calls does not import money.
   */
  static withLedger(ledger: Type<unknown>): DynamicModule {
    return { module: CallsModule, imports: [PolicyModule, ledger], providers: [CallsService, ProgrammesRepository], exports: [CallsService] };
  }
}
