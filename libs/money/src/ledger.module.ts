import { Module } from '@nestjs/common';
import { LedgerWriter } from './ledger.writer';

/** The ledger's writer, for every module that moves money (calls book appropriations and allocations). */
@Module({ providers: [LedgerWriter], exports: [LedgerWriter] })
export class LedgerModule {}
