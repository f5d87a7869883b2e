import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApplicationStatus } from '@app/applications/domain/application-status';
import { AuditTrail } from '@app/core/audit/audit-trail.service';
import type { AuthUser } from '@app/core/auth/role';
import { Clock } from '@app/core/clock/clock';
import { AppConfig } from '@app/core/config/app-config';
import { toSafeNumber } from '@app/core/database/bigint.transformer';
import { DomainError } from '@app/core/errors/domain-error';
import { pragueDate } from '@app/core/time/prague-time';
import { LetterRequests } from '@app/letters/letter-requests';
import { awardAmountOf, checkDecision, type ApprovingBody, type DecisionOutcome } from './domain/decision.rules';
import { commitmentEntries } from './domain/ledger';
import { LedgerWriter } from './ledger.writer';

export interface DecisionCommand {
  outcome: DecisionOutcome;
  amountCzk?: number;
  body: ApprovingBody;
  resolutionNumber: string;
  resolutionDate: string;
  reasons?: string[];
}

export interface DecisionView {
  applicationId: string;
  outcome: DecisionOutcome;
  amountCzk: number | null;
  body: ApprovingBody;
  resolutionNumber: string;
  resolutionDate: string;
  reasons: string[];
  status: ApplicationStatus;
  decidedAt: string;
  letterId: string;
}

interface Subject {
  status: ApplicationStatus;
  requested_czk: string;
  proposed_czk: string | null;
  call_part_id: string;
  organisation_id: string;
  ico: string;
}

/**
 * The council's or assembly's resolution. An approval commits its amount
 * against the part's allocation with one conditional UPDATE (zero rows:
 * ALLOCATION_EXCEEDED; the CHECK on call_part is the second line), posts the
 * commitment to the ledger, queues the letter and writes the audit event, all
 * in one transaction. The recipient's organisation row is locked, so two
 * decisions for one IČO cannot both slip under the council's yearly limit.
 */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerWriter,
    private readonly letters: LetterRequests,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async decide(caller: AuthUser, applicationId: string, command: DecisionCommand): Promise<DecisionView> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Subject[] = await manager.query(
        `SELECT a.status, a.requested_czk, a.proposed_czk, a.call_part_id, a.organisation_id, o.ico
           FROM application a JOIN organisation o ON o.id = a.organisation_id
          WHERE a.id = $1 AND a.status <> 'draft'
            FOR UPDATE OF a, o`,
        [applicationId],
      );
      const app = rows[0];
      if (!app) throw new DomainError('NOT_FOUND', 'No such submitted application.');
      const year = Number(command.resolutionDate.slice(0, 4));
      const totals: { total: string }[] = await manager.query(
        `SELECT COALESCE(sum(amount_czk), 0) AS total FROM decision
          WHERE recipient_ico = $1 AND resolution_year = $2 AND outcome = 'approved'`,
        [app.ico, Number.isInteger(year) ? year : 0],
      );
      const now = this.clock.now();
      const proposedCzk = app.proposed_czk === null ? null : toSafeNumber(app.proposed_czk);
      const violations = checkDecision({
        status: app.status,
        outcome: command.outcome,
        amountCzk: command.amountCzk,
        requestedCzk: toSafeNumber(app.requested_czk),
        proposedCzk,
        body: command.body,
        resolutionNumber: command.resolutionNumber,
        resolutionDate: command.resolutionDate,
        reasons: command.reasons,
        yearTotalBeforeCzk: toSafeNumber(totals[0].total),
        thresholdCzk: this.config.get('COUNCIL_THRESHOLD_CZK'),
        today: pragueDate(now),
      });
      if (violations.length) throw DomainError.fromViolations(violations);

      const approved = command.outcome === 'approved';
      const amountCzk = approved ? awardAmountOf({ amountCzk: command.amountCzk, proposedCzk }) : null;
      const reasons = (command.reasons ?? []).map((r) => r.trim()).filter((r) => r !== '');
      const status: ApplicationStatus = approved ? 'approved' : 'rejected';
      await manager.query(
        `WITH changed AS (
           UPDATE application SET status = $2, awarded_czk = $3, updated_at = now() WHERE id = $1 RETURNING id
         ), history AS (
           INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by, reason)
           SELECT id, $4, $2, $5, $6, $7 FROM changed
         )
         INSERT INTO decision (application_id, outcome, amount_czk, body, resolution_number, resolution_date, resolution_year,
                               recipient_ico, reasons, decided_at, decided_by)
         SELECT id, $8, $9, $10, $11, $12, $13, $14, $15, $5, $6 FROM changed`,
        [
          applicationId,
          status,
          amountCzk ?? 0,
          app.status,
          now,
          caller.id,
          `${command.body} resolution ${command.resolutionNumber.trim()} of ${command.resolutionDate}`,
          command.outcome,
          amountCzk,
          command.body,
          command.resolutionNumber.trim(),
          command.resolutionDate,
          year,
          app.ico,
          reasons,
        ],
      );
      if (amountCzk !== null) {
        const tx = commitmentEntries({
          id: randomUUID(),
          occurredOn: command.resolutionDate,
          reference: `${command.body} ${command.resolutionNumber.trim()}`,
          partId: app.call_part_id,
          applicationId,
          amountCzk,
        });
        await this.ledger.post(manager, tx, { callPartId: app.call_part_id, applicationId }, caller.id, now);
      }
      const decision = {
        outcome: command.outcome,
        amountCzk,
        body: command.body,
        resolutionNumber: command.resolutionNumber.trim(),
        resolutionDate: command.resolutionDate,
        reasons,
      };
      const letterId = await this.letters.request(manager, {
        applicationId,
        kind: approved ? 'approval' : 'rejection',
        decidedAt: now,
        decision,
      });
      // The part's row is locked from the commitment to COMMIT, and every approval of the part queues on it:
      // so it comes last, right before the audit event (which must be last itself).
      if (amountCzk !== null) await this.commit(manager, app.call_part_id, amountCzk);
      const view: DecisionView = { applicationId, ...decision, status, decidedAt: now.toISOString(), letterId };
      await this.audit.append(manager, {
        actor: caller,
        action: approved ? 'application.approved' : 'application.rejected',
        entityType: 'application',
        entityId: applicationId,
        before: { status: app.status, proposedCzk },
        after: view,
      });
      return view;
    });
  }

  /** The commitment itself: one conditional UPDATE on the part's balance row. */
  private async commit(manager: EntityManager, partId: string, amountCzk: number): Promise<void> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, rowCount], not with the rows.
    const updated: { committed_czk: string }[] = await manager.query(
      `WITH committed AS (
         UPDATE call_part SET committed_czk = committed_czk + $2
          WHERE id = $1 AND committed_czk + $2 <= allocation_czk
          RETURNING committed_czk
       )
       SELECT committed_czk FROM committed`,
      [partId, amountCzk],
    );
    if (updated.length === 0) {
      const [part]: { allocation_czk: string; committed_czk: string }[] = await manager.query(
        'SELECT allocation_czk, committed_czk FROM call_part WHERE id = $1',
        [partId],
      );
      const available = Number(part.allocation_czk) - Number(part.committed_czk);
      throw new DomainError(
        'ALLOCATION_EXCEEDED',
        `The part has CZK ${available.toLocaleString('en-US')} left of its allocation; the award of CZK ${amountCzk.toLocaleString('en-US')} does not fit.`,
      );
    }
  }
}
