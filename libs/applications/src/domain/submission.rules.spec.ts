import { pragueDate, type Violation } from '@app/core/domain';
import { checkSubmission, SubmissionContext } from './submission.rules';

const OPENS = new Date('2027-02-28T23:00:00Z'); // 2027-03-01 00:00 Prague
const CLOSES = new Date('2027-03-31T14:00:00Z'); // 2027-03-31 16:00 Prague

function ctx(): SubmissionContext {
  return {
    now: new Date('2027-03-15T10:00:00Z'),
    call: {
      submissionOpensAt: OPENS,
      submissionClosesAt: CLOSES,
      year: 2027,
      eligibleApplicantKinds: ['ngo'],
      eligibleMeasureCodes: ['11.I', '21.III', '33.I'],
      maxApplicationsPerOrganisation: 2,
      maxRequestShareOfCostsPct: 70,
    },
    part: { code: '1', minRequestCzk: 30_000, maxRequestCzk: 500_000 },
    organisation: { kind: 'ngo' },
    application: {
      requestedCzk: 70_000,
      totalCostCzk: 100_000,
      primaryMeasureCode: '33.I',
      measureCodes: ['33.I', '21.III'],
      startDate: '2027-04-01',
      endDate: '2027-12-31',
      budgetLines: [
        { category: 'personnel', description: 'Czech teacher', totalCzk: 80_000, requestedCzk: 60_000 },
        { category: 'rent', description: 'Classroom', totalCzk: 20_000, requestedCzk: 10_000 },
      ],
      otherFundingCzk: 30_000,
    },
    otherActiveApplications: 1,
  };
}

/** A context whose single budget line asks for `requested` of `total`, with the part's range out of the way. */
function amounts(requested: number, total: number, pct = 70): SubmissionContext {
  const c = ctx();
  c.call.maxRequestShareOfCostsPct = pct;
  c.part = { code: '1', minRequestCzk: 1, maxRequestCzk: 100_000_000 };
  c.application = {
    ...c.application,
    requestedCzk: requested,
    totalCostCzk: total,
    budgetLines: [{ category: 'all', description: 'Everything', totalCzk: total, requestedCzk: requested }],
    otherFundingCzk: 0,
  };
  return c;
}

const codes = (vs: Violation[]) => vs.map((v) => [v.code, v.field]);

