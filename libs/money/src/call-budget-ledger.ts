import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CallBudgetLedger } from '@app/calls';
import { pragueDate } from '@app/core';
import { allocationEntries, appropriationEntries, budgetMeasureEntries } from './domain/ledger';
import { LedgerWriter } from './ledger-writer.repository';

/** The ledger postings of a programme's budget and a call's allocations (calls' port, money's ledger). */
@Injectable()
export class MoneyCallBudgetLedger extends CallBudgetLedger {
  constructor(private readonly ledger: LedgerWriter) {
    super();
  }

  async appropriated(manager: EntityManager, programme: { id: string; code: string; amountCzk: number }, by: string, at: Date): Promise<void> {
    const tx = appropriationEntries({
      id: randomUUID(),
      occurredOn: pragueDate(at),
      reference: `appropriation of ${programme.code}`,
      programmeId: programme.id,
      amountCzk: programme.amountCzk,
    });
    await this.ledger.post(manager, tx, { programmeId: programme.id }, by, at);
  }

  async budgetMeasure(manager: EntityManager, measure: { programmeId: string; reference: string; amountCzk: number }, by: string, at: Date): Promise<void> {
    const { programmeId, reference, amountCzk } = measure;
    const tx = budgetMeasureEntries({ id: randomUUID(), occurredOn: pragueDate(at), reference, programmeId, amountCzk });
    await this.ledger.post(manager, tx, { programmeId }, by, at);
  }

  async allocated(
    manager: EntityManager,
    allocation: { programmeId: string; callId: string; partId: string; partCode: string; amountCzk: number },
    by: string,
    at: Date,
  ): Promise<void> {
    const { programmeId, partId, amountCzk } = allocation;
    const tx = allocationEntries({
      id: randomUUID(),
      occurredOn: pragueDate(at),
      reference: `allocation of part ${allocation.partCode} of call ${allocation.callId}`,
      programmeId,
      partId,
      amountCzk,
    });
    await this.ledger.post(manager, tx, { programmeId, callPartId: partId }, by, at);
  }
}
