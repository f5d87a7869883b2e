import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError } from '@app/core';
import { checkDeclaration, mayReadScores } from './domain/conflict-of-interest.rules';
import { aggregateScores, type ScoreAggregate } from './domain/score-aggregate';
import { checkMayReopen, checkMaySaveDraft, checkMaySubmit } from './domain/score-sheet-state';
import { checkMayScore, checkScoreSheet, maxTotal, scoringWindow, sheetTotal, type ScoringWindowState } from './domain/scoring.rules';
import { ConflictDeclarationsRepository, type OwnDeclaration } from './conflict-declarations.repository';
import { EvaluationRepository, type MemberContext } from './evaluation.repository';
import { ScoreSheetsRepository, type SheetStateView, type SheetView } from './score-sheets.repository';
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
  /** Keep the sheet a draft; otherwise it is saved and submitted at once. */
  draft?: boolean;
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
  /** GET /applications/:id/scores is open to them: their own sheet is submitted and they have no conflict. */
  mayReadScores: boolean;
  /** They chair the call's commission (GET /applications/:id/score-sheets and the reopening of a submitted sheet are theirs). */
  chair: boolean;
}

/** Where each member's sheet on one application stands, without points: the chair's, to reopen a submitted one. */
export interface SheetStatesView {
  applicationId: string;
  sheets: SheetStateView[];
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

  /** Saves the caller's sheet as a draft: counted nowhere, the peers' sheets still hidden, until they submit it. */
  async score(caller: AuthUser, applicationId: string, command: ScoreSheetCommand): Promise<SheetView> {
    return this.dataSource.transaction(async (manager) => {
      const ctx = await this.memberContext(manager, caller, applicationId, true);
      const now = this.clock.now();
      this.assertMayScore(ctx, now);
      const refused = checkMaySaveDraft(ctx.ownSheet);
      if (refused.length) throw DomainError.fromViolations(refused);
      const criteria = await this.repository.criteriaOf(manager, ctx.callId);
      const problems = checkScoreSheet({ criteria, points: command.points });
      if (problems.length) throw DomainError.fromViolations(problems);

      // Stored in the order of the call's criteria, whatever order they came in.
      const byCode = new Map(command.points.map((p) => [p.criterionCode, p.points]));
      const points = criteria.map((c) => ({ criterionCode: c.code, points: byCode.get(c.code) ?? 0 }));
      const before = ctx.hasOwnSheet ? (await this.sheets.sheetsOf(manager, applicationId, caller.id))[0] : null;
      const saved = await this.sheets.saveDraft(manager, {
        applicationId,
        memberId: caller.id,
        callId: ctx.callId,
        points,
        totalPoints: sheetTotal(points),
        comment: command.comment,
        at: now,
      });
      // The member's seat is locked: their sheet cannot have been submitted since it was read.
      if (!saved) throw new Error(`Score sheet of ${caller.id} on ${applicationId} changed under the member's lock`);
      const [draft] = await this.sheets.sheetsOf(manager, applicationId, caller.id);
      await this.audit.append(manager, {
        actor: caller,
        action: 'score_sheet.saved',
        entityType: 'application',
        entityId: applicationId,
        before: before ? sheetAudit(before) : null,
        after: sheetAudit(draft),
      });
      if (command.draft === true) return draft;
      return this.submitLocked(manager, caller, applicationId, now);
    });
  }

  /** Submits the caller's draft: from now on it counts, the peers' sheets are open to them, and only the chair can reopen it. */
  async submitSheet(caller: AuthUser, applicationId: string): Promise<SheetView> {
    return this.dataSource.transaction(async (manager) => {
      const ctx = await this.memberContext(manager, caller, applicationId, true);
      const now = this.clock.now();
      this.assertMayScore(ctx, now);
      const refused = checkMaySubmit(ctx.ownSheet);
      if (refused.length) throw DomainError.fromViolations(refused);
      return this.submitLocked(manager, caller, applicationId, now);
    });
  }

