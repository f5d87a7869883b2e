import { Module } from '@nestjs/common';
import { LedgerModule } from '@app/money/ledger.module';
import { PolicyModule } from '@app/policy/policy.module';
import { CallsService } from './calls.service';

@Module({ imports: [PolicyModule, LedgerModule], providers: [CallsService], exports: [CallsService] })
export class CallsModule {}