describe('checkSubmission', () => {
  it('accepts a complete, eligible application inside the window', () => {
    expect(checkSubmission(ctx())).toEqual([]);
  });

  describe('window (server clock, exact instants)', () => {
    it.each([
      [new Date(OPENS.getTime() - 1), [['SUBMISSION_WINDOW_NOT_OPEN', undefined]]],
      [OPENS, []],
      [new Date(CLOSES.getTime() - 1), []],
      [CLOSES, [['SUBMISSION_WINDOW_CLOSED', undefined]]],
      [new Date('2027-06-01T00:00:00Z'), [['SUBMISSION_WINDOW_CLOSED', undefined]]],
    ])('at %s', (now, expected) => {
      expect(codes(checkSubmission({ ...ctx(), now }))).toEqual(expected);
    });

    it('tells the user the Prague time', () => {
      expect(checkSubmission({ ...ctx(), now: CLOSES })[0].message).toBe('Submissions closed on 2027-03-31 16:00 Prague time.');
      expect(checkSubmission({ ...ctx(), now: new Date('2027-01-01T00:00:00Z') })[0].message).toBe(
        'Submissions open on 2027-03-01 00:00 Prague time.',
      );
    });
  });

  it('limits applications per organisation', () => {
    expect(checkSubmission({ ...ctx(), otherActiveApplications: 2 })).toEqual([
      { code: 'TOO_MANY_APPLICATIONS', message: 'Your organisation already has 2 applications in this call; the call allows at most 2 per organisation.' },
    ]);
    expect(checkSubmission({ ...ctx(), otherActiveApplications: 0 })).toEqual([]);
  });

  it('does not apply the window to a resubmission after a correction request', () => {
    const late = { ...ctx(), otherActiveApplications: 0, now: new Date(ctx().call.submissionClosesAt.getTime() + 86_400_000) };
    expect(checkSubmission(late).map((x) => x.code)).toEqual(['SUBMISSION_WINDOW_CLOSED']);
    expect(checkSubmission({ ...late, correctionDueOn: pragueDate(late.now) })).toEqual([]);
  });

  it('applies the correction deadline instead: up to and including its Prague date', () => {
    const base = { ...ctx(), otherActiveApplications: 0, correctionDueOn: '2027-03-10' };
    // 23:59:59 on the due date in Prague (CET, UTC+1) is still in time; midnight after it is not.
    expect(checkSubmission({ ...base, now: new Date('2027-03-10T22:59:59Z') })).toEqual([]);
    const late = checkSubmission({ ...base, now: new Date('2027-03-10T23:00:00Z') });
    expect(late.map((x) => x.code)).toEqual(['SUBMISSION_WINDOW_CLOSED']);
    expect(late[0].message).toContain('2027-03-10');
  });

  it('checks the kind of applicant', () => {
    expect(checkSubmission({ ...ctx(), organisation: { kind: 'district' } })).toEqual([
      { code: 'APPLICANT_NOT_ELIGIBLE', field: 'organisation.kind', message: 'This call is open only to non-governmental organisations.' },
    ]);
  });

  describe('requested amount within the part range', () => {
    it.each([
      [30_000, []],
      [500_000, []],
      [29_999, [['REQUEST_OUT_OF_RANGE', 'requestedCzk']]],
      [500_001, [['REQUEST_OUT_OF_RANGE', 'requestedCzk']]],
    ])('CZK %i', (requested, expected) => {
      const c = amounts(requested, 1_000_000);
      c.part = { code: '1', minRequestCzk: 30_000, maxRequestCzk: 500_000 };
      expect(codes(checkSubmission(c))).toEqual(expected);
    });

    it('names the range in the message', () => {
      const c = amounts(600_000, 1_000_000);
      c.part = { code: '1', minRequestCzk: 30_000, maxRequestCzk: 500_000 };
      expect(checkSubmission(c)[0].message).toBe("Requested CZK 600,000 is above the part's maximum of CZK 500,000.");
      c.application.requestedCzk = 20_000;
      c.application.budgetLines = [{ category: 'all', description: 'Everything', totalCzk: 1_000_000, requestedCzk: 20_000 }];
      expect(checkSubmission(c)[0].message).toBe("Requested CZK 20,000 is below the part's minimum of CZK 30,000.");
    });
  });

  describe('co-financing (integer arithmetic)', () => {
    it.each([
      [70_000, 100_000, 70, true],
      [70_001, 100_000, 70, false],
      [69_999, 99_999, 70, true], // 70 % of 99,999 is 69,999.3
      [70_000, 99_999, 70, false],
      [57, 100, 57, true], // 100 * 0.57 is 56.99999999999999 in floating point
      [29, 100, 29, true],
      [100_000, 100_000, 100, true],
      [1, 1, 99, false],
    ])('CZK %i of %i at %i %%: ok=%p', (requested, total, pct, ok) => {
      expect(codes(checkSubmission(amounts(requested, total, pct)))).toEqual(ok ? [] : [['COFINANCING_REQUIRED', 'requestedCzk']]);
    });

    it('states the largest allowed request', () => {
      expect(checkSubmission(amounts(70_000, 99_999))[0]).toEqual({
        code: 'COFINANCING_REQUIRED',
        field: 'requestedCzk',
        message: 'Requested CZK 70,000 is more than 70 % of the total cost of CZK 99,999; at most CZK 69,999 can be requested.',
      });
    });
  });

  it('reports each measure the call does not support', () => {
    const c = ctx();
    c.application.primaryMeasureCode = '99.I';
    c.application.measureCodes = ['99.I', '33.I', '77.X'];
    expect(checkSubmission(c)).toEqual([
      { code: 'MEASURE_NOT_ELIGIBLE', field: 'primaryMeasureCode', message: 'Measure 99.I is not supported by this call.' },
      { code: 'MEASURE_NOT_ELIGIBLE', field: 'measureCodes[0]', message: 'Measure 99.I is not supported by this call.' },
      { code: 'MEASURE_NOT_ELIGIBLE', field: 'measureCodes[2]', message: 'Measure 77.X is not supported by this call.' },
    ]);
  });

  it('keeps the project inside the call year', () => {
    const c = ctx();
    c.application.startDate = '2026-12-31';
    c.application.endDate = '2028-01-01';
    expect(codes(checkSubmission(c))).toEqual([
      ['PROJECT_PERIOD_OUTSIDE_CALL_YEAR', 'startDate'],
      ['PROJECT_PERIOD_OUTSIDE_CALL_YEAR', 'endDate'],
    ]);
    expect(checkSubmission(c)[0].message).toBe('The project must take place in 2027; 2026-12-31 is outside it.');
    expect(checkSubmission({ ...ctx(), application: { ...ctx().application, startDate: '2027-01-01', endDate: '2027-12-31' } })).toEqual([]);
  });

  it('includes the draft checks', () => {
    const c = ctx();
    c.application.endDate = '2027-03-31';
    c.application.startDate = '2027-04-01';
    c.application.otherFundingCzk = 30_001;
    expect(codes(checkSubmission(c))).toEqual([
      ['VALIDATION_FAILED', 'endDate'],
      ['VALIDATION_FAILED', 'otherFundingCzk'],
    ]);
  });

  it('reports a malformed date once, as a validation failure', () => {
    const c = ctx();
    c.application.startDate = '2027-02-30';
    expect(codes(checkSubmission(c))).toEqual([['VALIDATION_FAILED', 'startDate']]);
  });

  it('returns every violation at once, in the documented order', () => {
    const c = amounts(600_000, 700_000);
    c.now = CLOSES;
    c.otherActiveApplications = 5;
    c.organisation = { kind: 'district' };
    c.part = { code: '1', minRequestCzk: 30_000, maxRequestCzk: 500_000 };
    c.application.primaryMeasureCode = '41.II';
    c.application.measureCodes = ['33.I', '33.I'];
    c.application.startDate = '2028-01-01';
    c.application.endDate = '2027-12-31';
    expect(codes(checkSubmission(c))).toEqual([
      ['SUBMISSION_WINDOW_CLOSED', undefined],
      ['TOO_MANY_APPLICATIONS', undefined],
      ['APPLICANT_NOT_ELIGIBLE', 'organisation.kind'],
      ['REQUEST_OUT_OF_RANGE', 'requestedCzk'],
      ['COFINANCING_REQUIRED', 'requestedCzk'],
      ['MEASURE_NOT_ELIGIBLE', 'primaryMeasureCode'],
      ['PROJECT_PERIOD_OUTSIDE_CALL_YEAR', 'startDate'],
      ['VALIDATION_FAILED', 'endDate'],
      ['VALIDATION_FAILED', 'measureCodes'],
      ['VALIDATION_FAILED', 'measureCodes[1]'],
    ]);
  });
});
