import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, DomainError, pragueDate } from '@app/core';
import { debtsOfSettlement, findAnomalies, type Anomaly, type ApplicationMoneyFacts } from './domain/reconciliation';
import { policyBreakdown, reconcilePart, type PartReconciliation, type PolicyBreakdown } from './domain/reports';
import { FUNDER_NAME, toThreeSixtyGivingGrant, toThreeSixtyGivingPackage, type ThreeSixtyGivingPackage } from './domain/three-sixty-giving';
import { ReportsRepository, type AwardRow, type DisbursementRow, type MoneyFactRow, type ReportedCall } from './reports.repository';
import { ThreeSixtyGivingCache } from './three-sixty-giving.cache';

export interface DisbursementReport {
  callId: string | null;
  items: DisbursementRow[];
}

export interface ReconciliationReport {
  callId: string | null;
  /** The Prague date the deadlines were judged on. */
  asOf: string;
  parts: (PartReconciliation & { callId: string; name: string })[];
  anomalies: Anomaly[];
}

export interface PolicyReport extends PolicyBreakdown {
  callId: string | null;
}

/**
 * The Budget Department's and the NMF division's reports and the public
 * 360Giving export. Read-only: every report reads one consistent snapshot
 * (REPEATABLE READ, READ ONLY) with a few statements, and the rules that
 * judge the figures are the pure functions of ./domain.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReportsRepository,
    private readonly clock: Clock,
    private readonly threeSixtyGivingCache: ThreeSixtyGivingCache,
  ) {}

  async disbursements(callId?: string): Promise<DisbursementReport> {
    return this.snapshot(callId, async (manager, call) => ({
      callId: call?.id ?? null,
      items: await this.repository.disbursements(manager, call?.id ?? null),
    }));
  }

  async reconciliation(callId?: string): Promise<ReconciliationReport> {
    const today = pragueDate(this.clock.now());
    return this.snapshot(callId, async (manager, call) => {
      const id = call?.id ?? null;
      const parts = await this.repository.partBalances(manager, id);
      const facts = await this.repository.moneyFacts(manager, id);
      return {
        callId: id,
        asOf: today,
        parts: parts.map((p) => ({ callId: p.callId, name: p.name, ...reconcilePart(p) })),
        anomalies: findAnomalies(facts.map(toMoneyFacts), today),
      };
    });
  }

  async policy(callId?: string): Promise<PolicyReport> {
    return this.snapshot(callId, async (manager, call) => {
      const awards = await this.repository.awards(manager, call?.id ?? null);
      return {
        callId: call?.id ?? null,
        ...policyBreakdown(
          awards.map((a) => ({
            applicationId: a.applicationId,
            awardedCzk: a.awardedCzk,
            primaryMeasure: {
              code: a.measure.code,
              text: a.measure.text,
              position: a.measure.position,
              priority: { number: a.measure.priorityNumber, name: a.measure.priorityName },
              subArea: { letter: a.measure.subAreaLetter, name: a.measure.subAreaName },
            },
            targetGroups: a.targetGroups,
            districts: a.districts,
          })),
        ),
      };
    });
  }

  /**
   * The awarded grants as a 360Giving package. The standard has no valid
   * empty package, so a call (or a system) without awards yet is 404.
   * Cached until the next audited change (ThreeSixtyGivingCache).
   */
  async threeSixtyGiving(callId?: string): Promise<ThreeSixtyGivingPackage> {
    return this.snapshot(callId, async (manager, call) => {
      const key = ThreeSixtyGivingCache.key(call?.id ?? null, await this.repository.auditHead(manager));
      const cached = await this.threeSixtyGivingCache.get(key);
      if (cached) return cached;
      const built = await this.buildThreeSixtyGiving(manager, call);
      await this.threeSixtyGivingCache.set(key, built);
      return built;
    });
  }

  private async buildThreeSixtyGiving(manager: EntityManager, call: ReportedCall | null): Promise<ThreeSixtyGivingPackage> {
    const awards = await this.repository.awards(manager, call?.id ?? null);
    if (awards.length === 0) {
      throw new DomainError(
        'NOT_FOUND',
        call === null
          ? 'No grants have been awarded yet: a 360Giving package needs at least one grant.'
          : 'No grants have been awarded in this call yet: a 360Giving package needs at least one grant.',
      );
    }
    const modified = awards.reduce((latest, a) => (a.updatedAt > latest ? a.updatedAt : latest), awards[0].updatedAt);
    return toThreeSixtyGivingPackage(awards.map(toAwardedGrant), {
      title: call ? `${FUNDER_NAME}: ${call.title} (${call.programmeCode})` : `${FUNDER_NAME}: awarded grants`,
      modified: modified.toISOString(),
    });
  }

  /**
   * Runs `read` on one read-only snapshot, with the named call (404 unless it
   * is an announced call), or null for all announced calls.
   */
  private snapshot<T>(callId: string | undefined, read: (manager: EntityManager, call: ReportedCall | null) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await this.repository.readOnly(manager);
      const call = callId === undefined ? null : await this.repository.findCall(manager, callId);
      if (callId !== undefined && !call) throw new DomainError('NOT_FOUND', 'No such call.');
      return read(manager, call);
    });
  }
}

function toMoneyFacts(r: MoneyFactRow): ApplicationMoneyFacts {
  return {
    applicationId: r.applicationId,
    referenceNumber: r.referenceNumber,
    awardCzk: r.awardCzk,
    contract: r.contract,
    payments: r.payments,
    settlementDueOn: r.settlementDueOn,
    settlementSubmittedOn: r.settlementSubmittedAt === null ? null : pragueDate(r.settlementSubmittedAt),
    debts: r.settlement ? debtsOfSettlement({ ...r.settlement, paidCzk: r.payments.reduce((sum, p) => sum + p.amountCzk, 0), settlementDueOn: r.settlementDueOn }) : [],
    returns: r.returns,
    registeredAccounts: r.registeredAccounts,
  };
}

function toAwardedGrant(a: AwardRow) {
  return toThreeSixtyGivingGrant({
    referenceNumber: a.referenceNumber,
    title: a.title,
    description: a.summary,
    requestedCzk: a.requestedCzk,
    awardedCzk: a.awardedCzk,
    paidCzk: a.paidCzk,
    returnedCzk: a.returnedCzk,
    awardDate: a.resolutionDate,
    startDate: a.startDate,
    endDate: a.endDate,
    recipient: {
      ico: a.organisation.ico,
      name: a.organisation.name,
      address: { street: a.organisation.street, city: a.organisation.city, postalCode: a.organisation.postalCode },
    },
    programme: { code: a.programme.code, title: a.programme.name },
    primaryMeasure: { code: a.measure.code, title: a.measure.text },
    districts: a.districts,
    dateModified: a.updatedAt.toISOString(),
  });
}
