import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApplicationLifecycle, type ApplicationStatus } from '@app/applications';
import { AppConfig, AuditTrail, type AuthUser, Clock, DomainError, type PreparedAuditEvent, pragueDate } from '@app/core';
import { type ApprovingBody, commitmentEntries } from '@app/money';
import { adoptionConflicts, checkAdoptable, type AdoptionDecision, type AdoptionLineOutcome, adoptionProblems, planAdoption } from '../domain/adoption.rules';
import { AdoptionRepository, type LineRecord, type LineSubject } from './adoption.repository';

export interface AdoptionCommand {
  resolutionNumber: string;
  resolutionDate: string;
  body: ApprovingBody;
}

/** One line of the adopted annex: what its decision recorded (ineligible lines: nothing new, no letter). */
export interface AdoptedLine {
  applicationId: string;
  outcome: AdoptionLineOutcome;
  amountCzk: number | null;
  status: ApplicationStatus;
  letterId: string | null;
}

export interface AdoptionResult {
  resolutionId: string;
  status: 'adopted';
  resolutionNumber: string;
  resolutionDate: string;
  body: ApprovingBody;
  adoptedAt: string;
  lines: AdoptedLine[];
}

/**
 * The adoption of a resolution: every approved and rejected line of its
 * annex decided in one transaction, each exactly as POST
 * /applications/:id/decision decides one application (the same rules, the
 * same rows, the same letter and audit event), and the resolution adopted; or
 * nothing at all, with every line that cannot be decided listed (409
 * RESOLUTION_NOT_ADOPTABLE).
 *
 * Set-based, so that an annex of thousands of lines takes a handful of
 * statements: the locks (resolution; the lines' applications, organisations
 * and parts), the read under them, the rules in TypeScript (planAdoption), the
 * status steps (ApplicationLifecycle.changeStatuses), the one write
 * statement, and the audit events last.
 */
