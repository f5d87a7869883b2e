import type { Violation } from '@app/core/domain';
import {
  CallTerms,
  checkAllocationsFitAppropriation,
  checkAnnouncement,
  checkAppropriationChange,
  checkCallTerms,
  deriveCallPhase,
  seesDraftCalls,
} from './call.rules';

const KNOWN = new Set(['11.I', '21.III', '33.I', '33.II', '41.I']);

function validTerms(): CallTerms {
  return {
    announcedOn: '2027-01-05',
    submissionOpensAt: new Date('2027-02-28T23:00:00Z'), // 2027-03-01 00:00 Prague (CET)
    submissionClosesAt: new Date('2027-03-31T21:59:59Z'), // 2027-03-31 23:59:59 Prague (CEST)
    decisionDueOn: '2027-06-30',
    settlementDueOn: '2028-01-31',
    eligibleApplicantKinds: ['ngo', 'district'],
    eligibleMeasureCodes: ['11.I', '21.III', '33.I'],
    maxApplicationsPerOrganisation: 2,
    minScore: 60,
    quorum: 3,
    maxRequestShareOfCostsPct: 70,
    rankingMethod: 'average',
    parts: [
      { code: '1', name: 'Activities', allocationCzk: 3_500_000, minRequestCzk: 30_000, maxRequestCzk: 500_000 },
      { code: '2', name: 'Publications', allocationCzk: 500_000, minRequestCzk: 10_000, maxRequestCzk: 150_000 },
    ],
    criteria: [
      { code: 'A', name: 'Relevance to the policy', maxPoints: 40 },
      { code: 'B', name: 'Quality of the project', maxPoints: 40 },
      { code: 'C', name: 'Budget', maxPoints: 20 },
    ],
  };
}

const codesAndFields = (vs: Violation[]) => vs.map((v) => [v.code, v.field]);

