import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApplicationLifecycle, type ApplicationStatus } from '@app/applications';
import { AppConfig, AuditTrail, type AuthUser, Clock, completeIdempotentRequestIn, DomainError, pragueDate, type Violation } from '@app/core';
import { DecisionRepository } from './decision.repository';
import { checkDecision, decisionEffect, type ApprovingBody, type DecisionOutcome } from './domain/decision.rules';
import { checkNotInDraftResolution } from './domain/single-decision.rules';
import { checkCommitment, commitmentEntries } from './domain/ledger';
import { StaffConflicts } from './staff-conflicts';

export interface DecisionCommand {
  outcome: DecisionOutcome;
  amountCzk?: number;
  body: ApprovingBody;
  resolutionNumber: string;
  resolutionDate: string;
  reasons?: string[];
  /** Why the Council or Assembly deviates from the DOT Commission (required to approve a not recommended application or above the proposal). */
  deviationReason?: string;
}

export interface DecisionView {
  applicationId: string;
  outcome: DecisionOutcome;
  amountCzk: number | null;
  body: ApprovingBody;
  resolutionNumber: string;
  resolutionDate: string;
  reasons: string[];
  deviationReason: string | null;
  status: ApplicationStatus;
  decidedAt: string;
  letterId: string;
}

/** A decision whose IČO total moved under it is checked again; the second read holds the lock, so it cannot move again. */
const READS = 2;