@Injectable()
export class ResolutionAdoptionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly adoption: AdoptionRepository,
    private readonly lifecycle: ApplicationLifecycle,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async adopt(caller: AuthUser, resolutionId: string, command: AdoptionCommand): Promise<AdoptionResult> {
    const year = Number(command.resolutionDate.slice(0, 4));
    const resolutionYear = Number.isInteger(year) ? year : 0;
    const resolutionNumber = command.resolutionNumber.trim();
    return this.dataSource.transaction(async (manager) => {
      const resolution = await this.adoption.lockResolution(manager, resolutionId);
      if (!resolution) throw new DomainError('NOT_FOUND', 'No such resolution.');
      const refused = checkAdoptable(resolution, command.body);
      if (refused.length) throw DomainError.fromViolations(refused);

      await this.adoption.lockLines(manager, resolutionId);
      const subjects = await this.adoption.readLines(manager, resolutionId, resolutionYear, caller.id);
      const evaluationClosedOn = resolution.evaluationClosedAt === null ? null : pragueDate(resolution.evaluationClosedAt);
      const lines = subjects.map((s) => ({ ...s, evaluationClosedOn }));

      const conflicts = adoptionConflicts(lines);
      if (conflicts.length) {
        throw new DomainError(
          'CONFLICT_OF_INTEREST',
          `You are affiliated with the applicant organisation of ${conflicts.length === 1 ? 'one line' : `${conflicts.length} lines`} of the annex: ` +
            'you cannot adopt it; a colleague must.',
          adoptionProblems(conflicts),
        );
      }

      const now = this.clock.now();
      const plan = planAdoption({
        body: command.body,
        resolutionNumber: command.resolutionNumber,
        resolutionDate: command.resolutionDate,
        today: pragueDate(now),
        thresholdCzk: this.config.get('COUNCIL_THRESHOLD_CZK'),
        lines,
        yearTotals: new Map(subjects.map((s) => [s.ico, s.yearTotalCzk])),
        availableByPart: new Map(subjects.map((s) => [s.partId, s.availableCzk])),
      });
      if (plan.violations.length) {
        throw new DomainError(
          'RESOLUTION_NOT_ADOPTABLE',
          `${plan.violations.length === 1 ? 'One line' : `${plan.violations.length} lines`} of the annex cannot be decided as drafted; ` +
            'nothing was recorded. See errors.',
          adoptionProblems(plan.violations),
        );
      }

      const decidedAt = now.toISOString();
      const reference = `${command.body} ${resolutionNumber}`;
      const records: LineRecord[] = [];
      const events: PreparedAuditEvent[] = [];
      const letters = new Map<string, string>();
      for (const d of plan.decisions) {
        const decision = decisionOf(d, command, resolutionNumber);
        const letterId = randomUUID();
        letters.set(d.applicationId, letterId);
        // The single decision's view, key for key: its audit event's `after`.
        const view = { applicationId: d.applicationId, ...decision, status: d.status, decidedAt, letterId };
        records.push({
          applicationId: d.applicationId,
          partId: d.partId,
          ico: d.ico,
          outcome: d.outcome,
          amountCzk: d.awardCzk,
          reasons: d.reasons,
          deviationReason: d.deviationReason,
          commitment:
            d.awardCzk === null
              ? null
              : commitmentEntries({
                  id: randomUUID(),
                  occurredOn: command.resolutionDate,
                  reference,
                  partId: d.partId,
                  applicationId: d.applicationId,
                  amountCzk: d.awardCzk,
                }),
          letter: { id: letterId, kind: d.status === 'approved' ? 'approval' : 'rejection', decision },
        });
        events.push(
          this.audit.prepare({
            actor: caller,
            action: d.status === 'approved' ? 'application.approved' : 'application.rejected',
            entityType: 'application',
            entityId: d.applicationId,
            before: d.before,
            after: view,
          }),
        );
      }

      await this.lifecycle.changeStatuses(
        manager,
        plan.decisions.map((d) => ({ applicationId: d.applicationId, from: d.before.status, to: d.status })),
        { at: now, by: caller.id, reason: `${command.body} resolution ${resolutionNumber} of ${command.resolutionDate}` },
      );
      const written = await this.adoption.write(manager, {
        resolutionId,
        body: command.body,
        resolutionNumber,
        resolutionDate: command.resolutionDate,
        resolutionYear,
        at: now,
        by: caller.id,
        lines: records,
        committedByPart: plan.committedByPart,
      });
      // The parts were locked and read under the lock: a refusal here is a bug the rollback contains.
      if (!written.written) throw new Error(`Resolution ${resolutionId}: the parts' commitments or the adoption did not apply as read under the locks`);

      const decided = new Map(plan.decisions.map((d) => [d.applicationId, d]));
      const result: AdoptionResult = {
        resolutionId,
        status: 'adopted',
        resolutionNumber,
        resolutionDate: command.resolutionDate,
        body: command.body,
        adoptedAt: decidedAt,
        lines: subjects.map((s) => adoptedLine(s, decided.get(s.applicationId), letters.get(s.applicationId))),
      };
      events.push(
        this.audit.prepare({
          actor: caller,
          action: 'resolution.adopted',
          entityType: 'resolution',
          entityId: resolutionId,
          before: { status: resolution.status, version: resolution.version },
          after: {
            status: 'adopted',
            version: resolution.version + 1,
            callId: resolution.callId,
            body: command.body,
            resolutionNumber,
            resolutionDate: command.resolutionDate,
            adoptedAt: decidedAt,
            approved: plan.decisions.filter((d) => d.status === 'approved').length,
            rejected: plan.decisions.filter((d) => d.status === 'rejected').length,
            ineligible: subjects.length - plan.decisions.length,
            approvedCzk: [...plan.committedByPart.values()].reduce((sum, n) => sum + n, 0),
          },
        }),
      );
      await this.adoption.appendAudit(manager, events);
      return result;
    });
  }
}

/** The decision as the single decision's view and letter show it (DecisionsService: `decision`). */
function decisionOf(d: AdoptionDecision, command: AdoptionCommand, resolutionNumber: string) {
  return {
    outcome: d.outcome,
    amountCzk: d.awardCzk,
    body: command.body,
    resolutionNumber,
    resolutionDate: command.resolutionDate,
    reasons: d.reasons,
    deviationReason: d.deviationReason,
  };
}

/** A decided line as its decision left it; an ineligible one as it was. */
function adoptedLine(s: LineSubject, d: AdoptionDecision | undefined, letterId: string | undefined): AdoptedLine {
  if (!d || letterId === undefined) return { applicationId: s.applicationId, outcome: s.outcome, amountCzk: null, status: s.status, letterId: null };
  return { applicationId: s.applicationId, outcome: s.outcome, amountCzk: d.awardCzk, status: d.status, letterId };
}
