import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ApplicationLifecycle, ProposalBalances } from '@app/applications';
import { CallsRepository } from '@app/calls';
import { AuditTrail, type AuthUser, Clock, DomainError } from '@app/core';
import { checkMayPropose, checkProposalAdjustment, proposeFunding } from './domain/funding-line';
import { checkQuorum, quorumSummary } from './domain/quorum';
import { rankingBoard, type BoardRow } from './domain/ranking-board';
import { hidePeerScores, type PeerScoreLine } from './domain/peer-scores';
import { maxTotal, scoringWindow } from './domain/scoring.rules';
import { EvaluationRepository, type CallTerms, type RankedApplication } from './evaluation.repository';

/** A ranking line: the score fields a member may be hidden (PeerScoreLine), and the application's own. */
export interface RankingItem extends PeerScoreLine {
  organisationName: string;
  title: string;
  status: string;
  requestedCzk: number;
}

export interface RankingView {
  callId: string;
  rankingMethod: 'average' | 'normalised';
  quorum: number;
  minScore: number;
  maxTotal: number;
  evaluationClosed: boolean;
  parts: { code: string; allocationCzk: number; proposedCzk: number }[];
  items: RankingItem[];
}

/**
 * Ranking, funding proposal and the close of the evaluation. The ranking is
 * computed from one read of the call's sheets (see EvaluationRepository) by
 * the pure rules in ./domain; the writes lock the call row, so a proposal, an
 * adjustment and the close never interleave.
 */
