import fc from 'fast-check';
import { normaliseScores, type SheetTotal } from './normalisation';
import { aggregateScores } from './score-aggregate';

const sheet = (memberId: string, applicationId: string, total: number): SheetTotal => ({ memberId, applicationId, total });

/** applicationId → normalised score, for readable expectations. */
const scores = (sheets: SheetTotal[]): Record<string, number> =>
  Object.fromEntries([...normaliseScores(sheets)].map(([id, n]) => [id, n.normalisedScore]));

// A harsh and a lenient member who order the applications alike.
const HARSH = [sheet('harsh', 'A', 10), sheet('harsh', 'B', 20), sheet('harsh', 'C', 30)];
const LENIENT = [sheet('lenient', 'A', 30), sheet('lenient', 'B', 40), sheet('lenient', 'C', 50)];

describe('normaliseScores', () => {
  it('is empty without sheets', () => {
    expect(normaliseScores([]).size).toBe(0);
  });

  /*
   * Both members: mean 20 resp. 40, sd √(200/3) ≈ 8.165, so z = −1.2247, 0, +1.2247 for A, B, C.
   * All six totals: M = 30, D = √(1000/6) ≈ 12.910.
   * A: 30 − 1.2247 × 12.910 = 30 − √9000 / 6 = 14.1886 → 14.19; B: 30; C: 45.8114 → 45.81.
   */
  it('corrects a harsh and a lenient member scoring the same applications (hand-computed)', () => {
    expect(scores([...HARSH, ...LENIENT])).toEqual({ A: 14.19, B: 30, C: 45.81 });
    // The raw averages would be 20, 30, 40: the correction spreads them to the call's scale.
  });

  it('gives the same score whether the harsh or the lenient member scored (hand-computed)', () => {
    const lenientOnOthers = LENIENT.map((s) => ({ ...s, applicationId: { A: 'D', B: 'E', C: 'F' }[s.applicationId]! }));
    // Raw averages: A 10, B 20, C 30 against D 30, E 40, F 50; same totals as above, so M = 30 and D ≈ 12.910 again.
    expect(scores([...HARSH, ...lenientOnOthers])).toEqual({ A: 14.19, B: 30, C: 45.81, D: 14.19, E: 30, F: 45.81 });
  });

  /*
   * S scored only A (25): it keeps its raw total, mapped with the call's 7 totals:
   * M = 205/7 ≈ 29.286, D = √7150 / 7 ≈ 12.080, z_S = (25 − M) / D ≈ −0.3548.
   * A: M + D × (−1.2247 − 1.2247 − 0.3548) / 3 = 29.286 − 11.292 = 17.994 → 17.99.
   * B: M + D × 0 = 29.29.  C: M + D × 1.2247 = 44.080 → 44.08.
   */
  it('lets a member with one sheet keep their raw total (hand-computed)', () => {
    expect(scores([...HARSH, ...LENIENT, sheet('single', 'A', 25)])).toEqual({ A: 17.99, B: 29.29, C: 44.08 });
    // Alone on an application, that member's total is its score, exactly.
    expect(scores([...HARSH, ...LENIENT, sheet('single', 'Z', 25)])).toMatchObject({ B: 29.29, C: 44.08, Z: 25 });
  });

  /*
   * Z gave A and B 20 each: no variance, so raw totals. Totals: M = 27.5, D = √9200 / 8 ≈ 11.990, z_Z = −0.6255.
   * A: 27.5 + 11.990 × (−1.2247 × 2 − 0.6255) / 3 = 15.2105 → 15.21.
   * B: 27.5 + 11.990 × (0 + 0 − 0.6255) / 3 = 25 exactly.  C: 27.5 + 11.990 × 2.4495 / 2 = 42.184 → 42.18.
   */
  it('lets a member who gave every application the same total keep their raw totals (hand-computed)', () => {
    expect(scores([...HARSH, ...LENIENT, sheet('flat', 'A', 20), sheet('flat', 'B', 20)])).toEqual({ A: 15.21, B: 25, C: 42.18 });
  });

  /*
   * X is conflicted on A and scored B 30, C 50: mean 40, sd 10, z = −1, +1.
   * Totals: M = 32.5, D = √10800 / 8 ≈ 12.990.
   * A (harsh, lenient only): 32.5 − 1.2247 × 12.990 = 16.590 → 16.59.
   * B: 32.5 + 12.990 × (0 + 0 − 1) / 3 = 28.170 → 28.17.  C: 32.5 + 12.990 × (1.2247 × 2 + 1) / 3 = 47.437 → 47.44.
   */
  it('leaves a conflicted member out of the application they did not score (hand-computed)', () => {
    expect(scores([...HARSH, ...LENIENT, sheet('x', 'B', 30), sheet('x', 'C', 50)])).toEqual({ A: 16.59, B: 28.17, C: 47.44 });
  });

  it('keeps the raw averages when every total of the call is the same', () => {
    expect(scores([sheet('p', 'A', 20), sheet('q', 'A', 20), sheet('p', 'B', 20), sheet('r', 'C', 20)])).toEqual({ A: 20, B: 20, C: 20 });
  });

  it('rounds an exact raw average half up, like the average', () => {
    // 40 members with one sheet each: all keep their raw totals, so A is 41 / 40 = 1.025 exactly.
    const sheets = Array.from({ length: 40 }, (_, i) => sheet(`m${i}`, 'A', i === 0 ? 2 : 1));
    expect(normaliseScores(sheets).get('A')).toEqual({ normalisedScore: 1.03, normalisedHundredths: 103 });
  });

  it('rounds up a value that is x.xx5 exactly although floating point computes x.xx4999…', () => {
    // Found by search: every member's √(Q / Q_m) is rational here, and B is exactly 19.775.
    const sheets = [
      sheet('m0', 'A', 29), sheet('m0', 'B', 17), sheet('m1', 'B', 6), sheet('m1', 'A', 28),
      sheet('m2', 'C', 14), sheet('m2', 'B', 24), sheet('m3', 'A', 22), sheet('m3', 'B', 26),
      sheet('m4', 'C', 25), sheet('m4', 'B', 30), sheet('m5', 'B', 21), sheet('m6', 'B', 20),
      sheet('m6', 'A', 30), sheet('m7', 'C', 20), sheet('m7', 'B', 0),
    ];
    expect(normaliseScores(sheets).get('B')).toEqual({ normalisedScore: 19.78, normalisedHundredths: 1978 });
  });

  it('rejects a second sheet of a member for one application and totals that are not points', () => {
    expect(() => normaliseScores([sheet('p', 'A', 1), sheet('p', 'A', 2)])).toThrow(RangeError);
    expect(() => normaliseScores([sheet('p', 'A', -1)])).toThrow(RangeError);
    expect(() => normaliseScores([sheet('p', 'A', 1.5)])).toThrow(RangeError);
  });

  describe('properties', () => {
    const APPS = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'];
    /** Each member scores at least two applications, not all the same, so every member is standardised. */
    const member = fc
      .array(fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }), { minLength: APPS.length, maxLength: APPS.length })
      .filter((row) => new Set(row.filter((t) => t !== undefined)).size >= 2);
    const commission = fc.array(member, { minLength: 2, maxLength: 6 });
    const toSheets = (rows: (number | undefined)[][]): SheetTotal[] =>
      rows.flatMap((row, m) => row.flatMap((t, a) => (t === undefined ? [] : [sheet(`m${m}`, APPS[a], t)])));

    it('a member who adds a constant to all their totals never reverses the order of two applications', () => {
      fc.assert(
        fc.property(commission, fc.nat(), fc.integer({ min: 1, max: 40 }), (rows, who, shift) => {
          const before = normaliseScores(toSheets(rows));
          const m = who % rows.length;
          const shifted = rows.map((row, i) => (i === m ? row.map((t) => (t === undefined ? t : t + shift)) : row));
          const after = normaliseScores(toSheets(shifted));
          for (const [a, x] of before) {
            for (const [b, y] of before) {
              if (x.normalisedHundredths < y.normalisedHundredths) {
                expect(after.get(a)!.normalisedHundredths).toBeLessThanOrEqual(after.get(b)!.normalisedHundredths);
              }
            }
          }
        }),
      );
    });

    it('equals the raw average when every member scored a single application', () => {
      const singles = fc.array(fc.tuple(fc.constantFrom(...APPS), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 60 });
      fc.assert(
        fc.property(singles, (pairs) => {
          const sheets = pairs.map(([app, t], i) => sheet(`m${i}`, app, t));
          for (const [app, n] of normaliseScores(sheets)) {
            const totals = sheets.filter((s) => s.applicationId === app).map((s) => s.total);
            expect(n.normalisedHundredths).toBe(aggregateScores(totals, 100).averageHundredths);
          }
        }),
      );
    });

    it('does not depend on the order of the sheets, and covers exactly the scored applications', () => {
      fc.assert(
        fc.property(commission, (rows) => {
          const sheets = toSheets(rows);
          const forward = normaliseScores(sheets);
          expect(new Set(forward.keys())).toEqual(new Set(sheets.map((s) => s.applicationId)));
          expect(new Map([...normaliseScores([...sheets].reverse())].sort())).toEqual(new Map([...forward].sort()));
        }),
      );
    });

    it('keeps the call\'s mean: over all sheets, the normalised scores average to M (within rounding)', () => {
      // Each standardised member's z-scores sum to 0, so Σ over sheets of normalised(a) = N·M + D·Σz = N·M.
      fc.assert(
        fc.property(commission, (rows) => {
          const sheets = toSheets(rows);
          const normalised = normaliseScores(sheets);
          const mean = sheets.reduce((sum, s) => sum + s.total, 0) / sheets.length;
          const meanOfNormalised = sheets.reduce((sum, s) => sum + normalised.get(s.applicationId)!.normalisedScore, 0) / sheets.length;
          expect(Math.abs(meanOfNormalised - mean)).toBeLessThanOrEqual(0.005 + 1e-9);
        }),
      );
    });

    it('gives equal scores to what a harsh and a lenient member scored alike, on separate applications', () => {
      const pattern = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 6 }).filter((p) => new Set(p).size >= 2);
      fc.assert(
        fc.property(pattern, fc.integer({ min: 1, max: 20 }), commission, (p, leniency, others) => {
          const sheets = [
            ...p.map((t, i) => sheet('harsh', `h${i}`, t)),
            ...p.map((t, i) => sheet('lenient', `l${i}`, t + leniency)),
            ...toSheets(others), // other members on other applications
          ];
          const normalised = normaliseScores(sheets);
          p.forEach((_, i) => {
            expect(normalised.get(`h${i}`)!.normalisedHundredths).toBe(normalised.get(`l${i}`)!.normalisedHundredths);
          });
        }),
      );
    });
  });
});