/**
 * The council's or assembly's resolution. One transaction: the read (locks of
 * the application and its recipient's organisation, the IČO's year total, the
 * part's balance) and the caller's affiliation; then, sent together, the
 * status step through ApplicationLifecycle (transition table, history), the
 * Idempotency-Key's answer and the write (DecisionRepository.write), which
 * commits the award against the part's allocation with one conditional UPDATE
 * (zero rows: ALLOCATION_EXCEEDED, and the transaction rolls back; the CHECK
 * on call_part is the second line), posts the commitment to the ledger, queues
 * the letter and appends the audit event. The organisation's lock keeps two
 * decisions for one IČO from both slipping under the council's yearly limit.
 */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly decisions: DecisionRepository,
    private readonly lifecycle: ApplicationLifecycle,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly conflicts: StaffConflicts,
  ) {}

  async decide(caller: AuthUser, applicationId: string, command: DecisionCommand): Promise<DecisionView> {
    const year = Number(command.resolutionDate.slice(0, 4));
    const resolutionYear = Number.isInteger(year) ? year : 0;
    return this.dataSource.transaction(async (manager) => {
      /** The application as this decision found it (its own status step changes it after the first read). */
      let found: { status: ApplicationStatus } | null = null;
      for (let read = 1; ; read++) {
        // The year total is read in the snapshot of this statement, which may predate the organisation's lock when
        // the statement had to wait for it: the write statement (a later snapshot, under the lock) checks it is unchanged.
        const app = await this.decisions.lockSubject(manager, applicationId, resolutionYear);
        if (!app) throw new DomainError('NOT_FOUND', 'No such submitted application.');
        if (!found) {
          await this.conflicts.refuseAffiliated(manager, caller, app.organisationId, 'decide');
          const inDraft = checkNotInDraftResolution(app.draftResolutionId);
          if (inDraft.length) throw DomainError.fromViolations(inDraft);
        }
        const before = found ?? app;
        const now = this.clock.now();
        const violations = checkDecision({
          status: before.status,
          outcome: command.outcome,
          amountCzk: command.amountCzk,
          requestedCzk: app.requestedCzk,
          proposedCzk: app.proposedCzk,
          body: command.body,
          resolutionNumber: command.resolutionNumber,
          resolutionDate: command.resolutionDate,
          reasons: command.reasons,
          deviationReason: command.deviationReason,
          yearTotalBeforeCzk: app.yearTotalCzk,
          thresholdCzk: this.config.get('COUNCIL_THRESHOLD_CZK'),
          today: pragueDate(now),
          evaluationClosedOn: app.evaluationClosedAt === null ? null : pragueDate(app.evaluationClosedAt),
        });
        if (violations.length) throw DomainError.fromViolations(violations);

        // The rules decide what the resolution does; below, the owners' writers apply it.
        const {
          status,
          awardCzk: amountCzk,
          reasons,
          deviationReason,
        } = decisionEffect({
          outcome: command.outcome,
          amountCzk: command.amountCzk,
          proposedCzk: app.proposedCzk,
          reasons: command.reasons,
          deviationReason: command.deviationReason,
        });
        const approved = status === 'approved';
        // Obviously too much: refused before anything is written (the conditional UPDATE is still the guard).
        const exceeded = amountCzk === null ? [] : checkCommitment({ availableCzk: app.availableCzk, amountCzk });
        if (exceeded.length) throw allocationExceeded(exceeded);
        const decision = {
          outcome: command.outcome,
          amountCzk,
          body: command.body,
          resolutionNumber: command.resolutionNumber.trim(),
          resolutionDate: command.resolutionDate,
          reasons,
          // In the letter's snapshot too: the letter's file says why the resolution departs from the commission.
          deviationReason,
        };
        const view: DecisionView = { applicationId, ...decision, status, decidedAt: now.toISOString(), letterId: randomUUID() };
        const reference = `${view.body} ${view.resolutionNumber}`;
        // Three statements sent at once: pg queues them on the transaction's connection and sends each as soon as
        // PostgreSQL has answered the one before, not after a turn of the API's event loop (busy with the other requests:
        // ~2 ms a statement under load, while the transaction holds one of the pool's few connections). Nothing commits
        // before every answer is checked: any refusal rolls all three back.
        //  - the status, on the application row this transaction already holds (once: a second read keeps it);
        //  - the Idempotency-Key's answer, known now (TypeORM's query path reaches the connection a few ticks later than
        //    the prepared statements, so it runs right after the write: no round trip through the event loop either);
        //  - the write, which takes the locks every decision of the part queues on (the part's row, the audit chain).
        const [, , written] = await Promise.all([
          found
            ? undefined
            : this.lifecycle.changeStatus(manager, {
                applicationId,
                from: app.status,
                to: status,
                at: now,
                by: caller.id,
                reason: `${view.body} resolution ${view.resolutionNumber} of ${view.resolutionDate}`,
              }),
          completeIdempotentRequestIn(manager, view),
          this.decisions.write(manager, {
            ...decision,
            applicationId,
            callPartId: app.callPartId,
            ico: app.ico,
            resolutionYear,
            yearTotalCzk: app.yearTotalCzk,
            decidedAt: now,
            decidedBy: caller.id,
            commitment:
              amountCzk === null
                ? null
                : commitmentEntries({ id: randomUUID(), occurredOn: view.resolutionDate, reference, partId: app.callPartId, applicationId, amountCzk }),
            letter: { id: view.letterId, kind: approved ? 'approval' : 'rejection', decision },
            audit: this.audit.prepare({
              actor: caller,
              action: approved ? 'application.approved' : 'application.rejected',
              entityType: 'application',
              entityId: applicationId,
              before: { status: before.status, proposedCzk: app.proposedCzk },
              after: view,
            }),
          }),
        ]);
        found ??= app;
        if (written.written) return view;
        if (written.totalUnchanged) {
          // The commitment did not fit: say what is left now. Nothing refused only when a release made room since: read again.
          const refused = checkCommitment({ availableCzk: await this.decisions.availableOf(manager, app.callPartId), amountCzk: amountCzk ?? 0 });
          if (refused.length) throw allocationExceeded(refused);
        }
        if (read >= READS) throw new Error(`The year total of IČO ${app.ico} kept changing under the lock of its organisation`);
      }
    });
  }
}

/** The refused commitment, as the API has always answered it (no field list). */
function allocationExceeded([violation]: readonly Violation[]): DomainError {
  return new DomainError(violation.code, violation.message);
}
