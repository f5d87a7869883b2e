import { pragueDate } from '@app/core/time/prague-time';
import { generateValidIco } from '@app/identity/domain/ico';

// Valid request bodies, as in test/support/factories.ts (which the build does not include).

const DAY_MS = 86_400_000;
/** Keeps the benchmark's IČOs away from the demo data's. */
const ICO_SEED_BASE = 7_000_000;

const BENCH_PROGRAMME_CODE = 'BENCH';

export function programmeBody(year: number) {
  return { code: BENCH_PROGRAMME_CODE, name: 'Integrace cizinců (benchmark)', year, appropriationCzk: 4_000_000 };
}

/** Announced today with the window 31 days ahead: what the 30-day rule allows. */
export function callBody(programmeId: string, now: Date, maxApplicationsPerOrganisation: number) {
  return {
    programmeId,
    title: 'Podpora aktivit integrace cizinců (benchmark)',
    announcedOn: pragueDate(now),
    submissionOpensAt: new Date(now.getTime() + 31 * DAY_MS).toISOString(),
    submissionClosesAt: new Date(now.getTime() + 61 * DAY_MS).toISOString(),
    decisionDueOn: pragueDate(new Date(now.getTime() + 120 * DAY_MS)),
    settlementDueOn: pragueDate(new Date(now.getTime() + 400 * DAY_MS)),
    eligibleApplicantKinds: ['ngo', 'district'],
    eligibleMeasureCodes: ['33.I', '34.I', '21.III', '22.I'],
    maxApplicationsPerOrganisation,
    minScore: 50,
    quorum: 3,
    maxRequestShareOfCostsPct: 70,
    parts: [
      { code: '1', name: 'Aktivity', allocationCzk: 3_000_000, minRequestCzk: 50_000, maxRequestCzk: 500_000 },
      { code: '2', name: 'Publikační činnost', allocationCzk: 1_000_000, minRequestCzk: 20_000, maxRequestCzk: 200_000 },
    ],
    criteria: [
      { code: 'K1', name: 'Soulad s politikou', maxPoints: 30 },
      { code: 'K2', name: 'Potřebnost', maxPoints: 20 },
      { code: 'K3', name: 'Rozpočet', maxPoints: 20 },
      { code: 'K4', name: 'Zkušenosti', maxPoints: 15 },
      { code: 'K5', name: 'Udržitelnost', maxPoints: 15 },
    ],
  };
}

export function applicantEmail(n: number): string {
  return `bench-applicant-${n}@example.cz`;
}

export function registrationBody(n: number, password: string) {
  return {
    organisation: {
      kind: 'ngo',
      name: `Poradna pro cizince č. ${n}, z. s.`,
      ico: generateValidIco(ICO_SEED_BASE + n),
      legalForm: 'z. s.',
      address: { street: 'Žitná 1', city: 'Praha 2', postalCode: '120 00' },
      bankAccount: '19-2000145399/0800',
    },
    user: { email: applicantEmail(n), password, fullName: `Jana Nováková ${n}` },
  };
}

export function applicationBody(callId: string, year: number, n: number) {
  return {
    callId,
    partCode: '1',
    title: `Čeština pro rodiče dětí cizinců ${n}`,
    summary: 'Kurzy češtiny a doprovodné aktivity pro rodiče.',
    justification: 'Rodiče dětí cizinců potřebují jazykovou podporu pro komunikaci se školou.',
    primaryMeasureCode: '33.I',
    measureCodes: ['33.I', '21.III'],
    targetGroups: ['rodiče dětí cizinců'],
    districts: ['Praha 3', 'Praha 14'],
    startDate: `${year}-03-01`,
    endDate: `${year}-12-15`,
    budgetLines: [
      { category: 'Osobní náklady', description: 'Lektorka češtiny', totalCzk: 200_000, requestedCzk: 140_000 },
      { category: 'Materiál', description: 'Učebnice', totalCzk: 50_000, requestedCzk: 35_000 },
    ],
    otherFundingCzk: 20_000,
    contactPerson: { name: 'Jana Nováková', email: 'jana@example.cz', phone: '+420 601 234 567' },
  };
}
