import { compareReferenceNumbers } from './reference-order';

export type RankingMethod = 'average' | 'normalised';

export interface RankingCandidate {
  applicationId: string;
  referenceNumber: string;
  /** Receipt time of the submission. */
  submittedAt: Date;
  /** Members who scored the application. */
  scorers: number;
  /** Both to 2 decimals, null when nobody scored. */
  averageScore: number | null;
  normalisedScore: number | null;
}

export interface RankingTerms {
  rankingMethod: RankingMethod;
  quorum: number;
  minScore: number;
}

export type Ranked<T> = T & {
  /** 1..n, distinct: ties are broken by receipt time, then reference number. */
  rank: number;
  /** The score the ranking used (average or normalised, per the call), or null when it does not count. */
  rankingScore: number | null;
  /** Scored by at least a quorum of members. */
  counting: boolean;
  /** Has a counting score of at least the call's minimum score. */
  recommended: boolean;
};

/** 17.33 → 1733, so equal published scores compare equal whatever float noise they carry. */
const hundredths = (score: number): number => Math.round(score * 100);

/**
 * Ranks the applications of one part of a call.
 *
 * 1. Applications with a counting score (at least `quorum` scorers) come
 *    first, by score descending; the score is the published 2-decimal value
 *    of the call's ranking method, so two applications shown with the same
 *    score are tied.
 * 2. Ties go to the earlier receipt, then to the lower reference number.
 * 3. Applications without a counting score follow, by receipt, then reference
 *    number; they are never recommended.
 *
 * `recommended` = counting score ≥ the call's minimum score.
 */
export function rankApplications<T extends RankingCandidate>(candidates: readonly T[], terms: RankingTerms): Ranked<T>[] {
  if (!Number.isSafeInteger(terms.quorum) || terms.quorum < 1) throw new RangeError(`quorum must be an integer ≥ 1, got ${terms.quorum}`);
  if (!Number.isFinite(terms.minScore) || terms.minScore < 0) throw new RangeError(`minScore must be a number ≥ 0, got ${terms.minScore}`);
  for (const c of candidates) {
    if (Number.isNaN(c.submittedAt.getTime())) throw new RangeError(`application ${c.applicationId} has no valid receipt time`);
  }

  const keyed = candidates.map((c) => {
    const score = terms.rankingMethod === 'normalised' ? c.normalisedScore : c.averageScore;
    const counting = score !== null && c.scorers >= terms.quorum;
    return { c, counting, score: counting ? score : null, key: counting && score !== null ? hundredths(score) : null };
  });

  keyed.sort(
    (x, y) =>
      Number(y.counting) - Number(x.counting) ||
      (y.key ?? 0) - (x.key ?? 0) ||
      x.c.submittedAt.getTime() - y.c.submittedAt.getTime() ||
      compareReferenceNumbers(x.c.referenceNumber, y.c.referenceNumber) ||
      (x.c.applicationId < y.c.applicationId ? -1 : x.c.applicationId > y.c.applicationId ? 1 : 0),
  );

  const minKey = Math.round(terms.minScore * 100);
  return keyed.map(({ c, counting, score, key }, i) => ({
    ...c,
    rank: i + 1,
    rankingScore: score,
    counting,
    recommended: key !== null && key >= minKey,
  }));
}