@Injectable()
export class RankingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EvaluationRepository,
    private readonly lifecycle: ApplicationLifecycle,
    private readonly proposals: ProposalBalances,
    private readonly calls: CallsRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async ranking(caller: AuthUser, callId: string, partCode?: string): Promise<RankingView> {
    const manager = this.dataSource.manager;
    const terms = await this.visibleCall(manager, caller, callId);
    const view = await this.view(manager, terms, partCode);
    if (caller.role !== 'commission') return view;
    const seen = await this.repository.scoresVisibleTo(manager, callId, caller.id, terms.evaluationClosedAt !== null);
    return { ...view, items: hidePeerScores(view.items, seen, view.parts.map((p) => p.code)) };
  }

  async proposeFunding(caller: AuthUser, callId: string): Promise<RankingView> {
    return this.againWhenChanged(async (manager) => {
      const terms = await this.openEvaluation(manager, callId);
      const { board, applications } = await this.board(manager, terms);
      const proposals = new Map<string, number | null>();
      const partTotals: { id: string; code: string; proposedCzk: number }[] = [];
      for (const part of terms.parts) {
        const line = proposeFunding(
          (board.get(part.code) ?? []).map((r) => ({ applicationId: r.application.applicationId, requestedCzk: r.application.requestedCzk, recommended: r.recommended })),
          part.allocationCzk,
        );
        for (const item of line.items) proposals.set(item.applicationId, item.proposedCzk);
        partTotals.push({ id: part.id, code: part.code, proposedCzk: line.proposedTotalCzk });
      }
      // Written only while each application is still in the status read here (a withdrawal may commit meanwhile).
      const changed = await this.proposals.propose(
        manager,
        applications.map((a) => ({ applicationId: a.applicationId, amountCzk: proposals.get(a.applicationId) ?? null, status: a.status })),
        partTotals,
      );
      if (changed.length) throw new ChangedMeanwhile();
      for (const a of applications) a.proposedCzk = proposals.get(a.applicationId) ?? null;
      const proposed = { ...terms, parts: terms.parts.map((p) => ({ ...p, proposedCzk: partTotals.find((t) => t.id === p.id)?.proposedCzk ?? 0 })) };
      const view = present(proposed, board);
      await this.audit.append(manager, {
        actor: caller,
        action: 'call.funding_proposed',
        entityType: 'call',
        entityId: callId,
        before: { parts: terms.parts.map((p) => ({ code: p.code, proposedCzk: p.proposedCzk })) },
        after: {
          parts: partTotals.map((p) => ({ code: p.code, proposedCzk: p.proposedCzk })),
          proposals: view.items.map((i) => ({ applicationId: i.applicationId, referenceNumber: i.referenceNumber, proposedCzk: i.proposedCzk })),
        },
      });
      return view;
    });
  }

  /** One proposal changed by the officer: within the request, the part's sum within its allocation (the part row is locked). */
  async adjustProposal(caller: AuthUser, applicationId: string, proposedCzk: number): Promise<RankingItem> {
    return this.dataSource.transaction(async (manager) => {
      const callId = await this.repository.callOfSubmitted(manager, applicationId);
      if (!callId) throw new DomainError('NOT_FOUND', 'No such submitted application.');
      // Every writer of proposals holds the call's lock: read the proposal after taking it.
      const terms = await this.openEvaluation(manager, callId);
      const app = await this.repository.lockProposalSubject(manager, applicationId);
      const refused = checkMayPropose(app.status);
      if (refused.length) throw DomainError.fromViolations(refused);
      const part = app.part;
      const current = app.proposedCzk ?? 0;
      const others = part.proposedCzk - current;
      const violations = checkProposalAdjustment({
        proposedCzk,
        requestedCzk: app.requestedCzk,
        allocationCzk: part.allocationCzk,
        otherProposalsSumCzk: others,
      });
      if (violations.length) throw DomainError.fromViolations(violations);
      // The application's row is locked since it was read: it cannot have changed.
      const changed = await this.proposals.propose(
        manager,
        [{ applicationId, amountCzk: proposedCzk, status: app.status }],
        [{ id: app.callPartId, proposedCzk: others + proposedCzk }],
      );
      if (changed.length) throw new Error(`Application ${applicationId} changed under its row lock`);
      const view = await this.view(manager, { ...terms, parts: terms.parts.map((p) => (p.id === app.callPartId ? { ...p, proposedCzk: others + proposedCzk } : p)) }, part.code);
      await this.audit.append(manager, {
        actor: caller,
        action: 'application.proposal_adjusted',
        entityType: 'application',
        entityId: applicationId,
        before: { proposedCzk: app.proposedCzk === null ? null : current },
        after: { proposedCzk, partProposedCzk: others + proposedCzk },
      });
      const item = view.items.find((i) => i.applicationId === applicationId);
      if (!item) throw new Error(`Application ${applicationId} is missing from its ranking`);
      return item;
    });
  }

  /**
   * Freezes scores and proposals: every application formally checked, a
   * quorum on every eligible one; then recommended / not_recommended by the
   * ranking (a not-recommended application keeps no proposal).
   */
  async closeEvaluation(caller: AuthUser, callId: string): Promise<RankingView> {
    return this.againWhenChanged(async (manager) => {
      const terms = await this.openEvaluation(manager, callId);
      const pending = await this.repository.pendingFormalChecks(manager, callId);
      if (pending.length) {
        throw new DomainError(
          'FORMAL_CHECK_PENDING',
          `${pending.length} application${pending.length === 1 ? ' is' : 's are'} still waiting for the formal check or a correction: ${pending.join(', ')}.`,
        );
      }
      const { board, applications } = await this.board(manager, terms);
      const rows = [...board.values()].flat().filter((r) => r.application.status === 'eligible');
      const candidates = rows.map((r) => ({ referenceNumber: r.application.referenceNumber, scorers: r.scorers }));
      const lacking = checkQuorum(candidates, terms.quorum);
      if (lacking.length) {
        throw new DomainError(
          'QUORUM_NOT_MET',
          quorumSummary(candidates, terms.quorum) ?? 'Quorum not met.',
          lacking.map((v) => ({ code: v.code, message: v.message })),
        );
      }
      const now = this.clock.now();
      // Each row changes only while still eligible; a withdrawal committed since the read refuses the whole close.
      await this.lifecycle
        .changeStatuses(
          manager,
          rows.map((r) => ({
            applicationId: r.application.applicationId,
            from: 'eligible' as const,
            to: r.recommended ? ('recommended' as const) : ('not_recommended' as const),
          })),
          { at: now, by: caller.id, reason: 'evaluation closed' },
        )
        .catch((error: unknown) => {
          // Every step here is eligible → (not_)recommended, a valid transition: a refusal means a row moved meanwhile.
          throw error instanceof DomainError && error.code === 'INVALID_STATUS_TRANSITION' ? new ChangedMeanwhile() : error;
        });
      // A not-recommended application keeps no proposal.
      await this.proposals.drop(
        manager,
        callId,
        rows.filter((r) => !r.recommended).map((r) => r.application.applicationId),
      );
      await this.calls.markEvaluationClosed(manager, callId, now);
      const closed = await this.repository.callTerms(manager, callId);
      if (!closed) throw new Error(`Call ${callId} vanished`);
      const view = await this.view(manager, closed);
      // Each application's status change has its own event; the call's event lists them all.
      for (const item of view.items) {
        await this.audit.append(manager, {
          actor: caller,
          action: 'application.evaluated',
          entityType: 'application',
          entityId: item.applicationId,
          before: { status: 'eligible' },
          after: {
            status: item.status,
            rank: item.rank,
            averageScore: item.averageScore,
            normalisedScore: item.normalisedScore,
            scorers: item.scorers,
            proposedCzk: item.proposedCzk,
          },
        });
      }
      await this.audit.append(manager, {
        actor: caller,
        action: 'call.evaluation_closed',
        entityType: 'call',
        entityId: callId,
        before: { evaluationClosedAt: null },
        after: {
          evaluationClosedAt: now.toISOString(),
          applications: applications.length,
          results: view.items.map((i) => ({
            applicationId: i.applicationId,
            referenceNumber: i.referenceNumber,
            rank: i.rank,
            averageScore: i.averageScore,
            normalisedScore: i.normalisedScore,
            recommended: i.recommended,
            proposedCzk: i.proposedCzk,
          })),
        },
      });
      return view;
    });
  }

  /**
   * Runs a write of the ranking (proposals, the close) in a transaction; when
   * an application changed status between its read and its write (an
   * applicant's withdrawal, which does not wait for the call's lock), that
   * transaction rolls back and the operation runs again on what is there
   * now, as if the officer had asked a moment later. After ATTEMPTS such
   * collisions in a row: 409 RANKING_CHANGED, nothing changed.
   */
  private async againWhenChanged<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (!(error instanceof ChangedMeanwhile)) throw error;
        if (attempt >= ATTEMPTS) {
          throw new DomainError(
            'RANKING_CHANGED',
            `Applications of the call kept changing their status (withdrawals) while this was being saved, ${ATTEMPTS} times in a row; nothing was changed. Look at the ranking again and try again.`,
          );
        }
      }
    }
  }

  private async view(manager: EntityManager, terms: CallTerms, partCode?: string): Promise<RankingView> {
    const { board } = await this.board(manager, terms);
    return present(terms, board, partCode);
  }

  private async board(manager: EntityManager, terms: CallTerms) {
    const { applications, sheets } = await this.repository.rankingInputs(manager, terms.callId);
    const board = rankingBoard(
      applications,
      sheets,
      { rankingMethod: terms.rankingMethod, quorum: terms.quorum, minScore: terms.minScore, maxTotal: maxTotal(terms.criteria) },
      terms.parts.map((p) => p.code),
    );
    return { board, applications };
  }

  /** Officers see every call's ranking; a commission member only their own calls'. */
  private async visibleCall(manager: EntityManager, caller: AuthUser, callId: string): Promise<CallTerms> {
    const terms = await this.repository.callTerms(manager, callId);
    if (!terms || terms.status !== 'announced') throw new DomainError('NOT_FOUND', 'No such announced call.');
    if (caller.role === 'commission' && !(await this.repository.isMember(manager, callId, caller.id))) {
      throw new DomainError('NOT_A_COMMISSION_MEMBER', "You are not a member of this call's commission.");
    }
    return terms;
  }

  /** Locks the call; proposals and the close happen between the window's close and the evaluation's close. */
  private async openEvaluation(manager: EntityManager, callId: string): Promise<CallTerms> {
    const terms = await this.repository.callTerms(manager, callId, true);
    if (!terms || terms.status !== 'announced') throw new DomainError('NOT_FOUND', 'No such announced call.');
    const window = scoringWindow({ now: this.clock.now(), submissionClosesAt: terms.submissionClosesAt, evaluationClosedAt: terms.evaluationClosedAt });
    if (window === 'not_open') throw new DomainError('SCORING_NOT_OPEN', 'The evaluation starts when the submission period closes.');
    if (window === 'closed') throw new DomainError('SCORING_CLOSED', 'The evaluation of this call is closed; scores and proposals are frozen.');
    return terms;
  }
}