describe('checkCallTerms', () => {
  it('accepts valid terms', () => {
    expect(checkCallTerms(validTerms(), KNOWN)).toEqual([]);
  });

  it.each<[string, (t: CallTerms) => void, string[]]>([
    ['opens after it closes', (t) => (t.submissionClosesAt = new Date('2027-02-28T22:00:00Z')), ['submissionClosesAt']],
    ['opens when it closes', (t) => (t.submissionClosesAt = new Date(t.submissionOpensAt)), ['submissionClosesAt']],
    ['invalid opening instant', (t) => (t.submissionOpensAt = new Date('nope')), ['submissionOpensAt']],
    ['invalid closing instant', (t) => (t.submissionClosesAt = new Date(Number.NaN)), ['submissionClosesAt']],
    ['decision before closing day', (t) => (t.decisionDueOn = '2027-03-30'), ['decisionDueOn']],
    // closes 2027-04-01 00:00 Prague, one second after the valid fixture
    [
      'decision before the Prague closing day',
      (t) => {
        t.submissionClosesAt = new Date('2027-03-31T22:00:00Z');
        t.decisionDueOn = '2027-03-31';
      },
      ['decisionDueOn'],
    ],
    ['settlement on decision day', (t) => (t.settlementDueOn = t.decisionDueOn), ['settlementDueOn']],
    ['settlement before decision', (t) => (t.settlementDueOn = '2027-06-01'), ['settlementDueOn']],
    ['not a date', (t) => (t.decisionDueOn = '2027-02-30'), ['decisionDueOn']],
    ['announced after the Prague opening day', (t) => (t.announcedOn = '2027-03-02'), ['announcedOn']],
    ['no parts', (t) => (t.parts = []), ['parts']],
    ['no criteria', (t) => (t.criteria = []), ['criteria', 'minScore']],
    ['duplicate part code', (t) => (t.parts[1].code = '1'), ['parts[1].code']],
    ['blank part code', (t) => (t.parts[0].code = ' '), ['parts[0].code']],
    ['duplicate criterion code', (t) => (t.criteria[2].code = 'A'), ['criteria[2].code']],
    ['zero allocation', (t) => (t.parts[1].allocationCzk = 0), ['parts[1].allocationCzk']],
    ['fractional allocation', (t) => (t.parts[0].allocationCzk = 3_500_000.5), ['parts[0].allocationCzk']],
    ['zero minimum request', (t) => (t.parts[0].minRequestCzk = 0), ['parts[0].minRequestCzk']],
    ['min above max', (t) => (t.parts[1].minRequestCzk = 150_001), ['parts[1].maxRequestCzk']],
    ['max above allocation', (t) => (t.parts[1].maxRequestCzk = 500_001), ['parts[1].maxRequestCzk']],
    ['criterion worth 0 points', (t) => (t.criteria[0].maxPoints = 0), ['criteria[0].maxPoints']],
    ['negative minimum score', (t) => (t.minScore = -1), ['minScore']],
    ['minimum score above the total', (t) => (t.minScore = 101), ['minScore']],
    ['quorum 0', (t) => (t.quorum = 0), ['quorum']],
    ['share 0 %', (t) => (t.maxRequestShareOfCostsPct = 0), ['maxRequestShareOfCostsPct']],
    ['share 101 %', (t) => (t.maxRequestShareOfCostsPct = 101), ['maxRequestShareOfCostsPct']],
    ['share 70.5 %', (t) => (t.maxRequestShareOfCostsPct = 70.5), ['maxRequestShareOfCostsPct']],
    ['no applicant kinds', (t) => (t.eligibleApplicantKinds = []), ['eligibleApplicantKinds']],
    ['duplicate applicant kind', (t) => (t.eligibleApplicantKinds = ['ngo', 'district', 'ngo']), ['eligibleApplicantKinds[2]']],
    ['no measures', (t) => (t.eligibleMeasureCodes = []), ['eligibleMeasureCodes']],
    ['unknown measure', (t) => (t.eligibleMeasureCodes = ['11.I', '21.III', '33.I', '99.IX']), ['eligibleMeasureCodes[3]']],
    ['duplicate measure', (t) => (t.eligibleMeasureCodes = ['11.I', '33.I', '11.I']), ['eligibleMeasureCodes[2]']],
    ['zero applications allowed', (t) => (t.maxApplicationsPerOrganisation = 0), ['maxApplicationsPerOrganisation']],
  ])('%s', (_name, mutate, fields) => {
    const t = validTerms();
    mutate(t);
    const v = checkCallTerms(t, KNOWN);
    expect(v.map((x) => x.field)).toEqual(fields);
    expect(v.every((x) => x.code === 'VALIDATION_FAILED' && x.message.length > 0)).toBe(true);
  });

  it('accepts boundary values', () => {
    const t = validTerms();
    t.decisionDueOn = '2027-03-31'; // the Prague closing day itself
    t.settlementDueOn = '2027-04-01';
    t.announcedOn = '2027-03-01'; // the Prague opening day itself
    t.minScore = 100;
    t.quorum = 1;
    t.maxRequestShareOfCostsPct = 100;
    t.maxApplicationsPerOrganisation = 1;
    t.parts[0] = { code: '1', name: 'All', allocationCzk: 1, minRequestCzk: 1, maxRequestCzk: 1 };
    t.eligibleApplicantKinds = ['district'];
    expect(checkCallTerms(t, KNOWN)).toEqual([]);
    expect(checkCallTerms({ ...t, minScore: 0 }, KNOWN)).toEqual([]);
  });

  it('reports every problem at once', () => {
    const t = validTerms();
    t.submissionClosesAt = new Date('2027-02-01T00:00:00Z');
    t.settlementDueOn = '2027-01-01';
    t.parts[0].minRequestCzk = 600_000;
    t.parts[1].maxRequestCzk = 600_000;
    t.criteria[1].code = 'A';
    t.eligibleMeasureCodes = ['33.I', '77.X'];
    expect(codesAndFields(checkCallTerms(t, KNOWN))).toEqual([
      ['VALIDATION_FAILED', 'submissionClosesAt'],
      ['VALIDATION_FAILED', 'settlementDueOn'],
      ['VALIDATION_FAILED', 'eligibleMeasureCodes[1]'],
      ['VALIDATION_FAILED', 'parts[0].maxRequestCzk'],
      ['VALIDATION_FAILED', 'parts[1].maxRequestCzk'],
      ['VALIDATION_FAILED', 'criteria[1].code'],
    ]);
  });

  it('states the amounts in the message', () => {
    const t = validTerms();
    t.parts[1].maxRequestCzk = 600_000;
    expect(checkCallTerms(t, KNOWN)).toEqual([
      {
        code: 'VALIDATION_FAILED',
        field: 'parts[1].maxRequestCzk',
        message: "The maximum request CZK 600,000 is above the part's allocation of CZK 500,000.",
      },
    ]);
  });
});

