import type { ApplicationStatus } from '@app/applications/domain';
import type { Violation } from './violation';
import {
  checkFormalCheck,
  FORMAL_CHECK_RESULTS,
  formalCheckLetter,
  type FormalCheck,
} from './formal-check.rules';

const CLOSES = new Date('2027-03-31T14:00:00Z'); // 16:00 Prague

const check = (over: Partial<FormalCheck> = {}): FormalCheck => ({
  now: new Date('2027-04-07T08:00:00Z'),
  submissionClosesAt: CLOSES,
  status: 'submitted',
  result: 'eligible',
  reasons: [],
  todayInPrague: '2027-04-07',
  ...over,
});

const fields = (vs: Violation[]) => vs.map((v) => [v.code, v.field]);

describe('checkFormalCheck', () => {
  it('accepts each result with what it needs', () => {
    expect(checkFormalCheck(check())).toEqual([]);
    expect(checkFormalCheck(check({ reasons: ['All attachments present.'] }))).toEqual([]); // a note is fine
    expect(checkFormalCheck(check({ result: 'ineligible', reasons: ['The seat is not in Prague.'] }))).toEqual([]);
    expect(
      checkFormalCheck(check({ result: 'correction_requested', reasons: ['The budget lacks a signature.'], correctionDueOn: '2027-04-08' })),
    ).toEqual([]);
  });

  describe('only once the submission window has closed', () => {
    it.each<[Date, boolean]>([
      [new Date(CLOSES.getTime() - 1), false],
      [CLOSES, true],
    ])('at %s: %p', (now, ok) => {
      expect(fields(checkFormalCheck(check({ now, todayInPrague: '2027-03-31' })))).toEqual(ok ? [] : [['FORMAL_CHECK_NOT_OPEN', undefined]]);
    });
  });

  describe('only of a submitted application', () => {
    const others: ApplicationStatus[] = ['draft', 'correction_requested', 'eligible', 'ineligible', 'withdrawn', 'approved'];
    it.each(others)('refuses %s', (status) => {
      expect(fields(checkFormalCheck(check({ status })))).toEqual([['INVALID_STATUS_TRANSITION', undefined]]);
    });

    it('names the status', () => {
      expect(checkFormalCheck(check({ status: 'correction_requested' }))[0].message).toBe(
        'Only a submitted application can be formally checked; this one is correction requested.',
      );
    });
  });

  describe('of an application returned for correction and not resubmitted', () => {
    const returned = (todayInPrague: string, over: Partial<FormalCheck> = {}) =>
      check({ status: 'correction_requested', pendingCorrectionDueOn: '2027-04-21', todayInPrague, ...over });

    it('waits until the correction deadline has passed', () => {
      expect(checkFormalCheck(returned('2027-04-21'))).toEqual([
        {
          code: 'INVALID_STATUS_TRANSITION',
          message: 'The applicant may correct the defects until 2027-04-21; check the application when it is resubmitted or once that day has passed.',
        },
      ]);
      expect(fields(checkFormalCheck(returned('2027-04-10')))).toEqual([['INVALID_STATUS_TRANSITION', undefined]]);
    });

    it('is checked again by the same rules from the next day', () => {
      expect(checkFormalCheck(returned('2027-04-22'))).toEqual([]);
      expect(checkFormalCheck(returned('2027-04-22', { result: 'ineligible', reasons: ['Defects not corrected in time.'] }))).toEqual([]);
      expect(fields(checkFormalCheck(returned('2027-04-22', { result: 'ineligible' })))).toEqual([['VALIDATION_FAILED', 'reasons']]);
    });

    it('ignores a pending deadline on any other status', () => {
      expect(fields(checkFormalCheck(check({ status: 'eligible', pendingCorrectionDueOn: '2027-04-01' })))).toEqual([['INVALID_STATUS_TRANSITION', undefined]]);
      expect(checkFormalCheck(check({ status: 'submitted', pendingCorrectionDueOn: '2027-05-01' }))).toEqual([]);
    });

    it('throws on a stored deadline that is not a date', () => {
      expect(() => checkFormalCheck(returned('2027-04-22', { pendingCorrectionDueOn: '22.4.2027' }))).toThrow(RangeError);
    });
  });

  it('requires a reason of ineligibility', () => {
    expect(checkFormalCheck(check({ result: 'ineligible' }))).toEqual([
      { code: 'VALIDATION_FAILED', field: 'reasons', message: 'Say why the application is ineligible: at least one reason is required.' },
    ]);
    expect(fields(checkFormalCheck(check({ result: 'ineligible', reasons: ['  '] })))).toEqual([
      ['VALIDATION_FAILED', 'reasons[0]'],
      ['VALIDATION_FAILED', 'reasons'],
    ]);
  });

  describe('a request for correction', () => {
    const request = (over: Partial<FormalCheck>) => check({ result: 'correction_requested', reasons: ['Missing statute.'], ...over });

    it('needs the defects', () => {
      expect(fields(checkFormalCheck(request({ reasons: [], correctionDueOn: '2027-04-21' })))).toEqual([['VALIDATION_FAILED', 'reasons']]);
    });

    it.each<[string | null | undefined, string | null]>([
      [undefined, 'A request for correction needs a deadline.'],
      [null, 'A request for correction needs a deadline.'],
      ['2027-04-31', 'The correction deadline must be a date (YYYY-MM-DD).'],
      ['2027-04-07', 'The correction deadline must be after today (2027-04-07).'],
      ['2027-04-06', 'The correction deadline must be after today (2027-04-07).'],
      ['2027-04-08', null],
    ])('with the deadline %p', (correctionDueOn, message) => {
      expect(checkFormalCheck(request({ correctionDueOn }))).toEqual(message ? [{ code: 'VALIDATION_FAILED', field: 'correctionDueOn', message }] : []);
    });

    it('compares with the Prague date, not the UTC one', () => {
      // 23:30 UTC on 7 April is already 8 April in Prague (CEST), so the 8th is not after today.
      const late = { now: new Date('2027-04-07T23:30:00Z'), todayInPrague: '2027-04-08' };
      expect(fields(checkFormalCheck(request({ ...late, correctionDueOn: '2027-04-08' })))).toEqual([['VALIDATION_FAILED', 'correctionDueOn']]);
    });
  });

  it.each(['eligible', 'ineligible'] as const)('refuses a correction deadline on %s', (result) => {
    expect(checkFormalCheck(check({ result, reasons: ['x'], correctionDueOn: '2027-04-21' }))).toEqual([
      { code: 'VALIDATION_FAILED', field: 'correctionDueOn', message: 'A correction deadline belongs only to a request for correction.' },
    ]);
  });

  it('lists every problem at once, the window first', () => {
    const v = checkFormalCheck(
      check({ now: new Date('2027-03-20T10:00:00Z'), todayInPrague: '2027-03-20', status: 'draft', result: 'correction_requested', reasons: [''] }),
    );
    expect(fields(v)).toEqual([
      ['FORMAL_CHECK_NOT_OPEN', undefined],
      ['INVALID_STATUS_TRANSITION', undefined],
      ['VALIDATION_FAILED', 'reasons[0]'],
      ['VALIDATION_FAILED', 'reasons'],
      ['VALIDATION_FAILED', 'correctionDueOn'],
    ]);
  });

  it('throws when the caller passes no real Prague date', () => {
    expect(() => checkFormalCheck(check({ todayInPrague: '2027-4-7' }))).toThrow(RangeError);
  });
});

describe('formalCheckLetter', () => {
  it('sends a letter for ineligibility and for a correction request, none when eligible', () => {
    expect(FORMAL_CHECK_RESULTS.map(formalCheckLetter)).toEqual([null, 'ineligible', 'correction_request']);
  });
});
