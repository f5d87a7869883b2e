import { normaliseScores, type SheetTotal } from './normalisation';
import { rankApplications, type RankingMethod } from './ranking';
import { aggregateScores } from './score-aggregate';

export interface BoardApplication {
  applicationId: string;
  partCode: string;
  referenceNumber: string;
  submittedAt: Date;
}

export interface BoardTerms {
  rankingMethod: RankingMethod;
  quorum: number;
  minScore: number;
  /** Sum of the criteria's maximum points. */
  maxTotal: number;
}

export interface BoardRow<T extends BoardApplication> {
  application: T;
  averageScore: number | null;
  normalisedScore: number | null;
  scorers: number;
  spread: number | null;
  spreadFlagged: boolean;
  rank: number;
  counting: boolean;
  recommended: boolean;
}

/**
 * The whole evaluation of a call in one pass: each application's average,
 * spread and leniency-corrected score from the call's score sheets
 * (normalisation runs over every sheet of the call, across its parts), then
 * the ranking of each part. Parts come back in the order of `partCodes`.
 */
export function rankingBoard<T extends BoardApplication>(
  applications: readonly T[],
  sheets: readonly SheetTotal[],
  terms: BoardTerms,
  partCodes: readonly string[],
): Map<string, BoardRow<T>[]> {
  const totalsByApplication = new Map<string, number[]>();
  for (const s of sheets) {
    const list = totalsByApplication.get(s.applicationId);
    if (list) list.push(s.total);
    else totalsByApplication.set(s.applicationId, [s.total]);
  }
  const normalised = normaliseScores(sheets);
  const candidates = applications.map((application) => {
    const aggregate = aggregateScores(totalsByApplication.get(application.applicationId) ?? [], terms.maxTotal);
    return {
      application,
      applicationId: application.applicationId,
      referenceNumber: application.referenceNumber,
      submittedAt: application.submittedAt,
      partCode: application.partCode,
      scorers: aggregate.scorers,
      averageScore: aggregate.averageScore,
      normalisedScore: normalised.get(application.applicationId)?.normalisedScore ?? null,
      spread: aggregate.spread,
      spreadFlagged: aggregate.spreadFlagged,
    };
  });
  const board = new Map<string, BoardRow<T>[]>();
  for (const code of partCodes) {
    const ranked = rankApplications(
      candidates.filter((c) => c.partCode === code),
      terms,
    );
    board.set(
      code,
      ranked.map((r) => ({
        application: r.application,
        averageScore: r.averageScore,
        normalisedScore: r.normalisedScore,
        scorers: r.scorers,
        spread: r.spread,
        spreadFlagged: r.spreadFlagged,
        rank: r.rank,
        counting: r.counting,
        recommended: r.recommended,
      })),
    );
  }
  return board;
}
