import fc from 'fast-check';
import type { Violation } from './violation';
import { checkMayScore, checkScoreSheet, maxTotal, scoringWindow, sheetTotal } from './scoring.rules';

const CRITERIA = [
  { code: 'RELEVANCE', maxPoints: 10 },
  { code: 'QUALITY', maxPoints: 20 },
  { code: 'BUDGET', maxPoints: 5 },
];

const full = () => [
  { criterionCode: 'RELEVANCE', points: 8 },
  { criterionCode: 'QUALITY', points: 15 },
  { criterionCode: 'BUDGET', points: 5 },
];

const fields = (vs: Violation[]) => vs.map((v) => [v.code, v.field]);

describe('checkScoreSheet', () => {
  it('accepts every criterion once, in any order, from 0 to its maximum', () => {
    expect(checkScoreSheet({ criteria: CRITERIA, points: full() })).toEqual([]);
    expect(checkScoreSheet({ criteria: CRITERIA, points: full().reverse() })).toEqual([]);
    const bounds = [
      { criterionCode: 'RELEVANCE', points: 0 },
      { criterionCode: 'QUALITY', points: 20 },
      { criterionCode: 'BUDGET', points: 0 },
    ];
    expect(checkScoreSheet({ criteria: CRITERIA, points: bounds })).toEqual([]);
  });

  it.each<[number, string]>([
    [21, 'Criterion QUALITY takes whole points from 0 to 20; got 21.'],
    [-1, 'Criterion QUALITY takes whole points from 0 to 20; got -1.'],
    [7.5, 'Criterion QUALITY takes whole points from 0 to 20; got 7.5.'],
    [Number.NaN, 'Criterion QUALITY takes whole points from 0 to 20; got NaN.'],
  ])('refuses %p points with POINTS_OUT_OF_RANGE on the field', (points, message) => {
    const p = full();
    p[1].points = points;
    expect(checkScoreSheet({ criteria: CRITERIA, points: p })).toEqual([{ code: 'POINTS_OUT_OF_RANGE', field: 'points[1].points', message }]);
  });

  it('requires every criterion, naming the missing ones', () => {
    expect(checkScoreSheet({ criteria: CRITERIA, points: full().slice(0, 1) })).toEqual([
      { code: 'VALIDATION_FAILED', field: 'points', message: 'Every criterion must be scored; missing: QUALITY, BUDGET.' },
    ]);
    expect(fields(checkScoreSheet({ criteria: CRITERIA, points: [] }))).toEqual([['VALIDATION_FAILED', 'points']]);
  });

  it('refuses an unknown criterion and a criterion scored twice', () => {
    const p = [...full(), { criterionCode: 'IMPACT', points: 3 }, { criterionCode: 'BUDGET', points: 4 }];
    expect(checkScoreSheet({ criteria: CRITERIA, points: p })).toEqual([
      { code: 'VALIDATION_FAILED', field: 'points[3].criterionCode', message: '"IMPACT" is not a criterion of this call.' },
      { code: 'VALIDATION_FAILED', field: 'points[4].criterionCode', message: 'Criterion BUDGET is scored twice.' },
    ]);
  });

  it('lists every problem at once', () => {
    const p = [
      { criterionCode: 'QUALITY', points: 25 },
      { criterionCode: 'QUALITY', points: 2 },
      { criterionCode: 'relevance', points: 1 },
      { criterionCode: 'BUDGET', points: 6 },
    ];
    expect(fields(checkScoreSheet({ criteria: CRITERIA, points: p }))).toEqual([
      ['POINTS_OUT_OF_RANGE', 'points[0].points'],
      ['VALIDATION_FAILED', 'points[1].criterionCode'],
      ['VALIDATION_FAILED', 'points[2].criterionCode'], // codes are case-sensitive
      ['POINTS_OUT_OF_RANGE', 'points[3].points'],
      ['VALIDATION_FAILED', 'points'], // RELEVANCE
    ]);
  });

  it('accepts any complete sheet within range, whose total is then within the maximum total', () => {
    const sheet = fc.tuple(...CRITERIA.map((c) => fc.integer({ min: 0, max: c.maxPoints })));
    fc.assert(
      fc.property(sheet, (values) => {
        const points = CRITERIA.map((c, i) => ({ criterionCode: c.code, points: values[i] }));
        expect(checkScoreSheet({ criteria: CRITERIA, points })).toEqual([]);
        expect(sheetTotal(points)).toBeLessThanOrEqual(maxTotal(CRITERIA));
      }),
    );
  });
});

describe('sheetTotal and maxTotal', () => {
  it('sum the points and the maxima', () => {
    expect(sheetTotal(full())).toBe(28);
    expect(sheetTotal([])).toBe(0);
    expect(maxTotal(CRITERIA)).toBe(35);
  });
});

describe('scoringWindow', () => {
  const CLOSES = new Date('2027-03-31T14:00:00Z');
  it.each<[string, Date, Date | null, string]>([
    ['a millisecond before submissions close', new Date(CLOSES.getTime() - 1), null, 'not_open'],
    ['the instant submissions close', CLOSES, null, 'open'],
    ['weeks later', new Date('2027-05-01T00:00:00Z'), null, 'open'],
    ['once the evaluation is closed', new Date('2027-05-01T00:00:00Z'), new Date('2027-04-30T10:00:00Z'), 'closed'],
  ])('%s', (_, now, evaluationClosedAt, state) => {
    expect(scoringWindow({ now, submissionClosesAt: CLOSES, evaluationClosedAt })).toBe(state);
  });
});

describe('checkMayScore', () => {
  const ok = { isCommissionMember: true, declaration: { hasConflict: false }, window: 'open' as const };

  it('lets a declared, unconflicted member score while scoring is open', () => {
    expect(checkMayScore(ok)).toEqual([]);
  });

  it.each<[string, Parameters<typeof checkMayScore>[0], string[]]>([
    ['not a member', { ...ok, isCommissionMember: false, declaration: null, window: 'closed' }, ['NOT_A_COMMISSION_MEMBER']],
    ['no declaration', { ...ok, declaration: null }, ['COI_DECLARATION_REQUIRED']],
    ['a declared conflict', { ...ok, declaration: { hasConflict: true } }, ['CONFLICT_OF_INTEREST']],
    ['before submissions close', { ...ok, window: 'not_open' }, ['SCORING_NOT_OPEN']],
    ['after the evaluation closed', { ...ok, window: 'closed' }, ['SCORING_CLOSED']],
    ['a conflict, late', { ...ok, declaration: { hasConflict: true }, window: 'closed' }, ['CONFLICT_OF_INTEREST', 'SCORING_CLOSED']],
  ])('refuses %s', (_, input, codes) => {
    expect(checkMayScore(input).map((v) => v.code)).toEqual(codes);
  });
});
