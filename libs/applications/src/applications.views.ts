import type { ApplicationBudgetLineEntity } from './application-budget-line.entity';
import type { ApplicationStatusChangeEntity } from './application-status-change.entity';
import type { ApplicationEntity } from './application.entity';
import type { FormalCheckEntity } from './formal-check.entity';
import type { ApplicationStatus } from './domain/application-status';

export interface ApplicationSummaryView {
  id: string;
  callId: string;
  partCode: string;
  organisationId: string;
  status: ApplicationStatus;
  title: string;
  requestedCzk: number;
  totalCostCzk: number;
  referenceNumber: string | null;
  submittedAt: string | null;
  /** Last day (Prague) to re-submit after a request for correction; null otherwise. */
  correctionDueOn: string | null;
  /** The commission's funding proposal, once made. */
  proposedCzk: number | null;
  /** The money of the grant: awarded (after releases), paid out, returned, and claimed back but not yet returned. */
  money: { awardedCzk: number; paidCzk: number; returnedCzk: number; returnDueCzk: number };
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationView extends ApplicationSummaryView {
  summary: string;
  justification: string;
  primaryMeasureCode: string;
  measureCodes: string[];
  targetGroups: string[];
  districts: string[];
  startDate: string;
  endDate: string;
  otherFundingCzk: number;
  contactPerson: { name: string; email: string; phone: string };
  budgetLines: { category: string; description: string; totalCzk: number; requestedCzk: number }[];
  statusHistory: { from: ApplicationStatus | null; to: ApplicationStatus; at: string; by: string | null; reason: string | null }[];
  formalChecks: FormalCheckView[];
  /** The signed contract, once there is one. */
  contract: ContractRecordView | null;
  /** The recipient's settlement and the officer's review of it, once submitted. */
  settlement: SettlementRecordView | null;
}

export interface ContractRecordView {
  contractNumber: string;
  signedOn: string;
  bankAccount: string;
  amountCzk: number;
  /** The settlement deadline (the call's, unless the contract sets or an amendment changes it): the unspent money is due by it. */
  settlementDueOn: string;
  /** Over CZK 50,000: the last day to publish it in the register of contracts. */
  publicationDueOn: string | null;
  publishedOn: string | null;
  /** Where it is published. */
  url: string | null;
}

export interface SettlementRecordView {
  spentCzk: number;
  lines: { category: string; spentCzk: number }[];
  report: string;
  submittedAt: string;
  acceptedCzk: number | null;
  returnDueCzk: number | null;
  returnDueOn: string | null;
  /** paid − spent at the review: due by the contract's settlement deadline. */
  unspentCzk: number | null;
  /** spent − accepted: due by the remedy deadline the review set. */
  refusedCzk: number | null;
  remedyDueOn: string | null;
  reviewNote: string | null;
  reviewedAt: string | null;
}

export interface GrantRecords {
  contract: ContractRecordView | null;
  settlement: SettlementRecordView | null;
}

export interface FormalCheckView {
  result: FormalCheckEntity['result'];
  reasons: string[];
  correctionDueOn: string | null;
  checkedAt: string;
  checkedBy: string;
}

/** `app.callPart` must be loaded. */
export function toSummaryView(app: ApplicationEntity): ApplicationSummaryView {
  return {
    id: app.id,
    callId: app.callId,
    partCode: app.callPart?.code ?? '',
    organisationId: app.organisationId,
    status: app.status,
    title: app.title,
    requestedCzk: app.requestedCzk,
    totalCostCzk: app.totalCostCzk,
    referenceNumber: app.referenceNumber,
    submittedAt: app.submittedAt?.toISOString() ?? null,
    correctionDueOn: app.correctionDueOn,
    proposedCzk: app.proposedCzk,
    money: { awardedCzk: app.awardedCzk, paidCzk: app.paidCzk, returnedCzk: app.returnedCzk, returnDueCzk: app.returnDueCzk },
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
  };
}

export function toApplicationView(
  app: ApplicationEntity,
  lines: readonly ApplicationBudgetLineEntity[],
  history: readonly ApplicationStatusChangeEntity[],
  checks: readonly FormalCheckEntity[],
  records: GrantRecords,
): ApplicationView {
  return {
    ...toSummaryView(app),
    summary: app.summary,
    justification: app.justification,
    primaryMeasureCode: app.primaryMeasureCode,
    measureCodes: app.measureCodes,
    targetGroups: app.targetGroups,
    districts: app.districts,
    startDate: app.startDate,
    endDate: app.endDate,
    otherFundingCzk: app.otherFundingCzk,
    contactPerson: { name: app.contactName, email: app.contactEmail, phone: app.contactPhone },
    budgetLines: [...lines]
      .sort((a, b) => a.position - b.position)
      .map((l) => ({ category: l.category, description: l.description, totalCzk: l.totalCzk, requestedCzk: l.requestedCzk })),
    statusHistory: history.map((h) => ({
      from: h.fromStatus,
      to: h.toStatus,
      at: h.changedAt.toISOString(),
      by: h.changedBy,
      reason: h.reason,
    })),
    formalChecks: checks.map((c) => ({
      result: c.result,
      reasons: c.reasons,
      correctionDueOn: c.correctionDueOn,
      checkedAt: c.checkedAt.toISOString(),
      checkedBy: c.checkedBy,
    })),
    contract: records.contract,
    settlement: records.settlement,
  };
}
