import type { CommissionMinutes, CommissionMinutesConflict, CommissionMinutesMember } from '@app/letters/domain';
import type { SheetTotal } from './normalisation';
import type { BoardApplication, BoardRow, BoardTerms } from './ranking-board';

/** An application as the minutes name it (the ranking board's rows carry it). */
export interface MinutesApplication extends BoardApplication {
  applicantName: string;
  ico: string;
  title: string;
  status: string;
  requestedCzk: number;
  proposedCzk: number | null;
}

/** A member's conflict with an application: declared by them, or automatic (affiliated with the applicant). */
export interface MinutesConflict {
  applicationId: string;
  memberId: string;
  kind: 'declared' | 'automatic';
  reason: string | null;
}

export interface MinutesInputs {
  call: CommissionMinutes['call'];
  terms: BoardTerms;
  evaluationClosedAt: Date;
  parts: readonly { code: string; name: string; allocationCzk: number }[];
  /** The commission; put in the minutes' order here (chair first, then by name). */
  members: readonly CommissionMinutesMember[];
  /** The ranking board of the call (rankingBoard over the same sheets). */
  board: ReadonlyMap<string, readonly BoardRow<MinutesApplication>[]>;
  /** The sheets the board counted (submitted, of current members not affiliated with the applicant). */
  sheets: readonly SheetTotal[];
  conflicts: readonly MinutesConflict[];
}

const byMinutesOrder = (a: CommissionMinutesMember, b: CommissionMinutesMember): number =>
  Number(b.chair) - Number(a.chair) || a.name.localeCompare(b.name, 'cs') || a.userId.localeCompare(b.userId);

/**
 * (Not on the pure front door: only evaluation's service uses it, and the
 * portal, which compiles that front door, does not know letters' types.)
 *
 * The DOT Commission's minutes of a closed evaluation, from the ranking board
 * (the figures are the board's: average, normalised score, rank,
 * recommendation) and the proposals: per application each member's counted
 * total or why none counts (a conflict, no sheet), its conflicts, and per
 * part the funding line (the last rank proposed an amount, what is left).
 */
export function commissionMinutes(input: MinutesInputs): CommissionMinutes {
  const members = [...input.members].sort(byMinutesOrder);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const totals = new Map(input.sheets.map((s) => [`${s.applicationId}/${s.memberId}`, s.total]));
  const conflictsOf = new Map<string, CommissionMinutesConflict[]>();
  for (const c of input.conflicts) {
    const name = names.get(c.memberId);
    if (name === undefined) continue;
    const list = conflictsOf.get(c.applicationId) ?? [];
    // An affiliated member who also declared: one conflict, the automatic one.
    const same = list.findIndex((x) => x.memberId === c.memberId);
    if (same >= 0) {
      if (c.kind === 'automatic') list[same] = { ...list[same], kind: 'automatic' };
      continue;
    }
    list.push({ memberId: c.memberId, name, kind: c.kind, reason: c.reason });
    conflictsOf.set(c.applicationId, list);
  }
  const order = new Map(members.map((m, i) => [m.userId, i]));
  return {
    call: input.call,
    rankingMethod: input.terms.rankingMethod,
    quorum: input.terms.quorum,
    minScore: input.terms.minScore,
    maxTotal: input.terms.maxTotal,
    evaluationClosedAt: input.evaluationClosedAt.toISOString(),
    members,
    parts: input.parts.map((part) => {
      const rows = input.board.get(part.code) ?? [];
      const proposedCzk = rows.reduce((sum, r) => sum + (r.application.proposedCzk ?? 0), 0);
      const funded = rows.filter((r) => (r.application.proposedCzk ?? 0) > 0);
      return {
        code: part.code,
        name: part.name,
        allocationCzk: part.allocationCzk,
        proposedCzk,
        fundingLine: { lastFundedRank: funded.length ? Math.max(...funded.map((r) => r.rank)) : null, remainingCzk: part.allocationCzk - proposedCzk },
        applications: rows.map((r) => {
          const a = r.application;
          const conflicts = (conflictsOf.get(a.applicationId) ?? []).sort((x, y) => order.get(x.memberId)! - order.get(y.memberId)!);
          const conflicted = new Set(conflicts.map((c) => c.memberId));
          return {
            applicationId: a.applicationId,
            referenceNumber: a.referenceNumber,
            applicantName: a.applicantName,
            ico: a.ico,
            title: a.title,
            status: a.status,
            requestedCzk: a.requestedCzk,
            scores: members.map((m) => {
              const total = totals.get(`${a.applicationId}/${m.userId}`);
              if (total !== undefined) return { memberId: m.userId, totalPoints: total, state: 'scored' as const };
              return { memberId: m.userId, totalPoints: null, state: conflicted.has(m.userId) ? ('conflict' as const) : ('none' as const) };
            }),
            scorers: r.scorers,
            averageScore: r.averageScore,
            normalisedScore: r.normalisedScore,
            rank: r.rank,
            recommended: r.recommended,
            proposedCzk: a.proposedCzk,
            funded: (a.proposedCzk ?? 0) > 0,
            conflicts,
          };
        }),
      };
    }),
  };
}
