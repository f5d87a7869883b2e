import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError } from '@app/core';
import { checkDeclaration, mayReadScores } from './domain/conflict-of-interest.rules';
import { aggregateScores, type ScoreAggregate } from './domain/score-aggregate';
import { checkMayScore, checkScoreSheet, maxTotal, scoringWindow, sheetTotal, type ScoringWindowState } from './domain/scoring.rules';
import { ConflictDeclarationsRepository, type OwnDeclaration } from './conflict-declarations.repository';
import { EvaluationRepository, type MemberContext } from './evaluation.repository';
import { ScoreSheetsRepository, type SheetView } from './score-sheets.repository';
import type { CriterionPoints } from './score-sheet.entity';

export interface DeclarationCommand {
  hasConflict: boolean;
  reason?: string;
}

export interface DeclarationView {
  applicationId: string;
  memberId: string;
  hasConflict: boolean;
  reason: string | null;
  automatic: boolean;
  declaredAt: string;
}

export interface ScoreSheetCommand {
  points: CriterionPoints[];
  comment: string;
}

export interface ScoresView {
  applicationId: string;
  scorers: number;
  averageScore: number | null;
  spread: number | null;
  spreadFlagged: boolean;
  sheets: SheetView[];
}

/** Where a member stands on one application: what they declared and scored, and what they may do and read. */
export interface OwnEvaluationView {
  applicationId: string;
  declaration: OwnDeclaration | null;
  /** Affiliated with the applicant organisation: in conflict whatever they declare. */
  automaticConflict: boolean;
  sheet: SheetView | null;
  scoring: ScoringWindowState;
  /** GET /applications/:id/scores is open to them: their own sheet is in and they have no conflict. */
  mayReadScores: boolean;
}

/**
 * The DOT Commission's work on one application: the conflict-of-interest
 * declaration, the member's score sheet, and reading the sheets (hidden from
 * a member until their own is in, and never shown to a conflicted member).
 */
