import { fromHundredths, roundRatioToHundredths, roundToHundredths } from './rounding';

/** One member's score sheet for one application, reduced to its total. */
export interface SheetTotal {
  memberId: string;
  applicationId: string;
  total: number;
}

export interface NormalisedScore {
  /** Leniency-corrected score on the points scale, rounded half up to 2 decimals. */
  normalisedScore: number;
  /** The same in integer hundredths (1419 for 14.19). */
  normalisedHundredths: number;
}

/** Counts and sums of totals: plain numbers, exact while they stay safe integers (checked). */
interface Sums {
  n: number;
  sum: number;
  sumOfSquares: number;
}

const emptySums = (): Sums => ({ n: 0, sum: 0, sumOfSquares: 0 });

function add(s: Sums, t: number): void {
  s.n += 1;
  s.sum += t;
  s.sumOfSquares += t * t;
  if (!Number.isSafeInteger(s.sumOfSquares)) throw new RangeError('sheet totals too large to normalise exactly');
}

/** n²·variance = n·Σt² − (Σt)²: an exact integer (in bigint: the product may pass 2^53), zero exactly when all totals are equal. */
const scaledVariance = (s: Sums): bigint => BigInt(s.n) * BigInt(s.sumOfSquares) - BigInt(s.sum) * BigInt(s.sum);

/**
 * Per-member leniency correction ("normalised score"), shown beside the raw
 * average. A harsh and a lenient member who order the applications alike give
 * them the same normalised scores.
 *
 * Over all score sheets of a call, with the total t(m, a) of member m for application a:
 *
 * - M, D: mean and population standard deviation of all totals of the call;
 * - M_m, D_m: the same over member m's own totals;
 * - z(m, a) = (t(m, a) − M_m) / D_m, the member's standardised total; a member
 *   with a single sheet, or who gave every application the same total
 *   (D_m = 0), cannot be standardised and keeps the raw total instead:
 *   z(m, a) = (t(m, a) − M) / D, which maps back to exactly t(m, a);
 * - normalised(a) = M + D × (mean of z(m, a) over the members who scored a),
 *   rounded half up to 2 decimals. When D = 0 (every total of the call is the
 *   same), normalised(a) is that total.
 *
 * Applications nobody scored are absent from the result. The value may fall
 * slightly outside 0..maximum in extreme cases; it is not clamped, because
 * clamping would create ties the ranking would have to break arbitrarily.
 *
 * Computation: with n·Σt² − (Σt)² kept as exact integers, the contributions of
 * members who keep their raw total are exact rationals, so an application
 * scored only by them gets exactly its raw average; the others add
 * (n_m·t − Σt_m)·√(Q / Q_m) terms in floating point (see HALF_TOLERANCE).
 */
export function normaliseScores(sheets: readonly SheetTotal[]): Map<string, NormalisedScore> {
  const all = emptySums();
  const byMember = new Map<string, Sums>();
  const byApplication = new Map<string, SheetTotal[]>();
  const seen = new Map<string, Set<string>>();

  for (const sheet of sheets) {
    if (!Number.isSafeInteger(sheet.total) || sheet.total < 0) {
      throw new RangeError(`a sheet total must be a non-negative integer, got ${sheet.total}`);
    }
    let scoredByMember = seen.get(sheet.memberId);
    if (!scoredByMember) seen.set(sheet.memberId, (scoredByMember = new Set()));
    if (scoredByMember.has(sheet.applicationId)) throw new RangeError(`member ${sheet.memberId} has two sheets for application ${sheet.applicationId}`);
    scoredByMember.add(sheet.applicationId);

    add(all, sheet.total);
    let member = byMember.get(sheet.memberId);
    if (!member) byMember.set(sheet.memberId, (member = emptySums()));
    add(member, sheet.total);
    const list = byApplication.get(sheet.applicationId);
    if (list) list.push(sheet);
    else byApplication.set(sheet.applicationId, [sheet]);
  }

  const q = scaledVariance(all);
  // Per member, once: null for a member who keeps raw totals (Q_m = 0), else √(Q / Q_m).
  const scale = new Map<string, number | null>();
  for (const [memberId, m] of byMember) {
    const qm = scaledVariance(m);
    scale.set(memberId, qm === 0n ? null : Math.sqrt(Number(q) / Number(qm)));
  }
  const result = new Map<string, NormalisedScore>();
  for (const [applicationId, scored] of byApplication) {
    // normalised = (Σ + (1/k)·Σ_m c_m) / N, where c_m = D·N·z(m, a):
    //   raw-keeping member:  c_m = N·t − Σ                      (exact)
    //   standardised member: c_m = (n_m·t − Σ_m)·√(Q / Q_m)     (float)
    // with Σ, Q = N·Σt² − Σ² over the call and Σ_m, Q_m likewise over the member.
    const k = scored.length;
    let exact = BigInt(k) * BigInt(all.sum);
    let inexact = 0;
    for (const { memberId, total } of scored) {
      const factor = scale.get(memberId)!;
      if (factor === null) exact += BigInt(all.n * total - all.sum);
      else {
        const m = byMember.get(memberId)!;
        inexact += (m.n * total - m.sum) * factor;
      }
    }
    const denominator = BigInt(k * all.n);
    // Exact whenever nothing irrational is left (also when standardised contributions are all 0).
    const hundredths =
      inexact === 0 ? Number(roundRatioToHundredths(exact, denominator)) : roundToHundredths((Number(exact) + inexact) / Number(denominator));
    result.set(applicationId, { normalisedScore: fromHundredths(hundredths), normalisedHundredths: hundredths });
  }
  return result;
}
