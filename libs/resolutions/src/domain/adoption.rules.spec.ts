import { checkDecision, decisionEffect } from '@app/money/domain';
import { adoptionConflicts, type AdoptionInput, type AdoptionLine, checkAdoptable, adoptionProblems, planAdoption } from './adoption.rules';

const line = (over: Partial<AdoptionLine> & { applicationId: string }): AdoptionLine => ({
  outcome: 'approved',
  amountCzk: 100_000,
  reason: null,
  deviationReason: null,
  status: 'recommended',
  requestedCzk: 150_000,
  proposedCzk: 100_000,
  partId: 'p1',
  partCode: '1',
  ico: `ico-${over.applicationId}`,
  evaluationClosedOn: '2027-03-01',
  affiliated: false,
  ...over,
});

const input = (lines: AdoptionLine[], over: Partial<AdoptionInput> = {}): AdoptionInput => ({
  body: 'council',
  resolutionNumber: 'UR-100/2027',
  resolutionDate: '2027-03-10',
  today: '2027-03-12',
  lines,
  yearTotals: new Map(),
  availableByPart: new Map([
    ['p1', 1_000_000],
    ['p2', 1_000_000],
  ]),
  ...over,
});

describe('checkAdoptable', () => {
  it('adopts a draft by the body it was drafted for', () => {
    expect(checkAdoptable({ status: 'draft', body: 'assembly' }, 'assembly')).toEqual([]);
  });

  it('refuses anything but a draft, whatever the body', () => {
    for (const status of ['adopted', 'rejected', 'withdrawn'] as const) {
      expect(checkAdoptable({ status, body: 'council' }, 'assembly').map((v) => v.code)).toEqual(['RESOLUTION_NOT_DRAFT']);
    }
  });

  it('refuses another body than the draft’s', () => {
    expect(checkAdoptable({ status: 'draft', body: 'council' }, 'assembly')).toEqual([
      expect.objectContaining({ code: 'RESOLUTION_BODY_MISMATCH', field: 'body' }),
    ]);
  });
});

