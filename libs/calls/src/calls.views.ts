import type { OrganisationKind } from '@app/identity';
import { deriveCallPhase, type CallPhase, type RankingMethod } from './domain/call.rules';
import type { CallEntity } from './call.entity';
import type { ProgrammeEntity } from './programme.entity';

export interface ProgrammeView {
  id: string;
  code: string;
  name: string;
  year: number;
  appropriationCzk: number;
  createdAt: string;
}

export interface CallView {
  id: string;
  programmeId: string;
  programmeCode: string;
  year: number;
  title: string;
  status: CallPhase;
  announcedOn: string;
  submissionOpensAt: string;
  submissionClosesAt: string;
  decisionDueOn: string;
  settlementDueOn: string;
  eligibleApplicantKinds: OrganisationKind[];
  eligibleMeasureCodes: string[];
  maxApplicationsPerOrganisation: number;
  minScore: number;
  quorum: number;
  maxRequestShareOfCostsPct: number;
  rankingMethod: RankingMethod;
  totalAllocationCzk: number;
  parts: { code: string; name: string; allocationCzk: number; minRequestCzk: number; maxRequestCzk: number }[];
  criteria: { code: string; name: string; maxPoints: number }[];
}

export interface CommissionView {
  callId: string;
  /** The chair first, then by name. */
  members: { userId: string; fullName: string; email: string; chair: boolean }[];
}

export function toProgrammeView(p: ProgrammeEntity): ProgrammeView {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    year: p.year,
    appropriationCzk: p.appropriationCzk,
    createdAt: p.createdAt.toISOString(),
  };
}

/** `call` must be loaded with its programme, parts and criteria. */
export function toCallView(call: CallEntity, now: Date): CallView {
  const parts = [...(call.parts ?? [])].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const criteria = [...(call.criteria ?? [])].sort((a, b) => a.position - b.position);
  return {
    id: call.id,
    programmeId: call.programmeId,
    programmeCode: call.programme?.code ?? '',
    year: call.programme?.year ?? 0,
    title: call.title,
    status: deriveCallPhase(call, now),
    announcedOn: call.announcedOn,
    submissionOpensAt: call.submissionOpensAt.toISOString(),
    submissionClosesAt: call.submissionClosesAt.toISOString(),
    decisionDueOn: call.decisionDueOn,
    settlementDueOn: call.settlementDueOn,
    eligibleApplicantKinds: call.eligibleApplicantKinds,
    eligibleMeasureCodes: call.eligibleMeasureCodes,
    maxApplicationsPerOrganisation: call.maxApplicationsPerOrganisation,
    minScore: call.minScore,
    quorum: call.quorum,
    maxRequestShareOfCostsPct: call.maxRequestShareOfCostsPct,
    rankingMethod: call.rankingMethod,
    totalAllocationCzk: parts.reduce((sum, p) => sum + p.allocationCzk, 0),
    parts: parts.map((p) => ({
      code: p.code,
      name: p.name,
      allocationCzk: p.allocationCzk,
      minRequestCzk: p.minRequestCzk,
      maxRequestCzk: p.maxRequestCzk,
    })),
    criteria: criteria.map((c) => ({ code: c.code, name: c.name, maxPoints: c.maxPoints })),
  };
}