describe('checkAnnouncement', () => {
  it('accepts an opening exactly 30 days after the announcement', () => {
    // 2027-01-31 00:00 Prague
    expect(checkAnnouncement({ announcedOn: '2027-01-01', submissionOpensAt: new Date('2027-01-30T23:00:00Z'), today: '2026-12-15' })).toEqual([]);
  });

  it('rejects 29 days and names the earliest allowed opening date', () => {
    // 2027-01-30 23:59 Prague: still the 30th
    expect(checkAnnouncement({ announcedOn: '2027-01-01', submissionOpensAt: new Date('2027-01-30T22:59:00Z'), today: '2026-12-15' })).toEqual([
      {
        code: 'ANNOUNCEMENT_TOO_LATE',
        field: 'submissionOpensAt',
        message: 'Submissions open on 2027-01-30, less than 30 days after the announcement on 2027-01-01; the earliest allowed opening date is 2027-01-31.',
      },
    ]);
  });

  it('counts from today when the announcement date is in the past', () => {
    const v = checkAnnouncement({ announcedOn: '2027-01-01', submissionOpensAt: new Date('2027-01-30T23:00:00Z'), today: '2027-01-10' });
    expect(codesAndFields(v)).toEqual([['ANNOUNCEMENT_TOO_LATE', 'submissionOpensAt']]);
    expect(v[0].message).toContain('the earliest allowed opening date is 2027-02-09');
    expect(checkAnnouncement({ announcedOn: '2027-01-01', submissionOpensAt: new Date('2027-02-08T23:00:00Z'), today: '2027-01-10' })).toEqual([]);
  });

  it('judges the opening day in Prague time across the DST change', () => {
    // 2027-03-28T22:00Z is 2027-03-29 00:00 CEST: 30 days after 2027-02-27
    expect(checkAnnouncement({ announcedOn: '2027-02-27', submissionOpensAt: new Date('2027-03-28T22:00:00Z'), today: '2027-02-27' })).toEqual([]);
    // one minute earlier is still 2027-03-28 in Prague
    expect(
      codesAndFields(checkAnnouncement({ announcedOn: '2027-02-27', submissionOpensAt: new Date('2027-03-28T21:59:00Z'), today: '2027-02-27' })),
    ).toEqual([['ANNOUNCEMENT_TOO_LATE', 'submissionOpensAt']]);
  });

  it('rejects an opening before the announcement', () => {
    expect(
      codesAndFields(checkAnnouncement({ announcedOn: '2027-03-01', submissionOpensAt: new Date('2027-02-01T10:00:00Z'), today: '2027-01-01' })),
    ).toEqual([['ANNOUNCEMENT_TOO_LATE', 'submissionOpensAt']]);
  });
});

describe('checkAllocationsFitAppropriation', () => {
  it('accepts allocations that use the appropriation exactly', () => {
    expect(
      checkAllocationsFitAppropriation({ appropriationCzk: 12_000_000, allocatedToOtherCallsCzk: 8_000_000, partAllocationsCzk: [3_000_000, 1_000_000] }),
    ).toEqual([]);
  });

  it('rejects one crown over and states the amounts', () => {
    expect(
      checkAllocationsFitAppropriation({ appropriationCzk: 12_000_000, allocatedToOtherCallsCzk: 8_000_000, partAllocationsCzk: [3_000_000, 1_000_001] }),
    ).toEqual([
      {
        code: 'ALLOCATIONS_EXCEED_APPROPRIATION',
        message:
          "This call's allocations of CZK 4,000,001 plus CZK 8,000,000 allocated to other calls make CZK 12,000,001, " +
          "which is CZK 1 above the programme's appropriation of CZK 12,000,000.",
      },
    ]);
  });

  it('rejects when other calls alone already use the appropriation', () => {
    expect(
      checkAllocationsFitAppropriation({ appropriationCzk: 4_000_000, allocatedToOtherCallsCzk: 4_000_000, partAllocationsCzk: [1] })[0].code,
    ).toBe('ALLOCATIONS_EXCEED_APPROPRIATION');
  });
});

