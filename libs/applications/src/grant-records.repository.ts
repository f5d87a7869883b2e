import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toSafeNumber } from '@app/core';
import type { GrantRecords } from './applications.views';

/**
 * Reads an application's contract and settlement, which the money library's
 * services write (grant_contract, settlement): the application's view shows
 * them as they are, without any rule of its own.
 */
@Injectable()
export class GrantRecordsRepository {
  /** Both in one statement; null where there is none yet. Does not check who may read them: the caller does. */
  async recordsOf(manager: EntityManager, applicationId: string): Promise<GrantRecords> {
    const [r]: {
      contract: {
        contractNumber: string;
        signedOn: string;
        bankAccount: string;
        amountCzk: string;
        settlementDueOn: string;
        publicationDueOn: string | null;
        publishedOn: string | null;
        url: string | null;
      } | null;
      settlement: {
        spentCzk: string;
        lines: { category: string; spentCzk: number }[];
        report: string;
        submittedAt: string;
        acceptedCzk: string | null;
        returnDueCzk: string | null;
        returnDueOn: string | null;
        unspentCzk: string | null;
        refusedCzk: string | null;
        remedyDueOn: string | null;
        reviewNote: string | null;
        reviewedAt: string | null;
      } | null;
    }[] = await manager.query(
      `SELECT (SELECT json_build_object('contractNumber', k.contract_number, 'signedOn', k.signed_on::text, 'bankAccount', k.bank_account,
                                        'amountCzk', k.amount_czk::text, 'settlementDueOn', k.settlement_due_on::text,
                                        'publicationDueOn', k.publication_due_on::text,
                                        'publishedOn', k.published_on::text, 'url', k.publication_url)
                 FROM grant_contract k WHERE k.application_id = $1) AS contract,
              (SELECT json_build_object('spentCzk', s.spent_czk::text, 'lines', s.lines, 'report', s.report, 'submittedAt', s.submitted_at,
                                        'acceptedCzk', s.accepted_czk::text, 'returnDueCzk', s.return_due_czk::text,
                                        'returnDueOn', s.return_due_on::text, 'unspentCzk', s.unspent_czk::text, 'refusedCzk', s.refused_czk::text,
                                        'remedyDueOn', s.remedy_due_on::text,
                                        'reviewNote', s.review_note, 'reviewedAt', s.reviewed_at)
                 FROM settlement s WHERE s.application_id = $1) AS settlement`,
      [applicationId],
    );
    const { contract, settlement } = r;
    return {
      contract: contract ? { ...contract, amountCzk: toSafeNumber(contract.amountCzk) } : null,
      settlement: settlement
        ? {
            ...settlement,
            spentCzk: toSafeNumber(settlement.spentCzk),
            submittedAt: new Date(settlement.submittedAt).toISOString(),
            acceptedCzk: settlement.acceptedCzk === null ? null : toSafeNumber(settlement.acceptedCzk),
            returnDueCzk: settlement.returnDueCzk === null ? null : toSafeNumber(settlement.returnDueCzk),
            unspentCzk: settlement.unspentCzk === null ? null : toSafeNumber(settlement.unspentCzk),
            refusedCzk: settlement.refusedCzk === null ? null : toSafeNumber(settlement.refusedCzk),
            reviewedAt: settlement.reviewedAt === null ? null : new Date(settlement.reviewedAt).toISOString(),
          }
        : null,
    };
  }
}