@Injectable()
export class CommissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EvaluationRepository,
    private readonly declarations: ConflictDeclarationsRepository,
    private readonly sheets: ScoreSheetsRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async declare(caller: AuthUser, applicationId: string, command: DeclarationCommand): Promise<DeclarationView> {
    return this.dataSource.transaction(async (manager) => {
      const ctx = await this.memberContext(manager, caller, applicationId, true);
      const violations = checkDeclaration({
        existingDeclaration: ctx.declaration,
        hasScored: ctx.hasOwnSheet,
        hasConflict: command.hasConflict,
        automaticConflict: ctx.affiliated,
        evaluationClosed: ctx.evaluationClosedAt !== null,
      });
      if (violations.length) throw DomainError.fromViolations(violations);
      const now = this.clock.now();
      const reason = command.reason?.trim() || null;
      const declaredAt = await this.declarations.save(manager, {
        applicationId,
        memberId: caller.id,
        hasConflict: command.hasConflict,
        reason,
        automatic: ctx.affiliated,
        at: now,
      });
      const view: DeclarationView = {
        applicationId,
        memberId: caller.id,
        hasConflict: command.hasConflict,
        reason,
        automatic: ctx.affiliated,
        declaredAt: declaredAt.toISOString(),
      };
      await this.audit.append(manager, {
        actor: caller,
        action: 'conflict_of_interest.declared',
        entityType: 'application',
        entityId: applicationId,
        before: ctx.declaration,
        after: view,
        reason,
      });
      return view;
    });
  }

  async score(caller: AuthUser, applicationId: string, command: ScoreSheetCommand): Promise<SheetView> {
    return this.dataSource.transaction(async (manager) => {
      const ctx = await this.memberContext(manager, caller, applicationId, true);
      const now = this.clock.now();
      const access = checkMayScore({
        isCommissionMember: true,
        declaration: ctx.affiliated ? { hasConflict: true } : ctx.declaration,
        window: scoringWindow({ now, submissionClosesAt: ctx.submissionClosesAt, evaluationClosedAt: ctx.evaluationClosedAt }),
      });
      if (access.length) throw DomainError.fromViolations(access);
      const criteria = await this.repository.criteriaOf(manager, ctx.callId);
      const problems = checkScoreSheet({ criteria, points: command.points });
      if (problems.length) throw DomainError.fromViolations(problems);

      // Stored in the order of the call's criteria, whatever order they came in.
      const byCode = new Map(command.points.map((p) => [p.criterionCode, p.points]));
      const points = criteria.map((c) => ({ criterionCode: c.code, points: byCode.get(c.code) ?? 0 }));
      const before = ctx.hasOwnSheet ? (await this.sheets.sheetsOf(manager, applicationId, caller.id))[0] : null;
      await this.sheets.save(manager, {
        applicationId,
        memberId: caller.id,
        callId: ctx.callId,
        points,
        totalPoints: sheetTotal(points),
        comment: command.comment,
        at: now,
      });
      const [sheet] = await this.sheets.sheetsOf(manager, applicationId, caller.id);
      await this.audit.append(manager, {
        actor: caller,
        action: before ? 'score_sheet.updated' : 'score_sheet.submitted',
        entityType: 'application',
        entityId: applicationId,
        before: before ? { points: before.points, totalPoints: before.totalPoints, comment: before.comment } : null,
        after: { points: sheet.points, totalPoints: sheet.totalPoints, comment: sheet.comment },
      });
      return sheet;
    });
  }

  /** The officer always; a member only with their own sheet in and no conflict. */
  async scores(caller: AuthUser, applicationId: string): Promise<ScoresView> {
    const manager = this.dataSource.manager;
    let callId: string;
    if (caller.role === 'commission') {
      const ctx = await this.memberContext(manager, caller, applicationId);
      const conflicted = isConflicted(ctx);
      if (!mayReadScores({ role: 'commission', hasOwnSheet: ctx.hasOwnSheet, conflicted })) {
        throw conflicted
          ? new DomainError('CONFLICT_OF_INTEREST', 'You have a conflict of interest with this application: its scores are not shown to you.')
          : new DomainError('FORBIDDEN', 'The other members’ scores are shown once you have submitted your own score sheet.');
      }
      callId = ctx.callId;
    } else {
      const submittedIn = await this.repository.callOfSubmitted(manager, applicationId);
      if (submittedIn === null) throw new DomainError('NOT_FOUND', 'No such submitted application.');
      callId = submittedIn;
    }
    const [sheets, criteria] = await Promise.all([
      this.sheets.sheetsOf(manager, applicationId),
      this.repository.criteriaOf(manager, callId),
    ]);
    const aggregate: ScoreAggregate = aggregateScores(
      sheets.map((s) => s.totalPoints),
      maxTotal(criteria),
    );
    return {
      applicationId,
      scorers: aggregate.scorers,
      averageScore: aggregate.averageScore,
      spread: aggregate.spread,
      spreadFlagged: aggregate.spreadFlagged,
      sheets,
    };
  }

  /** The caller's own declaration and sheet, and whether the peers' sheets are open to them; nothing of the peers. */
  async ownEvaluation(caller: AuthUser, applicationId: string): Promise<OwnEvaluationView> {
    const manager = this.dataSource.manager;
    const ctx = await this.memberContext(manager, caller, applicationId);
    const declaration = await this.declarations.declarationOf(manager, applicationId, caller.id);
    const [sheet] = ctx.hasOwnSheet ? await this.sheets.sheetsOf(manager, applicationId, caller.id) : [];
    return {
      applicationId,
      declaration,
      automaticConflict: ctx.affiliated,
      sheet: sheet ?? null,
      scoring: scoringWindow({ now: this.clock.now(), submissionClosesAt: ctx.submissionClosesAt, evaluationClosedAt: ctx.evaluationClosedAt }),
      mayReadScores: mayReadScores({ role: 'commission', hasOwnSheet: ctx.hasOwnSheet, conflicted: isConflicted(ctx) }),
    };
  }

  private async memberContext(manager: EntityManager, caller: AuthUser, applicationId: string, lock = false): Promise<MemberContext> {
    const ctx = await this.repository.memberContext(manager, applicationId, caller.id, lock);
    // Not a member of this call, or not (yet) an application for the commission: not theirs to know of.
    if (!ctx) throw new DomainError('NOT_FOUND', 'No such application for your commission.');
    return ctx;
  }
}

/** A member is in conflict by an affiliation with the applicant or by their own declaration. */
function isConflicted(ctx: MemberContext): boolean {
  return ctx.affiliated || ctx.declaration?.hasConflict === true;
}
