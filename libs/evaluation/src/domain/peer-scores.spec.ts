import { hidePeerScores, type PeerScoreLine } from './peer-scores';

const line = (applicationId: string, partCode: string, referenceNumber: string, rank: number): PeerScoreLine => ({
  applicationId,
  partCode,
  referenceNumber,
  averageScore: 80 - rank,
  normalisedScore: 79 - rank,
  scorers: 3,
  spread: 10,
  spreadFlagged: true,
  counting: true,
  rank,
  proposedCzk: 100_000,
  recommended: true,
  scoresHidden: false,
});

describe('hidePeerScores', () => {
  // Ranked: a (0010) 1st, b (0002) 2nd, c (0001) 3rd in part 1; d in part 2.
  const ranking = [line('a', '1', 'INT-2027-0010', 1), line('b', '1', 'INT-2027-0002', 2), line('c', '1', 'INT-2027-0001', 3), line('d', '2', 'INT-2027-0003', 1)];

  it('keeps the lines the member may see as they are, in rank order', () => {
    expect(hidePeerScores(ranking, new Set(['a', 'b', 'c', 'd']), ['1', '2'])).toEqual(ranking);
  });

  it('hides every score, rank and proposal of the others, listing them by part and reference number', () => {
    const seen = hidePeerScores(ranking, new Set(['b']), ['1', '2']);
    expect(seen.map((l) => l.applicationId)).toEqual(['b', 'c', 'a', 'd']);
    expect(seen[1]).toEqual({
      ...ranking[2],
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
    });
  });
});
