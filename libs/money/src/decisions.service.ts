import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApplicationStatus } from '@app/applications';
import { AppConfig, AuditTrail, type AuthUser, Clock, DomainError, pragueDate, preparedQuery, toSafeNumber } from '@app/core';
import { LetterRequests } from '@app/letters';
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
  ico: string;
  /** The IČO's approved awards in the resolution's year, as of the statement's snapshot (see decide()). */
  year_total_czk: string;
  /** The part's allocation less its commitments, as of the same snapshot: a hint, the conditional UPDATE decides. */
  available_czk: string;
}

/** What the decision's statement did: nothing at all unless `written`. */
interface Written {
  /** The IČO's yearly total was still the one the rules saw. */
  total_unchanged: boolean;
  written: boolean;
}

/** A decision whose IČO total moved under it is checked again; the second read holds the lock, so it cannot move again. */
const READS = 2;

/**
 * The council's or assembly's resolution. An approval commits its amount
 * against the part's allocation with one conditional UPDATE (zero rows:
 * ALLOCATION_EXCEEDED; the CHECK on call_part is the second line), posts the
 * commitment to the ledger, queues the letter and writes the audit event, all
 * in one transaction of two statements: one read (locks, year total, part's
 * balance), one write. The recipient's organisation row is locked, so two
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
    const year = Number(command.resolutionDate.slice(0, 4));
    const resolutionYear = Number.isInteger(year) ? year : 0;
    return this.dataSource.transaction(async (manager) => {
      for (let read = 1; ; read++) {
        // The year total is read in the snapshot of this statement, which may predate the organisation's lock when
        // the statement had to wait for it: the write statement (a later snapshot, under the lock) checks it is unchanged.
        const [app] = await preparedQuery<Subject>(
          manager,
          'decision_subject',
          `SELECT a.status, a.requested_czk, a.proposed_czk, a.call_part_id, o.ico,
                  cp.allocation_czk - cp.committed_czk AS available_czk,
                  (SELECT COALESCE(sum(d.amount_czk), 0) FROM decision d
                    WHERE d.recipient_ico = o.ico AND d.resolution_year = $2 AND d.outcome = 'approved') AS year_total_czk
             FROM application a
             JOIN organisation o ON o.id = a.organisation_id
             JOIN call_part cp ON cp.id = a.call_part_id
            WHERE a.id = $1 AND a.status <> 'draft'
              FOR UPDATE OF a, o`,
          [applicationId, resolutionYear],
        );
        if (!app) throw new DomainError('NOT_FOUND', 'No such submitted application.');
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
          yearTotalBeforeCzk: toSafeNumber(app.year_total_czk),
          thresholdCzk: this.config.get('COUNCIL_THRESHOLD_CZK'),
          today: pragueDate(now),
        });
        if (violations.length) throw DomainError.fromViolations(violations);

        const approved = command.outcome === 'approved';
        const amountCzk = approved ? awardAmountOf({ amountCzk: command.amountCzk, proposedCzk }) : null;
        // Obviously too much: refused before anything is written (the conditional UPDATE is still the guard).
        if (amountCzk !== null && amountCzk > toSafeNumber(app.available_czk)) {
          throw allocationExceeded(toSafeNumber(app.available_czk), amountCzk);
        }
        const reasons = (command.reasons ?? []).map((r) => r.trim()).filter((r) => r !== '');
        const status: ApplicationStatus = approved ? 'approved' : 'rejected';
        const decision = {
          outcome: command.outcome,
          amountCzk,
          body: command.body,
          resolutionNumber: command.resolutionNumber.trim(),
          resolutionDate: command.resolutionDate,
          reasons,
        };
        const view: DecisionView = { applicationId, ...decision, status, decidedAt: now.toISOString(), letterId: randomUUID() };
        const written = await this.write(manager, caller, { app, decision, view, year, resolutionYear, now });
        if (written.written) return view;
        if (written.total_unchanged) throw allocationExceeded(await this.availableOf(manager, app.call_part_id), amountCzk ?? 0);
        if (read >= READS) throw new Error(`The year total of IČO ${app.ico} kept changing under the lock of its organisation`);
      }
    });
  }

  /**
   * Everything a decision writes, in one statement of data-modifying CTEs, each
   * fed by the one before it so that nothing is written unless the IČO's year
   * total is still the one read and (an approval) the commitment fits: the
   * commitment (the part's row is locked from here to COMMIT, one round trip),
   * the application, its history, the decision, the ledger posting, the letter
   * and its outbox row, then the audit event, appended last.
   */
  private async write(
    manager: EntityManager,
    caller: AuthUser,
    d: { app: Subject; decision: Record<string, unknown>; view: DecisionView; year: number; resolutionYear: number; now: Date },
  ): Promise<Written> {
    const { app, view, now } = d;
    const values: unknown[] = [];
    const bind = (value: unknown) => `$${values.push(value)}`;
    const approved = view.amountCzk !== null;
    const applicationId = bind(view.applicationId);
    const ctes = [
      `total AS (
         SELECT true AS unchanged FROM decision
          WHERE recipient_ico = ${bind(app.ico)} AND resolution_year = ${bind(d.resolutionYear)}::int AND outcome = 'approved'
         HAVING COALESCE(sum(amount_czk), 0) = ${bind(app.year_total_czk)}::bigint
       )`,
    ];
    if (view.amountCzk !== null) {
      const amount = bind(view.amountCzk);
      ctes.push(`committed AS (
         UPDATE call_part SET committed_czk = committed_czk + ${amount}::bigint
          WHERE id = ${bind(app.call_part_id)}::uuid AND committed_czk + ${amount}::bigint <= allocation_czk AND EXISTS (SELECT 1 FROM total)
         RETURNING id
       )`);
    } else {
      ctes.push('committed AS (SELECT 1 FROM total)');
    }
    const by = bind(caller.id);
    const at = bind(now);
    ctes.push(
      `changed AS (
         UPDATE application SET status = ${bind(view.status)}, awarded_czk = ${bind(view.amountCzk ?? 0)}::bigint, updated_at = now()
          WHERE id = ${applicationId}::uuid AND EXISTS (SELECT 1 FROM committed)
         RETURNING id
       )`,
      `history AS (
         INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by, reason)
         SELECT id, ${bind(app.status)}, ${bind(view.status)}, ${at}::timestamptz, ${by}::uuid,
                ${bind(`${view.body} resolution ${view.resolutionNumber} of ${view.resolutionDate}`)} FROM changed
         RETURNING id
       )`,
      `decided AS (
         INSERT INTO decision (application_id, outcome, amount_czk, body, resolution_number, resolution_date, resolution_year,
                               recipient_ico, reasons, decided_at, decided_by)
         SELECT id, ${bind(view.outcome)}, ${bind(view.amountCzk)}::bigint, ${bind(view.body)}, ${bind(view.resolutionNumber)},
                ${bind(view.resolutionDate)}::date, ${bind(d.year)}::int, ${bind(app.ico)}, ${bind(view.reasons)}::text[],
                ${at}::timestamptz, ${by}::uuid FROM changed
         RETURNING application_id
       )`,
    );
    const written = ['history', 'decided', 'letter_outbox'];
    if (view.amountCzk !== null) {
      const tx = commitmentEntries({
        id: randomUUID(),
        occurredOn: view.resolutionDate,
        reference: `${view.body} ${view.resolutionNumber}`,
        partId: app.call_part_id,
        applicationId: view.applicationId,
        amountCzk: view.amountCzk,
      });
      ctes.push(this.ledger.postingCtes(tx, { callPartId: app.call_part_id, applicationId: view.applicationId }, caller.id, now, bind, 'changed'));
      written.push('ledger_entries');
    }
    ctes.push(
      this.letters.requestCtes(
        view.letterId,
        { applicationId: view.applicationId, kind: approved ? 'approval' : 'rejection', decidedAt: now, decision: d.decision },
        bind,
        'changed',
      ),
    );
    const appended = this.audit.appendCall(
      {
        actor: caller,
        action: approved ? 'application.approved' : 'application.rejected',
        entityType: 'application',
        entityId: view.applicationId,
        before: { status: app.status, proposedCzk: app.proposed_czk === null ? null : toSafeNumber(app.proposed_czk) },
        after: view,
      },
      bind,
    );
    // The counts make the query finish every write before the audit event is appended (it takes the chain's lock
    // until COMMIT); CASE appends it only when something was written.
    const [row] = await preparedQuery<Written & { audit_seq: string | null }>(
      manager,
      approved ? 'decision_write_approval' : 'decision_write_rejection',
      `WITH ${ctes.join(', ')}
       SELECT t.n > 0 AS total_unchanged, w.n > 0 AS written,
              CASE WHEN w.n > 0 THEN ${appended} END AS audit_seq
         FROM (SELECT count(*) AS n FROM total) t,
              (SELECT count(*) AS n FROM (${written.map((name) => `SELECT 1 FROM ${name}`).join(' UNION ALL ')}) x) w`,
      values,
    );
    return row;
  }

  /** The part's allocation less its commitments, in a fresh snapshot: what the refused commitment saw. */
  private async availableOf(manager: EntityManager, partId: string): Promise<number> {
    const [part]: { available_czk: string }[] = await manager.query(
      'SELECT allocation_czk - committed_czk AS available_czk FROM call_part WHERE id = $1',
      [partId],
    );
    return toSafeNumber(part.available_czk);
  }
}

function allocationExceeded(availableCzk: number, amountCzk: number): DomainError {
  return new DomainError(
    'ALLOCATION_EXCEEDED',
    `The part has CZK ${availableCzk.toLocaleString('en-US')} left of its allocation; the award of CZK ${amountCzk.toLocaleString('en-US')} does not fit.`,
  );
}
