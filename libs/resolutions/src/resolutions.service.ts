import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig, AuditTrail, type AuthUser, Clock, DomainError, pragueDate, pragueYear, type Violation } from '@app/core';
import { RankingService } from '@app/evaluation';
import { checkStaffConflict } from '@app/money';
import type { ResolutionAnnex } from '@app/letters';
import { compareAnnexOrder, draftResolutions, requiredBodies, type DraftLine } from './domain/draft-lines';
import { editLine, type LineEdit } from './domain/line-edit.rules';
import { checkPartAllocation, partViews, totalsOf, type PartFigures } from './domain/part-totals';
import { annexOf } from './domain/resolution-annex';
import { checkCloseReason, checkDraft, checkVersion } from './domain/resolution-state.rules';
import type { LineState, ResolutionBody, ResolutionView } from './domain/resolution.types';
import { ResolutionsRepository, type ResolutionRow, type StoredLine } from './resolutions.repository';

/** What an officer changes on a line; `version`, when given, must still be the draft's. */
export interface LineEditCommand extends LineEdit {
  version?: number;
}

/** The draft after an edit of one of its lines; `movedToResolutionId` names the Assembly draft the line moved to (null when it stayed). */
export type ResolutionEditView = ResolutionView & { movedToResolutionId: string | null };

/**
 * The Council's and Assembly's resolutions on a call, while they are drafts:
 * built from the closed evaluation (the call locked, so one draft at a time
 * and one live line per application), edited line by line (the draft locked,
 * its version bumped, the line judged by money's rules of a single decision
 * and the part's allocation), rejected by the body or withdrawn. Every change
 * appends its audit event last in its transaction. The reads (view, annex)
 * are what the adoption and the annex's renderers take.
 */
