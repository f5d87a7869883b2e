import { compareReferenceNumbers } from './reference-order';

/** The fields of a ranking line that would betray the other members' scores. */
export interface PeerScoreLine {
  applicationId: string;
  partCode: string;
  referenceNumber: string;
  averageScore: number | null;
  normalisedScore: number | null;
  scorers: number | null;
  spread: number | null;
  spreadFlagged: boolean;
  counting: boolean | null;
  rank: number | null;
  proposedCzk: number | null;
  recommended: boolean | null;
  /** For a commission member: the scores of an application they have not scored yet, or are conflicted on, are not shown. */
  scoresHidden: boolean;
}

/**
 * Hidden peer scores in the ranking too: a member sees the scores, the rank
 * and the proposal (all of which would betray the others' scores) only of the
 * applications in `visible` (scored without a conflict; after the evaluation
 * closes, all but their conflicts). Hidden ones follow the others, by part and
 * reference number, so not even their order gives the ranking away.
 */
export function hidePeerScores<T extends PeerScoreLine>(items: readonly T[], visible: ReadonlySet<string>, partOrder: readonly string[]): T[] {
  const shown = items.filter((i) => visible.has(i.applicationId));
  const hidden = items
    .filter((i) => !visible.has(i.applicationId))
    .sort((a, b) => partOrder.indexOf(a.partCode) - partOrder.indexOf(b.partCode) || compareReferenceNumbers(a.referenceNumber, b.referenceNumber))
    .map((i) => ({
      ...i,
      averageScore: null,
      normalisedScore: null,
      scorers: null,
      spread: null,
      spreadFlagged: false,
      counting: null,
      rank: null,
      proposedCzk: null,
      recommended: null,
      scoresHidden: true,
    }));
  return [...shown, ...hidden];
}