describe('planAdoption', () => {
  it('decides every approved and rejected line as the single decision would, and nothing for ineligible ones', () => {
    const lines = [
      line({ applicationId: 'a' }),
      line({ applicationId: 'b', outcome: 'rejected', amountCzk: null, reason: '  Pod hranicí financování. ', proposedCzk: 0 }),
      line({ applicationId: 'c', outcome: 'ineligible', amountCzk: null, reason: 'Formální vady.', status: 'ineligible', proposedCzk: null }),
      line({ applicationId: 'd', status: 'not_recommended', amountCzk: 50_000, deviationReason: ' Priorita města. ', partId: 'p2', partCode: '2' }),
    ];
    const plan = planAdoption(input(lines));
    expect(plan.violations).toEqual([]);
    expect(plan.decisions).toEqual([
      {
        applicationId: 'a',
        partId: 'p1',
        ico: 'ico-a',
        outcome: 'approved',
        status: 'approved',
        awardCzk: 100_000,
        reasons: [],
        deviationReason: null,
        before: { status: 'recommended', proposedCzk: 100_000 },
      },
      {
        applicationId: 'b',
        partId: 'p1',
        ico: 'ico-b',
        outcome: 'rejected',
        status: 'rejected',
        awardCzk: null,
        reasons: ['Pod hranicí financování.'],
        deviationReason: null,
        before: { status: 'recommended', proposedCzk: 0 },
      },
      {
        applicationId: 'd',
        partId: 'p2',
        ico: 'ico-d',
        outcome: 'approved',
        status: 'approved',
        awardCzk: 50_000,
        reasons: [],
        deviationReason: 'Priorita města.',
        before: { status: 'not_recommended', proposedCzk: 100_000 },
      },
    ]);
    expect(plan.committedByPart).toEqual(
      new Map([
        ['p1', 100_000],
        ['p2', 50_000],
      ]),
    );
  });

  it('gives each decided line exactly the effect of checkDecision and decisionEffect on its own', () => {
    const l = line({ applicationId: 'a', amountCzk: 120_000, deviationReason: 'Výjimečný projekt.' });
    const [decided] = planAdoption(input([l])).decisions;
    const single = {
      status: l.status,
      outcome: 'approved' as const,
      amountCzk: l.amountCzk,
      requestedCzk: l.requestedCzk,
      proposedCzk: l.proposedCzk,
      body: 'council' as const,
      resolutionNumber: 'UR-100/2027',
      resolutionDate: '2027-03-10',
      reasons: [],
      deviationReason: l.deviationReason,
      yearTotalBeforeCzk: 0,
      today: '2027-03-12',
      evaluationClosedOn: l.evaluationClosedOn,
    };
    expect(checkDecision(single)).toEqual([]);
    const effect = decisionEffect(single);
    expect(decided).toEqual(expect.objectContaining({ status: effect.status, awardCzk: effect.awardCzk, deviationReason: effect.deviationReason }));
  });

  it('lists every offending line once, with the single decision’s code, and decides none', () => {
    const lines = [
      line({ applicationId: 'ok' }),
      line({ applicationId: 'moved', status: 'approved' }),
      line({ applicationId: 'above-request', amountCzk: 200_000, deviationReason: 'Navýšení.' }),
      line({ applicationId: 'no-reason', amountCzk: 120_000 }),
      line({ applicationId: 'was-ineligible', outcome: 'ineligible', amountCzk: null, reason: 'x', status: 'withdrawn' }),
    ];
    const plan = planAdoption(input(lines));
    expect(plan.violations.map((v) => [v.applicationId, v.code])).toEqual([
      ['moved', 'INVALID_STATUS_TRANSITION'],
      ['above-request', 'PROPOSAL_EXCEEDS_REQUEST'],
      ['no-reason', 'DEVIATION_REASON_REQUIRED'],
      ['was-ineligible', 'INVALID_STATUS_TRANSITION'],
    ]);
    expect(adoptionProblems(plan.violations).map((p) => p.field)).toEqual(['lines.moved', 'lines.above-request', 'lines.no-reason', 'lines.was-ineligible']);
  });

  it('counts the annex’s earlier approvals of the same IČO against the Council’s limit, as one-by-one decisions would', () => {
    const lines = [
      line({ applicationId: 'a', ico: '111', amountCzk: 100_000 }),
      line({ applicationId: 'b', ico: '111', amountCzk: 100_000 }),
      line({ applicationId: 'c', ico: '222', amountCzk: 100_000 }),
    ];
    const yearTotals = new Map([['111', 850_000]]);
    const plan = planAdoption(input(lines, { yearTotals }));
    // 850,000 + 100,000 fits the CZK 1,000,000; the second line would bring the IČO to 1,050,000.
    expect(plan.violations.map((v) => [v.applicationId, v.code])).toEqual([['b', 'ASSEMBLY_DECISION_REQUIRED']]);
    expect(planAdoption(input(lines, { yearTotals, body: 'assembly' })).violations).toEqual([]);
  });

  it('uses the configured Council threshold', () => {
    const lines = [line({ applicationId: 'a', amountCzk: 100_000 })];
    expect(planAdoption(input(lines, { thresholdCzk: 99_999 })).violations.map((v) => v.code)).toEqual(['ASSEMBLY_DECISION_REQUIRED']);
  });

  it('fits the annex’s approvals of each part into the part’s available allocation, flagging the lines from the first that does not fit', () => {
    const lines = [
      line({ applicationId: 'a', amountCzk: 100_000 }),
      line({ applicationId: 'b', amountCzk: 100_000 }),
      line({ applicationId: 'other-part', amountCzk: 100_000, partId: 'p2', partCode: '2' }),
      line({ applicationId: 'c', amountCzk: 100_000 }),
      line({ applicationId: 'rejected', outcome: 'rejected', amountCzk: null, reason: 'Ne.' }),
    ];
    const plan = planAdoption(
      input(lines, {
        availableByPart: new Map([
          ['p1', 150_000],
          ['p2', 100_000],
        ]),
      }),
    );
    expect(plan.violations.map((v) => [v.applicationId, v.code])).toEqual([
      ['b', 'ALLOCATION_EXCEEDED'],
      ['c', 'ALLOCATION_EXCEEDED'],
    ]);
    expect(plan.violations[0].message).toContain('part 1');
    expect(plan.violations[0].message).toContain('CZK 200,000');
  });

  it('refuses every line of a resolution dated before the evaluation closed, or in the future', () => {
    const lines = [line({ applicationId: 'a' }), line({ applicationId: 'b', outcome: 'rejected', amountCzk: null, reason: 'Ne.' })];
    expect(planAdoption(input(lines, { resolutionDate: '2027-02-28' })).violations.map((v) => v.code)).toEqual([
      'RESOLUTION_BEFORE_EVALUATION_CLOSE',
      'RESOLUTION_BEFORE_EVALUATION_CLOSE',
    ]);
    expect(planAdoption(input(lines, { resolutionDate: '2027-03-13' })).violations.map((v) => v.code)).toEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED']);
  });

  it('gives a line with several problems one entry, with all of its messages', () => {
    const [v] = planAdoption(input([line({ applicationId: 'a', status: 'approved', amountCzk: 200_000 })])).violations;
    expect(v.code).toBe('INVALID_STATUS_TRANSITION');
    expect(v.message).toContain('cannot be approved');
    expect(v.message).toContain('more than the');
  });
});

describe('adoptionConflicts', () => {
  it('names every decided line whose applicant organisation the officer is affiliated with', () => {
    const lines = [
      line({ applicationId: 'a', affiliated: true }),
      line({ applicationId: 'b' }),
      line({ applicationId: 'c', affiliated: true, outcome: 'rejected', amountCzk: null, reason: 'Ne.' }),
      line({ applicationId: 'd', affiliated: true, outcome: 'ineligible', amountCzk: null, status: 'ineligible', reason: 'x' }),
    ];
    expect(adoptionConflicts(lines).map((v) => [v.applicationId, v.code])).toEqual([
      ['a', 'CONFLICT_OF_INTEREST'],
      ['c', 'CONFLICT_OF_INTEREST'],
    ]);
  });
});