@Injectable()
export class ResolutionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ResolutionsRepository,
    private readonly ranking: RankingService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** POST /calls/:id/resolutions: the Council's draft and, when some approved line needs it, the Assembly's. */
  async draft(caller: AuthUser, callId: string): Promise<{ resolutions: ResolutionView[] }> {
    return this.dataSource.transaction(async (manager) => {
      const call = await this.repository.lockCall(manager, callId);
      if (!call) throw new DomainError('NOT_FOUND', 'No such announced call.');
      if (call.evaluationClosedAt === null) {
        throw new DomainError('EVALUATION_NOT_CLOSED', "The DOT Commission's evaluation of the call is not closed yet: a resolution decides on its results.");
      }
      const unranked = await this.repository.candidates(manager, callId);
      if (!unranked.length) {
        throw new DomainError(
          'NOTHING_TO_RESOLVE',
          'Every evaluated application of the call is decided already or in a live resolution (a draft or an adopted one); withdraw or reject a draft to build it again.',
        );
      }
      // The ranking is frozen since the close; read as the caller (an officer) sees it.
      const ranking = new Map((await this.ranking.ranking(caller, callId)).items.map((i) => [i.applicationId, i]));
      const candidates = unranked.map((c) => {
        const ranked = c.commissionStatus === 'ineligible' ? undefined : ranking.get(c.applicationId);
        return { ...c, rank: ranked?.rank ?? null, averageScore: ranked?.averageScore ?? null };
      });
      const now = this.clock.now();
      const icos = [...new Set(candidates.map((c) => c.ico))];
      const split = draftResolutions(candidates, {
        yearTotalsCzk: await this.awardedBefore(manager, callId, icos, pragueYear(now)),
        resolutionDate: pragueDate(now),
        thresholdCzk: this.config.get('COUNCIL_THRESHOLD_CZK'),
      });
      const drafted: { id: string; body: ResolutionBody; lines: DraftLine[] }[] = [];
      for (const body of ['council', 'assembly'] as const) {
        const lines = split[body];
        if (!lines.length) continue;
        const id = randomUUID();
        await this.repository.insertResolution(manager, { id, callId, body, createdAt: now, createdBy: caller.id });
        await this.repository.insertLines(manager, id, lines);
        drafted.push({ id, body, lines });
      }
      const views = await this.viewsOf(manager, await this.rows(manager, drafted.map((d) => d.id)));
      for (const view of views) {
        await this.audit.append(manager, {
          actor: caller,
          action: 'resolution.drafted',
          entityType: 'resolution',
          entityId: view.id,
          after: draftedEvent(view),
        });
      }
      return { resolutions: views };
    });
  }

  /** GET /calls/:id/resolutions: newest first. */
  async listOfCall(callId: string): Promise<ResolutionView[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      if (!(await this.repository.callExists(manager, callId))) throw new DomainError('NOT_FOUND', 'No such announced call.');
      return this.viewsOf(manager, await this.repository.resolutionsOfCall(manager, callId));
    });
  }

  /** A resolution with its annex (GET /resolutions/:id; the adoption's answer). */
  async view(resolutionId: string): Promise<ResolutionView> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.viewIn(manager, resolutionId));
  }

  /** The same, in the caller's transaction (the adoption answers with it after its writes). */
  async viewIn(manager: EntityManager, resolutionId: string): Promise<ResolutionView> {
    const row = await this.repository.resolution(manager, resolutionId);
    if (!row) throw notFound();
    const [view] = await this.viewsOf(manager, [row]);
    return view;
  }

  /** The resolution's annex, as its renderers (PDF, CSV, XLSX) and GET /resolutions/:id/annex take it. */
  async annex(resolutionId: string): Promise<ResolutionAnnex> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const row = await this.repository.resolution(manager, resolutionId);
      if (!row) throw notFound();
      const call = await this.repository.annexCall(manager, row.callId);
      const parts = await this.repository.parts(manager, row.callId);
      const lines = await this.repository.lines(manager, [row.id]);
      if (call.evaluationClosedAt === null) throw new Error(`Resolution ${row.id} on call ${row.callId}, whose evaluation is not closed`);
      const { parts: annexParts, totals } = annexOf(parts, lines);
      return {
        resolutionId: row.id,
        version: row.version,
        body: row.body,
        status: row.status,
        resolutionNumber: row.resolutionNumber,
        resolutionDate: row.resolutionDate,
        call: { id: call.id, title: call.title, programmeCode: call.programmeCode, programmeName: call.programmeName, year: call.year },
        evaluationClosedAt: call.evaluationClosedAt.toISOString(),
        parts: annexParts,
        totals,
      };
    });
  }

  /** PATCH /resolutions/:id/lines/:applicationId. */
  async editLine(caller: AuthUser, resolutionId: string, applicationId: string, command: LineEditCommand): Promise<ResolutionEditView> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.repository.resolution(manager, resolutionId);
      if (!found) throw notFound();
      // The call first (as a draft is built): the part's allocation and the IČO's limit are judged across the call's drafts.
      await this.repository.lockCall(manager, found.callId);
      const resolution = await this.repository.resolution(manager, resolutionId, true);
      if (!resolution) throw notFound();
      refuse(checkDraft(resolution.status));
      refuse(checkVersion(resolution.version, command.version));
      const [line] = await this.repository.lines(manager, [resolution.id], { applicationId });
      if (!line) throw new DomainError('NOT_FOUND', 'The resolution has no line of this application.');
      // An officer affiliated with the applicant shapes no line of it: the decision's conflict of interest, judged before the line's rules.
      refuse(checkStaffConflict({ act: 'decide', affiliated: await this.repository.affiliatedWithApplicant(manager, caller.id, applicationId) }));

      const now = this.clock.now();
      const edit: LineEdit = { outcome: command.outcome, amountCzk: command.amountCzk, reason: command.reason, deviationReason: command.deviationReason };
      const edited = editLine(line, edit, pragueDate(now));
      refuse(edited.violations);
      const next = edited.line;

      const part = (await this.repository.parts(manager, resolution.callId)).find((p) => p.partId === line.partId);
      if (!part) throw new Error(`Part ${line.partId} of line ${applicationId} is not a part of call ${resolution.callId}`);
      const raise = approvedAmount(next) - approvedAmount(line);
      if (raise > 0) {
        // A lower total always passes: an officer can bring an overspent part back under its allocation.
        refuse(checkPartAllocation(part, (await this.repository.draftedInPart(manager, resolution.callId, part.partId)) + raise));
      }
      await this.repository.updateLine(manager, resolution.id, applicationId, next);
      const moved = raise > 0 ? await this.moveToAssembly(manager, caller, resolution, line.ico, now) : null;
      await this.repository.bumpVersion(manager, resolution.id);
      const view = await this.viewIn(manager, resolution.id);
      const movedToResolutionId = moved?.applicationIds.includes(applicationId) ? moved.assemblyId : null;
      await this.audit.append(manager, {
        actor: caller,
        action: 'resolution.line_changed',
        entityType: 'resolution',
        entityId: resolution.id,
        before: { version: resolution.version, applicationId, ...lineState(line) },
        after: {
          version: view.version,
          applicationId,
          ...lineState(next),
          partCode: part.code,
          movedToResolutionId,
          ...(moved ? { movedToAssembly: moved.applicationIds, assemblyResolutionId: moved.assemblyId, assemblyCreated: moved.created } : {}),
        },
      });
      return { ...view, movedToResolutionId };
    });
  }

  /** POST /resolutions/:id/rejection: the body did not pass the draft. */
  async reject(caller: AuthUser, resolutionId: string, reason: string): Promise<ResolutionView> {
    return this.close(caller, resolutionId, 'rejected', reason);
  }

  /** POST /resolutions/:id/withdrawal: the officers withdraw the draft. */
  async withdraw(caller: AuthUser, resolutionId: string, reason: string): Promise<ResolutionView> {
    return this.close(caller, resolutionId, 'withdrawn', reason);
  }

  private async close(caller: AuthUser, resolutionId: string, status: 'rejected' | 'withdrawn', reason: string): Promise<ResolutionView> {
    return this.dataSource.transaction(async (manager) => {
      const resolution = await this.repository.resolution(manager, resolutionId, true);
      if (!resolution) throw notFound();
      refuse(checkDraft(resolution.status));
      refuse(checkCloseReason(reason));
      const now = this.clock.now();
      await this.repository.close(manager, resolution.id, { status, at: now, by: caller.id, reason: reason.trim() });
      const view = await this.viewIn(manager, resolution.id);
      await this.audit.append(manager, {
        actor: caller,
        action: status === 'rejected' ? 'resolution.rejected' : 'resolution.withdrawn',
        entityType: 'resolution',
        entityId: resolution.id,
        before: { status: resolution.status, version: resolution.version },
        after: { status: view.status, version: view.version, closedAt: view.closedAt, lines: view.lines.map((l) => l.applicationId) },
        reason: view.closeReason,
      });
      return view;
    });
  }

  /**
   * After an approval was raised: the Council's lines of the IČO in the call's
   * drafts that now need the Assembly (the IČO's year total plus its approved
   * lines before each, in annex order) move to the call's Assembly draft,
   * created when there is none. Null when nothing moves.
   */
  private async moveToAssembly(
    manager: EntityManager,
    caller: AuthUser,
    edited: ResolutionRow,
    ico: string,
    now: Date,
  ): Promise<{ assemblyId: string; applicationIds: string[]; created: boolean } | null> {
    const callId = edited.callId;
    const lines = (await this.repository.draftLinesOfIco(manager, callId, ico)).sort(compareAnnexOrder);
    const bodies = requiredBodies(lines, {
      yearTotalsCzk: await this.repository.yearTotals(manager, [ico], pragueYear(now)),
      resolutionDate: pragueDate(now),
      thresholdCzk: this.config.get('COUNCIL_THRESHOLD_CZK'),
    });
    const moving = lines.filter((l) => l.body === 'council' && bodies.get(l.applicationId) === 'assembly');
    if (!moving.length) return null;
    let assembly = await this.repository.lockAssemblyDraft(manager, callId);
    const created = assembly === null;
    if (!assembly) {
      const id = randomUUID();
      await this.repository.insertResolution(manager, { id, callId, body: 'assembly', createdAt: now, createdBy: caller.id });
      assembly = await this.repository.resolution(manager, id, true);
      if (!assembly) throw new Error(`Resolution ${id} vanished`);
    }
    const order = [...(await this.repository.lines(manager, [assembly.id])), ...moving].sort(compareAnnexOrder).map((l) => l.applicationId);
    for (const source of new Set(moving.map((l) => l.resolutionId))) {
      const ids = moving.filter((l) => l.resolutionId === source).map((l) => l.applicationId);
      await this.repository.moveLines(manager, source, assembly.id, ids, order);
      // The edited draft's version is bumped once by the edit itself.
      if (source !== edited.id) await this.repository.bumpVersion(manager, source);
    }
    if (created) {
      const [view] = await this.viewsOf(manager, [assembly]);
      await this.audit.append(manager, { actor: caller, action: 'resolution.drafted', entityType: 'resolution', entityId: assembly.id, after: draftedEvent(view) });
    } else {
      await this.repository.bumpVersion(manager, assembly.id);
    }
    return { assemblyId: assembly.id, applicationIds: moving.map((l) => l.applicationId), created };
  }

  /** The IČOs' awards the Council's limit counts before a new draft: this year's approval decisions and the approved lines of the call's drafts. */
  private async awardedBefore(manager: EntityManager, callId: string, icos: readonly string[], year: number): Promise<Map<string, number>> {
    const totals = await this.repository.yearTotals(manager, icos, year);
    for (const [ico, czk] of await this.repository.draftedTotals(manager, callId, icos)) totals.set(ico, (totals.get(ico) ?? 0) + czk);
    return totals;
  }

  private async rows(manager: EntityManager, ids: readonly string[]): Promise<ResolutionRow[]> {
    const rows: ResolutionRow[] = [];
    for (const id of ids) {
      const row = await this.repository.resolution(manager, id);
      if (!row) throw new Error(`Resolution ${id} vanished`);
      rows.push(row);
    }
    return rows;
  }

  private async viewsOf(manager: EntityManager, rows: readonly ResolutionRow[]): Promise<ResolutionView[]> {
    const lines = await this.repository.lines(
      manager,
      rows.map((r) => r.id),
    );
    const partsByCall = new Map<string, PartFigures[]>();
    for (const callId of new Set(rows.map((r) => r.callId))) partsByCall.set(callId, await this.repository.parts(manager, callId));
    return rows.map((r) => {
      const own = lines.filter((l) => l.resolutionId === r.id);
      return toView(r, partsByCall.get(r.callId) ?? [], own);
    });
  }
}

