/**
 * The DOT Commission's minutes of one call's evaluation, as the city's
 * materials print them: the call, the members present (the chair marked),
 * per part each application's conflicts, its scores per member, average,
 * normalised score, rank, recommendation and proposed amount, and the
 * funding line; the day the evaluation closed. What the minutes' renderers
 * (PDF, CSV) take, and what `GET /calls/:id/commission-minutes` answers as
 * JSON. Amounts are whole CZK; instants ISO 8601.
 */
export interface CommissionMinutes {
  call: { id: string; title: string; programmeCode: string; programmeName: string; year: number };
  rankingMethod: 'average' | 'normalised';
  /** Scorers an application needs for its score to count. */
  quorum: number;
  /** The score from which an application is recommended. */
  minScore: number;
  /** Sum of the criteria's maximum points. */
  maxTotal: number;
  /** When the evaluation closed (ISO timestamp): the minutes' date. */
  evaluationClosedAt: string;
  /** The call's commission, the chair first, then by name. */
  members: CommissionMinutesMember[];
  parts: CommissionMinutesPart[];
}

export interface CommissionMinutesMember {
  userId: string;
  name: string;
  chair: boolean;
}

export interface CommissionMinutesPart {
  code: string;
  name: string;
  allocationCzk: number;
  /** Sum of the proposals of the part's applications. */
  proposedCzk: number;
  /** The funding line: the last rank proposed an amount (null: none), and what of the allocation is left below it. */
  fundingLine: { lastFundedRank: number | null; remainingCzk: number };
  /** By rank. */
  applications: CommissionMinutesApplication[];
}

export interface CommissionMinutesApplication {
  applicationId: string;
  referenceNumber: string;
  applicantName: string;
  ico: string;
  title: string;
  /** recommended / not_recommended (or later: approved, rejected, contracted). */
  status: string;
  requestedCzk: number;
  /** One entry per member, in the order of `members`: the total they scored, or why none counts. */
  scores: CommissionMinutesScore[];
  scorers: number;
  averageScore: number | null;
  normalisedScore: number | null;
  rank: number;
  recommended: boolean;
  proposedCzk: number | null;
  /** Above the funding line: proposed an amount. */
  funded: boolean;
  conflicts: CommissionMinutesConflict[];
}

export interface CommissionMinutesScore {
  memberId: string;
  /** The member's submitted total, when it counts in the average. */
  totalPoints: number | null;
  /** scored: counts; conflict: declared or automatic conflict; none: no submitted sheet. */
  state: 'scored' | 'conflict' | 'none';
}

export interface CommissionMinutesConflict {
  memberId: string;
  name: string;
  /** declared: by the member; automatic: the member is affiliated with the applicant. */
  kind: 'declared' | 'automatic';
  reason: string | null;
}