describe('checkAppropriationChange', () => {
  const base = { appropriationCzk: 12_000_000, allocatedCzk: 10_000_000 };

  it('accepts a raise and a cut down to what is allocated', () => {
    expect(checkAppropriationChange({ ...base, changeCzk: 1_000_000 })).toEqual([]);
    expect(checkAppropriationChange({ ...base, changeCzk: -2_000_000 })).toEqual([]);
  });

  it('rejects a zero or fractional change', () => {
    expect(codesAndFields(checkAppropriationChange({ ...base, changeCzk: 0 }))).toEqual([['VALIDATION_FAILED', 'amountCzk']]);
    expect(codesAndFields(checkAppropriationChange({ ...base, changeCzk: 0.5 }))).toEqual([['VALIDATION_FAILED', 'amountCzk']]);
  });

  it('rejects a cut below what is allocated', () => {
    expect(checkAppropriationChange({ ...base, changeCzk: -2_000_001 })).toEqual([
      {
        code: 'ALLOCATIONS_EXCEED_APPROPRIATION',
        field: 'amountCzk',
        message: 'The new appropriation of CZK 9,999,999 would be below the CZK 10,000,000 already allocated to calls.',
      },
    ]);
  });

  it('rejects a negative appropriation even with nothing allocated', () => {
    expect(codesAndFields(checkAppropriationChange({ appropriationCzk: 100, allocatedCzk: 0, changeCzk: -101 }))).toEqual([
      ['ALLOCATIONS_EXCEED_APPROPRIATION', 'amountCzk'],
    ]);
    expect(checkAppropriationChange({ appropriationCzk: 100, allocatedCzk: 0, changeCzk: -100 })).toEqual([]);
  });
});

describe('deriveCallPhase', () => {
  const call = {
    status: 'announced' as const,
    submissionOpensAt: new Date('2027-03-01T08:00:00Z'),
    submissionClosesAt: new Date('2027-03-31T10:00:00Z'),
    evaluationClosedAt: null,
    decidedAt: null,
  };

  it.each([
    ['2027-01-01T00:00:00Z', 'announced'],
    ['2027-03-01T07:59:59.999Z', 'announced'],
    ['2027-03-01T08:00:00Z', 'open'],
    ['2027-03-31T09:59:59.999Z', 'open'],
    ['2027-03-31T10:00:00Z', 'closed'],
    ['2028-01-01T00:00:00Z', 'closed'],
  ])('at %s an announced call is %s', (now, phase) => {
    expect(deriveCallPhase(call, new Date(now))).toBe(phase);
  });

  it('a draft stays a draft whatever the time', () => {
    expect(deriveCallPhase({ ...call, status: 'draft' }, new Date('2027-03-15T00:00:00Z'))).toBe('draft');
    expect(deriveCallPhase({ ...call, status: 'draft', decidedAt: new Date('2027-06-01T00:00:00Z') }, new Date('2027-07-01T00:00:00Z'))).toBe('draft');
  });

  it('evaluation and decision override the clock, decision first', () => {
    const later = new Date('2027-05-01T00:00:00Z');
    expect(deriveCallPhase({ ...call, evaluationClosedAt: new Date('2027-04-20T00:00:00Z') }, later)).toBe('evaluated');
    expect(
      deriveCallPhase({ ...call, evaluationClosedAt: new Date('2027-04-20T00:00:00Z'), decidedAt: new Date('2027-04-30T00:00:00Z') }, later),
    ).toBe('decided');
  });
});

describe('seesDraftCalls', () => {
  it.each([
    ['officer', true],
    ['admin', true],
    ['commission', false],
    ['budget', false],
    ['applicant', false],
    [undefined, false],
  ] as const)('%s: %s', (role, sees) => {
    expect(seesDraftCalls(role)).toBe(sees);
  });
});