function toView(r: ResolutionRow, parts: readonly PartFigures[], lines: readonly StoredLine[]): ResolutionView {
  return {
    id: r.id,
    callId: r.callId,
    body: r.body,
    status: r.status,
    version: r.version,
    resolutionNumber: r.resolutionNumber,
    resolutionDate: r.resolutionDate,
    createdAt: r.createdAt.toISOString(),
    adoptedAt: r.adoptedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    closeReason: r.closeReason,
    parts: partViews(parts, lines),
    totals: totalsOf(lines),
    lines: lines.map(({ resolutionId: _r, position: _p, ...line }) => line),
  };
}

function draftedEvent(view: ResolutionView) {
  return {
    callId: view.callId,
    body: view.body,
    version: view.version,
    totals: view.totals,
    parts: view.parts.map((p) => ({ code: p.code, availableCzk: p.availableCzk, approvedCzk: p.approvedCzk })),
    lines: view.lines.map((l) => ({ applicationId: l.applicationId, ...lineState(l) })),
  };
}

function lineState(l: LineState): LineState {
  return { outcome: l.outcome, amountCzk: l.amountCzk, reason: l.reason, deviationReason: l.deviationReason };
}

function approvedAmount(l: LineState): number {
  return l.outcome === 'approved' ? (l.amountCzk ?? 0) : 0;
}

function refuse(violations: readonly Violation[]): void {
  if (violations.length) throw DomainError.fromViolations(violations);
}

function notFound(): DomainError {
  return new DomainError('NOT_FOUND', 'No such resolution.');
}