  /**
   * The chair reopens another member's submitted sheet, with a reason: it is
   * that member's draft again (not counted, their peers' sheets hidden from
   * them) until they submit it anew. Audited with the reason.
   */
  async reopenSheet(caller: AuthUser, applicationId: string, memberId: string, reason: string): Promise<SheetStateView> {
    const why = reason.trim();
    return this.dataSource.transaction(async (manager) => {
      const ctx = await this.repository.reopenContext(manager, applicationId, caller.id, memberId);
      if (!ctx) throw new DomainError('NOT_FOUND', 'No such application for your commission.');
      const refused = checkMayReopen({
        callerIsChair: ctx.callerIsChair,
        callerConflicted: ctx.callerConflicted,
        ownSheet: memberId === caller.id,
        window: scoringWindow({ now: this.clock.now(), submissionClosesAt: ctx.submissionClosesAt, evaluationClosedAt: ctx.evaluationClosedAt }),
        state: ctx.sheet?.state ?? null,
      });
      if (refused.length) throw DomainError.fromViolations(refused);
      const now = this.clock.now();
      // Conditional: a sheet reopened (or never submitted) by a concurrent request is refused, not reopened twice.
      if (!(await this.sheets.reopen(manager, applicationId, memberId, now, why))) {
        throw new DomainError('SCORE_SHEET_NOT_SUBMITTED', 'This score sheet is a draft: its member may still change it.');
      }
      await this.audit.append(manager, {
        actor: caller,
        action: 'score_sheet.reopened',
        entityType: 'application',
        entityId: applicationId,
        before: { memberId, status: 'submitted', totalPoints: ctx.sheet?.totalPoints ?? null },
        after: { memberId, status: 'draft' },
        reason: why,
      });
      return { memberId, memberName: ctx.sheet?.memberName ?? '', status: 'draft', submittedAt: null, reopenedAt: now.toISOString(), reopenReason: why };
    });
  }

  /** The officer always; a member only with their own sheet submitted and no conflict. */
  async scores(caller: AuthUser, applicationId: string): Promise<ScoresView> {
    const manager = this.dataSource.manager;
    let callId: string;
    if (caller.role === 'commission') {
      const ctx = await this.memberContext(manager, caller, applicationId);
      const conflicted = isConflicted(ctx);
      if (!mayReadScores({ role: 'commission', hasSubmittedSheet: ctx.ownSheet === 'submitted', conflicted })) {
        throw conflicted
          ? new DomainError('CONFLICT_OF_INTEREST', 'You have a conflict of interest with this application: its scores are not shown to you.')
          : new DomainError('FORBIDDEN', 'The other members’ scores are shown once you have submitted your own score sheet (a saved draft is not enough).');
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
    // A removed member's sheet is shown, but only the sitting members' sheets make the average (as in the ranking).
    const aggregate: ScoreAggregate = aggregateScores(
      sheets.filter((s) => !s.memberRemoved).map((s) => s.totalPoints),
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
    const conflicted = isConflicted(ctx);
    return {
      applicationId,
      declaration,
      automaticConflict: ctx.affiliated,
      sheet: sheet ?? null,
      scoring: scoringWindow({ now: this.clock.now(), submissionClosesAt: ctx.submissionClosesAt, evaluationClosedAt: ctx.evaluationClosedAt }),
      mayReadScores: mayReadScores({ role: 'commission', hasSubmittedSheet: ctx.ownSheet === 'submitted', conflicted }),
      chair: ctx.chair,
    };
  }

  /** For the chair (without a conflict): where each member's sheet stands, draft or submitted, without points. */
  async sheetStates(caller: AuthUser, applicationId: string): Promise<SheetStatesView> {
    const manager = this.dataSource.manager;
    const ctx = await this.memberContext(manager, caller, applicationId);
    if (!ctx.chair) throw new DomainError('NOT_COMMISSION_CHAIR', 'Only the chair of the commission is shown where the members’ score sheets stand.');
    if (isConflicted(ctx)) {
      throw new DomainError('CONFLICT_OF_INTEREST', 'You have a conflict of interest with this application: its score sheets are not shown to you.');
    }
    return { applicationId, sheets: await this.sheets.statesOf(manager, applicationId) };
  }

  /** The checks of saving and submitting a sheet other than the sheet itself. */
  private assertMayScore(ctx: MemberContext, now: Date): void {
    const access = checkMayScore({
      isCommissionMember: true,
      declaration: ctx.affiliated ? { hasConflict: true } : ctx.declaration,
      window: scoringWindow({ now, submissionClosesAt: ctx.submissionClosesAt, evaluationClosedAt: ctx.evaluationClosedAt }),
    });
    if (access.length) throw DomainError.fromViolations(access);
  }

  /** Submits the caller's draft under the seat lock their caller holds, with its audit event. */
  private async submitLocked(manager: EntityManager, caller: AuthUser, applicationId: string, now: Date): Promise<SheetView> {
    if (!(await this.sheets.submit(manager, applicationId, caller.id, now))) {
      throw new Error(`Score sheet of ${caller.id} on ${applicationId} changed under the member's lock`);
    }
    const [sheet] = await this.sheets.sheetsOf(manager, applicationId, caller.id);
    await this.audit.append(manager, {
      actor: caller,
      action: 'score_sheet.submitted',
      entityType: 'application',
      entityId: applicationId,
      before: { status: 'draft' },
      after: sheetAudit(sheet),
    });
    return sheet;
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

/** A sheet as its audit events record it. */
function sheetAudit(sheet: SheetView) {
  return { status: sheet.status, points: sheet.points, totalPoints: sheet.totalPoints, comment: sheet.comment };
}
