import { Module } from '@nestjs/common';
import { LedgerModule } from '@app/money/ledger.module';
import { PolicyModule } from '@app/policy/policy.module';
import { CallsService } from './calls.service';
import { ProgrammesRepository } from './programmes.repository';

@Module({ imports: [PolicyModule, LedgerModule], providers: [CallsService, ProgrammesRepository], exports: [CallsService] })
export class CallsModule {}
