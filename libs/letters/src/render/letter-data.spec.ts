import { LetterDataError, parseLetterData } from './letter-data';
import { letterData } from './testing/letter-fixtures';

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof LetterDataError) return e.problems;
    throw e;
  }
  throw new Error('no LetterDataError');
}

describe('parseLetterData', () => {
  it('types letter.data as jsonb gives it: bigint as a string, instants with an offset', () => {
    const d = parseLetterData('approval', letterData('approval'));
    expect(d.application.requestedCzk).toBe(200000);
    expect(d.application.submittedAt).toEqual(new Date('2027-02-10T08:30:00.123Z'));
    expect(d.decidedAt).toEqual(new Date('2027-03-03T08:15:00Z'));
    expect(d.decision).toEqual({ kind: 'approval', amountCzk: 185000, deviationReason: null, body: 'council', resolutionNumber: 'UR 1234', resolutionDate: '2027-03-01' });
  });

  it("reads an approval's reason for deviating from the commission: none (absent or null), trimmed text, never a blank one", () => {
    const withReason = (deviationReason: unknown) => {
      const data = letterData('approval');
      (data.decision as Record<string, unknown>).deviationReason = deviationReason;
      return data;
    };
    expect(parseLetterData('approval', withReason(null)).decision).toMatchObject({ kind: 'approval', deviationReason: null });
    expect(parseLetterData('approval', withReason(' Rada ocenila přínos projektu. ')).decision).toMatchObject({ deviationReason: 'Rada ocenila přínos projektu.' });
    expect(problemsOf(() => parseLetterData('approval', withReason('  ')))).toEqual(['decision.deviationReason must be a non-empty string, got "  "']);
    expect(problemsOf(() => parseLetterData('approval', withReason(42)))).toEqual(['decision.deviationReason must be a non-empty string, got 42']);
  });

  it('accepts amounts as numbers or digit strings, and refuses others', () => {
    for (const ok of [200000, '200000', 0]) {
      const data = letterData('rejection');
      (data.application as Record<string, unknown>).requestedCzk = ok;
      expect(parseLetterData('rejection', data).application.requestedCzk).toBe(Number(ok));
    }
    for (const bad of ['12.5', '-1', 1.5, '9007199254740993', 2 ** 53, null, '']) {
      const data = letterData('rejection');
      (data.application as Record<string, unknown>).requestedCzk = bad;
      expect(problemsOf(() => parseLetterData('rejection', data))).toEqual([expect.stringMatching(/^application\.requestedCzk must be a non-negative whole amount of CZK/)]);
    }
  });

  it('lists every problem, with its path', () => {
    const data = letterData('correction_request', { decidedAt: 'yesterday', part: null });
    (data.recipient as Record<string, unknown>).ico = '1234567';
    (data.decision as Record<string, unknown>).correctionDueOn = null;
    (data.decision as Record<string, unknown>).reasons = ['Chybí podpis.', ' '];
    expect(problemsOf(() => parseLetterData('correction_request', data))).toEqual([
      'part must be an object',
      'recipient.ico must be 8 digits, got "1234567"',
      'part.code must be a non-empty string, got nothing',
      'part.name must be a non-empty string, got nothing',
      'data.decidedAt must be an ISO 8601 instant with an offset, got "yesterday"',
      'decision.reasons[1] must be a non-empty string, got " "',
      'decision.correctionDueOn must be a date (YYYY-MM-DD), got null',
    ]);
  });

  it('wants what each kind says: an approval its amount and resolution, the others their reasons', () => {
    const approval = letterData('approval');
    Object.assign(approval.decision as object, { amountCzk: null, body: 'mayor', resolutionDate: '2027-02-30' });
    expect(problemsOf(() => parseLetterData('approval', approval))).toEqual([
      'decision.amountCzk must be a positive whole amount of CZK, got null',
      'decision.body must be "council" or "assembly", got "mayor"',
      'decision.resolutionDate must be a date (YYYY-MM-DD), got "2027-02-30"',
    ]);
    for (const kind of ['rejection', 'ineligible', 'correction_request'] as const) {
      const data = letterData(kind);
      (data.decision as Record<string, unknown>).reasons = [];
      expect(problemsOf(() => parseLetterData(kind, data))).toEqual(['decision.reasons must list at least one reason, got []']);
    }
  });

  it('refuses the data of another kind of decision', () => {
    expect(problemsOf(() => parseLetterData('approval', letterData('rejection')))).toContain('decision.outcome must be "approved" for this kind of letter, got "rejected"');
    expect(problemsOf(() => parseLetterData('ineligible', letterData('correction_request')))).toContain(
      'decision.result must be "ineligible" for this kind of letter, got "correction_requested"',
    );
    expect(problemsOf(() => parseLetterData('notice' as never, letterData('approval')))).toEqual([expect.stringMatching(/^kind must be one of approval, rejection/)]);
  });

  it('refuses what is not an object at all', () => {
    expect(problemsOf(() => parseLetterData('approval', null))[0]).toBe('data must be an object');
  });
});
