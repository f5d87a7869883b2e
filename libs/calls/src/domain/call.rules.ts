import { addDays, daysBetween, isIsoDate, pragueDate, type Role, type Violation } from '@app/core/domain';
import { ORGANISATION_KINDS, type OrganisationKind } from '@app/identity/domain';

export type RankingMethod = 'average' | 'normalised';

export interface CallPartTerms {
  code: string;
  name: string;
  allocationCzk: number;
  minRequestCzk: number;
  maxRequestCzk: number;
}

export interface CallCriterionTerms {
  code: string;
  name: string;
  maxPoints: number;
}

export interface CallTerms {
  announcedOn: string;
  submissionOpensAt: Date;
  submissionClosesAt: Date;
  decisionDueOn: string;
  settlementDueOn: string;
  eligibleApplicantKinds: OrganisationKind[];
  eligibleMeasureCodes: string[];
  maxApplicationsPerOrganisation: number;
  minScore: number;
  quorum: number;
  maxRequestShareOfCostsPct: number;
  rankingMethod: RankingMethod;
  parts: CallPartTerms[];
  criteria: CallCriterionTerms[];
}

/** Act 250/2000 Coll. §10c: a call is published at least 30 days before submissions open. */
export const MIN_DAYS_FROM_ANNOUNCEMENT_TO_OPENING = 30;

const czk = (n: number): string => `CZK ${n.toLocaleString('en-US')}`;

const invalid = (field: string, message: string): Violation => ({ code: 'VALIDATION_FAILED', field, message });

const isValidInstant = (d: Date): boolean => d instanceof Date && !Number.isNaN(d.getTime());

/** Indexes of the second and later occurrences of a value. */
function duplicateIndexes<T>(values: readonly T[]): number[] {
  const seen = new Set<T>();
  const dups: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) dups.push(i);
    else seen.add(v);
  });
  return dups;
}

