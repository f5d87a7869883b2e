import { Module } from '@nestjs/common';
import { LedgerWriter } from './ledger-writer.repository';

/** The ledger's writer, for every part of money that posts (calls' appropriations and allocations through MoneyPortsModule). */
@Module({ providers: [LedgerWriter], exports: [LedgerWriter] })
export class LedgerModule {}
