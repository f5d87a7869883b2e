import fc from 'fast-check';
import { rankApplications, type RankingCandidate, type RankingTerms } from './ranking';

const TERMS: RankingTerms = { rankingMethod: 'average', quorum: 3, minScore: 20 };

let seq = 0;
function app(over: Partial<RankingCandidate> & { ref: number }): RankingCandidate {
  const { ref, ...rest } = over;
  seq += 1;
  return {
    applicationId: `app-${ref}`,
    referenceNumber: `INT-2027-${String(ref).padStart(4, '0')}`,
    submittedAt: new Date(Date.UTC(2027, 2, 1, 8, 0, seq)),
    scorers: 3,
    averageScore: 25,
    normalisedScore: 25,
    ...rest,
  };
}

const order = (ranked: { referenceNumber: string }[]) => ranked.map((r) => r.referenceNumber.slice(-4));

describe('rankApplications', () => {
  it('ranks by score, highest first, with distinct ranks 1..n', () => {
    const ranked = rankApplications([app({ ref: 1, averageScore: 22.5 }), app({ ref: 2, averageScore: 31 }), app({ ref: 3, averageScore: 27.33 })], TERMS);
    expect(order(ranked)).toEqual(['0002', '0003', '0001']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranked.map((r) => r.rankingScore)).toEqual([31, 27.33, 22.5]);
  });

  it('breaks a tie by the earlier receipt', () => {
    const early = app({ ref: 2, averageScore: 30, submittedAt: new Date('2027-03-10T09:00:00Z') });
    const late = app({ ref: 1, averageScore: 30, submittedAt: new Date('2027-03-10T09:00:01Z') });
    expect(order(rankApplications([late, early], TERMS))).toEqual(['0002', '0001']);
  });

  it('breaks a tie of score and receipt by the reference number, read as a number', () => {
    const at = new Date('2027-03-10T09:00:00Z');
    const apps = [10000, 10, 2, 9999].map((ref) => app({ ref, averageScore: 30, submittedAt: at }));
    expect(rankApplications(apps, TERMS).map((r) => r.referenceNumber)).toEqual([
      'INT-2027-0002',
      'INT-2027-0010',
      'INT-2027-9999',
      'INT-2027-10000',
    ]);
  });

  it('ties on the published 2-decimal score, not on float noise', () => {
    const first = app({ ref: 1, averageScore: 0.1 + 0.2 }); // 0.30000000000000004
    const second = app({ ref: 2, averageScore: 0.3 });
    expect(order(rankApplications([second, first], TERMS))).toEqual(['0001', '0002']); // tie → earlier receipt
  });

  it('ranks applications without a quorum last, by receipt, and never recommends them', () => {
    const ranked = rankApplications(
      [
        app({ ref: 1, averageScore: 40, scorers: 2 }),
        app({ ref: 2, averageScore: 10 }),
        app({ ref: 3, averageScore: null, normalisedScore: null, scorers: 0 }),
        app({ ref: 4, averageScore: 20 }),
      ],
      TERMS,
    );
    expect(ranked.map((r) => [r.referenceNumber.slice(-4), r.rank, r.counting, r.rankingScore, r.recommended])).toEqual([
      ['0004', 1, true, 20, true], // exactly the minimum score: recommended
      ['0002', 2, true, 10, false],
      ['0001', 3, false, null, false], // the best average, but only 2 of 3 scorers
      ['0003', 4, false, null, false],
    ]);
    expect(ranked[2].averageScore).toBe(40); // still shown
  });

  it('recommends from the minimum score up, to the hundredth', () => {
    const ranked = rankApplications([app({ ref: 1, averageScore: 19.99 }), app({ ref: 2, averageScore: 20 })], TERMS);
    expect(ranked.map((r) => [r.referenceNumber.slice(-4), r.recommended])).toEqual([
      ['0002', true],
      ['0001', false],
    ]);
  });

  it('uses the normalised score when the call says so', () => {
    const apps = [app({ ref: 1, averageScore: 30, normalisedScore: 18 }), app({ ref: 2, averageScore: 25, normalisedScore: 26.5 })];
    expect(order(rankApplications(apps, { ...TERMS, rankingMethod: 'average' }))).toEqual(['0001', '0002']);
    const normalised = rankApplications(apps, { ...TERMS, rankingMethod: 'normalised' });
    expect(normalised.map((r) => [r.referenceNumber.slice(-4), r.rankingScore, r.recommended])).toEqual([
      ['0002', 26.5, true],
      ['0001', 18, false],
    ]);
  });

  it('keeps the caller\'s fields', () => {
    const [ranked] = rankApplications([{ ...app({ ref: 1 }), title: 'Czech for parents', requestedCzk: 120_000 }], TERMS);
    expect(ranked).toMatchObject({ title: 'Czech for parents', requestedCzk: 120_000, rank: 1 });
  });

  it('rejects impossible terms and receipt times', () => {
    expect(() => rankApplications([], { ...TERMS, quorum: 0 })).toThrow(RangeError);
    expect(() => rankApplications([], { ...TERMS, minScore: -1 })).toThrow(RangeError);
    expect(() => rankApplications([app({ ref: 1, submittedAt: new Date('nope') })], TERMS)).toThrow(RangeError);
  });

  describe('properties', () => {
    const candidate = fc.record({
      ref: fc.integer({ min: 1, max: 20_000 }),
      second: fc.integer({ min: 0, max: 5 }), // few distinct receipt times, to exercise the ties
      hundredths: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), // few distinct scores, likewise
      scorers: fc.integer({ min: 0, max: 5 }),
    });
    const field = fc
      .uniqueArray(candidate, { selector: (c) => c.ref, maxLength: 30 })
      .map((cs) =>
        cs.map((c) =>
          app({
            ref: c.ref,
            submittedAt: new Date(Date.UTC(2027, 2, 31, 13, 59, c.second)),
            averageScore: c.hundredths === null ? null : c.hundredths / 2,
            normalisedScore: c.hundredths === null ? null : 25 - c.hundredths / 4,
            scorers: c.hundredths === null ? 0 : c.scorers,
          }),
        ),
      );
    const terms = fc.record({
      rankingMethod: fc.constantFrom('average' as const, 'normalised' as const),
      quorum: fc.integer({ min: 1, max: 4 }),
      minScore: fc.integer({ min: 0, max: 25 }),
    });

    it('is a permutation with ranks 1..n, independent of the input order', () => {
      fc.assert(
        fc.property(field, terms, (apps, t) => {
          const ranked = rankApplications(apps, t);
          expect(ranked.map((r) => r.rank)).toEqual(apps.map((_, i) => i + 1));
          expect(ranked.map((r) => r.applicationId).sort()).toEqual(apps.map((a) => a.applicationId).sort());
          expect(rankApplications([...apps].reverse(), t)).toEqual(ranked);
        }),
      );
    });

    it('puts counting scores first, in non-increasing order, recommended ones on top', () => {
      fc.assert(
        fc.property(field, terms, (apps, t) => {
          const ranked = rankApplications(apps, t);
          for (let i = 1; i < ranked.length; i++) {
            const [a, b] = [ranked[i - 1], ranked[i]];
            expect(Number(a.counting)).toBeGreaterThanOrEqual(Number(b.counting));
            expect(Number(a.recommended)).toBeGreaterThanOrEqual(Number(b.recommended));
            if (a.counting && b.counting) {
              expect(a.rankingScore!).toBeGreaterThanOrEqual(b.rankingScore!);
              if (a.rankingScore === b.rankingScore) expect(a.submittedAt.getTime()).toBeLessThanOrEqual(b.submittedAt.getTime());
            }
          }
          for (const r of ranked) {
            expect(r.counting).toBe(r.scorers >= t.quorum && (t.rankingMethod === 'average' ? r.averageScore : r.normalisedScore) !== null);
            expect(r.recommended).toBe(r.counting && r.rankingScore! >= t.minScore);
          }
        }),
      );
    });
  });
});