/** Every problem with the terms of a call, for create/update and again on announcement. */
export function checkCallTerms(terms: CallTerms, knownMeasureCodes: ReadonlySet<string>): Violation[] {
  const v: Violation[] = [];

  const opensOk = isValidInstant(terms.submissionOpensAt);
  const closesOk = isValidInstant(terms.submissionClosesAt);
  if (!opensOk) v.push(invalid('submissionOpensAt', 'The submission opening must be a valid date and time.'));
  if (!closesOk) v.push(invalid('submissionClosesAt', 'The submission closing must be a valid date and time.'));
  const announcedOk = isIsoDate(terms.announcedOn);
  const decisionOk = isIsoDate(terms.decisionDueOn);
  const settlementOk = isIsoDate(terms.settlementDueOn);
  if (!announcedOk) v.push(invalid('announcedOn', 'The announcement date must be a date (YYYY-MM-DD).'));
  if (!decisionOk) v.push(invalid('decisionDueOn', 'The decision deadline must be a date (YYYY-MM-DD).'));
  if (!settlementOk) v.push(invalid('settlementDueOn', 'The settlement deadline must be a date (YYYY-MM-DD).'));

  if (announcedOk && opensOk) {
    const opensOn = pragueDate(terms.submissionOpensAt);
    if (terms.announcedOn > opensOn) {
      v.push(invalid('announcedOn', `The call must be announced on or before the day submissions open (${opensOn}).`));
    }
  }
  if (opensOk && closesOk && terms.submissionOpensAt.getTime() >= terms.submissionClosesAt.getTime()) {
    v.push(invalid('submissionClosesAt', 'Submissions must close after they open.'));
  }
  if (closesOk && decisionOk) {
    const closesOn = pragueDate(terms.submissionClosesAt);
    if (terms.decisionDueOn < closesOn) {
      v.push(invalid('decisionDueOn', `The decision deadline cannot be before submissions close (${closesOn}).`));
    }
  }
  if (decisionOk && settlementOk && terms.settlementDueOn <= terms.decisionDueOn) {
    v.push(invalid('settlementDueOn', 'The settlement deadline must be after the decision deadline.'));
  }

  if (terms.eligibleApplicantKinds.length === 0) {
    v.push(invalid('eligibleApplicantKinds', 'At least one kind of applicant must be eligible.'));
  }
  terms.eligibleApplicantKinds.forEach((kind, i) => {
    if (!ORGANISATION_KINDS.includes(kind)) {
      v.push(invalid(`eligibleApplicantKinds[${i}]`, `Unknown applicant kind "${kind}".`));
    }
  });
  for (const i of duplicateIndexes(terms.eligibleApplicantKinds)) {
    v.push(invalid(`eligibleApplicantKinds[${i}]`, `Applicant kind "${terms.eligibleApplicantKinds[i]}" is listed twice.`));
  }

  if (terms.eligibleMeasureCodes.length === 0) {
    v.push(invalid('eligibleMeasureCodes', 'At least one policy measure must be eligible.'));
  }
  const dupMeasures = new Set(duplicateIndexes(terms.eligibleMeasureCodes));
  terms.eligibleMeasureCodes.forEach((code, i) => {
    if (dupMeasures.has(i)) {
      v.push(invalid(`eligibleMeasureCodes[${i}]`, `Measure ${code} is listed twice.`));
    } else if (!knownMeasureCodes.has(code)) {
      v.push(invalid(`eligibleMeasureCodes[${i}]`, `Measure ${code} is not a measure of the integration policy.`));
    }
  });

  if (!Number.isInteger(terms.maxApplicationsPerOrganisation) || terms.maxApplicationsPerOrganisation < 1) {
    v.push(invalid('maxApplicationsPerOrganisation', 'An organisation must be allowed at least 1 application.'));
  }
  if (!Number.isInteger(terms.quorum) || terms.quorum < 1) {
    v.push(invalid('quorum', 'The quorum must be a whole number of at least 1.'));
  }
  // Whole percent keeps the co-financing check in integer arithmetic.
  const pct = terms.maxRequestShareOfCostsPct;
  if (!Number.isInteger(pct) || pct < 1 || pct > 100) {
    v.push(invalid('maxRequestShareOfCostsPct', 'The maximum share of costs must be a whole percentage from 1 to 100.'));
  }

  if (terms.parts.length === 0) v.push(invalid('parts', 'A call needs at least one part.'));
  const dupParts = new Set(duplicateIndexes(terms.parts.map((p) => p.code)));
  terms.parts.forEach((p, i) => {
    const at = `parts[${i}]`;
    if (p.code.trim() === '') v.push(invalid(`${at}.code`, 'A part needs a code.'));
    else if (dupParts.has(i)) v.push(invalid(`${at}.code`, `Part code "${p.code}" is used twice.`));

    const allocationOk = Number.isSafeInteger(p.allocationCzk) && p.allocationCzk > 0;
    const minOk = Number.isSafeInteger(p.minRequestCzk) && p.minRequestCzk > 0;
    const maxOk = Number.isSafeInteger(p.maxRequestCzk) && p.maxRequestCzk > 0;
    if (!allocationOk) v.push(invalid(`${at}.allocationCzk`, 'The allocation must be a positive whole number of CZK.'));
    if (!minOk) v.push(invalid(`${at}.minRequestCzk`, 'The minimum request must be a positive whole number of CZK.'));
    if (!maxOk) v.push(invalid(`${at}.maxRequestCzk`, 'The maximum request must be a positive whole number of CZK.'));
    if (minOk && maxOk && p.minRequestCzk > p.maxRequestCzk) {
      v.push(
        invalid(`${at}.maxRequestCzk`, `The maximum request ${czk(p.maxRequestCzk)} is below the minimum ${czk(p.minRequestCzk)}.`),
      );
    }
    if (maxOk && allocationOk && p.maxRequestCzk > p.allocationCzk) {
      v.push(
        invalid(`${at}.maxRequestCzk`, `The maximum request ${czk(p.maxRequestCzk)} is above the part's allocation of ${czk(p.allocationCzk)}.`),
      );
    }
  });

  if (terms.criteria.length === 0) v.push(invalid('criteria', 'A call needs at least one evaluation criterion.'));
  const dupCriteria = new Set(duplicateIndexes(terms.criteria.map((c) => c.code)));
  let maxTotal = 0;
  terms.criteria.forEach((c, i) => {
    const at = `criteria[${i}]`;
    if (c.code.trim() === '') v.push(invalid(`${at}.code`, 'A criterion needs a code.'));
    else if (dupCriteria.has(i)) v.push(invalid(`${at}.code`, `Criterion code "${c.code}" is used twice.`));
    if (!Number.isInteger(c.maxPoints) || c.maxPoints < 1) {
      v.push(invalid(`${at}.maxPoints`, 'A criterion must be worth at least 1 whole point.'));
    } else {
      maxTotal += c.maxPoints;
    }
  });
  if (!Number.isFinite(terms.minScore) || terms.minScore < 0 || terms.minScore > maxTotal) {
    v.push(invalid('minScore', `The minimum score must be between 0 and the criteria's total of ${maxTotal} points.`));
  }

  return v;
}