type Board = Map<string, BoardRow<RankedApplication>[]>;

/** How often a proposal or the close runs when applications keep changing status under it. */
const ATTEMPTS = 3;

/** An application was no longer in the status it was read in when the write came: the transaction rolls back and runs again. */
class ChangedMeanwhile extends Error {
  constructor() {
    super('An application changed its status between the read and the write');
    this.name = 'ChangedMeanwhile';
  }
}

function present(terms: CallTerms, board: Board, partCode?: string): RankingView {
  const parts = partCode === undefined ? terms.parts : terms.parts.filter((p) => p.code === partCode);
  if (partCode !== undefined && parts.length === 0) {
    throw new DomainError('VALIDATION_FAILED', `The call has no part ${partCode}.`, [{ field: 'partCode', message: 'is not a part of this call' }]);
  }
  return {
    callId: terms.callId,
    rankingMethod: terms.rankingMethod,
    quorum: terms.quorum,
    minScore: terms.minScore,
    maxTotal: maxTotal(terms.criteria),
    evaluationClosed: terms.evaluationClosedAt !== null,
    parts: parts.map((p) => ({ code: p.code, allocationCzk: p.allocationCzk, proposedCzk: p.proposedCzk })),
    items: parts.flatMap((p) => (board.get(p.code) ?? []).map(toItem)),
  };
}

function toItem(row: BoardRow<RankedApplication>): RankingItem {
  const a = row.application;
  return {
    applicationId: a.applicationId,
    partCode: a.partCode,
    referenceNumber: a.referenceNumber,
    organisationName: a.organisationName,
    title: a.title,
    status: a.status,
    averageScore: row.averageScore,
    normalisedScore: row.normalisedScore,
    scorers: row.scorers,
    spread: row.spread,
    spreadFlagged: row.spreadFlagged,
    counting: row.counting,
    rank: row.rank,
    requestedCzk: a.requestedCzk,
    proposedCzk: a.proposedCzk,
    recommended: row.recommended,
    scoresHidden: false,
  };
}