/**
 * The submission window must open at least 30 days after the announcement. An
 * announcement date in the past counts as today: a call cannot be announced
 * retroactively to shorten the notice period.
 */
export function checkAnnouncement(input: { announcedOn: string; submissionOpensAt: Date; today: string }): Violation[] {
  const effective = input.announcedOn > input.today ? input.announcedOn : input.today;
  const opensOn = pragueDate(input.submissionOpensAt);
  if (daysBetween(effective, opensOn) >= MIN_DAYS_FROM_ANNOUNCEMENT_TO_OPENING) return [];
  const earliest = addDays(effective, MIN_DAYS_FROM_ANNOUNCEMENT_TO_OPENING);
  return [
    {
      code: 'ANNOUNCEMENT_TOO_LATE',
      field: 'submissionOpensAt',
      message:
        `Submissions open on ${opensOn}, less than ${MIN_DAYS_FROM_ANNOUNCEMENT_TO_OPENING} days after the announcement on ${effective}; ` +
        `the earliest allowed opening date is ${earliest}.`,
    },
  ];
}

export function checkAllocationsFitAppropriation(input: {
  appropriationCzk: number;
  allocatedToOtherCallsCzk: number;
  partAllocationsCzk: number[];
}): Violation[] {
  const thisCall = input.partAllocationsCzk.reduce((sum, a) => sum + a, 0);
  const total = input.allocatedToOtherCallsCzk + thisCall;
  if (total <= input.appropriationCzk) return [];
  return [
    {
      code: 'ALLOCATIONS_EXCEED_APPROPRIATION',
      message:
        `This call's allocations of ${czk(thisCall)} plus ${czk(input.allocatedToOtherCallsCzk)} allocated to other calls ` +
        `make ${czk(total)}, which is ${czk(total - input.appropriationCzk)} above the programme's appropriation of ${czk(input.appropriationCzk)}.`,
    },
  ];
}

/** A budget measure raises or lowers a programme's appropriation, never below what is already allocated. */
export function checkAppropriationChange(input: { appropriationCzk: number; changeCzk: number; allocatedCzk: number }): Violation[] {
  if (!Number.isSafeInteger(input.changeCzk) || input.changeCzk === 0) {
    return [invalid('amountCzk', 'A budget measure must change the appropriation by a non-zero whole number of CZK.')];
  }
  const next = input.appropriationCzk + input.changeCzk;
  if (next < 0) {
    return [
      {
        code: 'ALLOCATIONS_EXCEED_APPROPRIATION',
        field: 'amountCzk',
        message: `Lowering the appropriation of ${czk(input.appropriationCzk)} by ${czk(-input.changeCzk)} would make it negative.`,
      },
    ];
  }
  if (next < input.allocatedCzk) {
    return [
      {
        code: 'ALLOCATIONS_EXCEED_APPROPRIATION',
        field: 'amountCzk',
        message: `The new appropriation of ${czk(next)} would be below the ${czk(input.allocatedCzk)} already allocated to calls.`,
      },
    ];
  }
  return [];
}

export type CallPhase = 'draft' | 'announced' | 'open' | 'closed' | 'evaluated' | 'decided';

export function deriveCallPhase(
  call: {
    status: 'draft' | 'announced';
    submissionOpensAt: Date;
    submissionClosesAt: Date;
    evaluationClosedAt: Date | null;
    decidedAt: Date | null;
  },
  now: Date,
): CallPhase {
  if (call.status === 'draft') return 'draft';
  if (call.decidedAt) return 'decided';
  if (call.evaluationClosedAt) return 'evaluated';
  const t = now.getTime();
  if (t < call.submissionOpensAt.getTime()) return 'announced';
  if (t < call.submissionClosesAt.getTime()) return 'open';
  return 'closed';
}

/** Drafts are the officers' (and admins'): everyone else sees announced calls only. */
export function seesDraftCalls(role: Role | undefined): boolean {
  return role === 'officer' || role === 'admin';
}
