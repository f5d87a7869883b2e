import type { EntityManager } from 'typeorm';
import { ConflictDeclarationsRepository } from '@app/evaluation/conflict-declarations.repository';
import { EvaluationRepository } from '@app/evaluation/evaluation.repository';
import { FormalChecksRepository } from '@app/applications';
import { ScoreSheetsRepository } from '@app/evaluation/score-sheets.repository';
import { createCast, createDraft, openCall, type Cast } from '../support/factories';
import { setUpEvaluation, type EvaluationSetup } from '../support/evaluation';
import { createTestApp, type TestApp } from '../support/test-app';

const HOUR = 3_600_000;

/**
 * evaluation's repositories against the real database: the statements the
 * commission's declarations and sheets and the officer's formal check write
 * with, rows in and rows out. None of them is a conditional update; the reads
 * answer null where the service answers NOT_FOUND (a draft, no such application).
 */
describe('evaluation repositories', () => {
  let t: TestApp;
  let cast: Cast;
  let setup: EvaluationSetup;
  let draftId: string;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    const draftCall = await openCall(t, cast.officer.token);
    draftId = (await createDraft(t, cast.applicant.token, draftCall)).id;
    // Three submitted applications, the window closed, none checked yet; a commission of three.
    setup = await setUpEvaluation(t, cast.officer.token, { applications: 3, members: 3, eligible: false });
  });
  afterAll(() => t?.close());

  const NO_SUCH_APPLICATION = '00000000-0000-4000-8000-000000000000';
  const inTransaction = <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => t.dataSource.transaction(work);

  describe('ScoreSheetsRepository', () => {
    const sheetRow = async (applicationId: string, memberId: string) =>
      (await t.dataSource.query(
        `SELECT call_id, points, total_points, comment, status, submitted_at, updated_at, reopened_at, reopen_reason
           FROM score_sheet WHERE application_id = $1 AND member_id = $2`,
        [applicationId, memberId],
      )) as {
        call_id: string;
        points: unknown;
        total_points: number;
        comment: string;
        status: string;
        submitted_at: Date | null;
        updated_at: Date;
        reopened_at: Date | null;
        reopen_reason: string | null;
      }[];

    it('saveDraft creates a draft, then replaces its points, total and comment, moving only updated_at; submit and reopen move its state, each once', async () => {
      const sheets = t.app.get(ScoreSheetsRepository);
      const [a] = setup.applications;
      const [member] = setup.members;
      const first = t.clock.now();
      const later = new Date(first.getTime() + HOUR);
      const submittedAt = new Date(first.getTime() + 2 * HOUR);
      const reopenedAt = new Date(first.getTime() + 3 * HOUR);
      expect(await sheetRow(a.id, member.id)).toEqual([]);

      const points = [
        { criterionCode: 'K1', points: 30 },
        { criterionCode: 'K2', points: 10 },
      ];
      const draft = { applicationId: a.id, memberId: member.id, callId: setup.call.callId, points, totalPoints: 40, comment: 'Dobrý projekt', at: first };
      expect(await inTransaction((m) => sheets.saveDraft(m, draft))).toBe(true);
      const row = { call_id: setup.call.callId, points, total_points: 40, comment: 'Dobrý projekt', status: 'draft', submitted_at: null, updated_at: first, reopened_at: null, reopen_reason: null };
      expect(await sheetRow(a.id, member.id)).toEqual([row]);

      const changed = [
        { criterionCode: 'K1', points: 20 },
        { criterionCode: 'K2', points: 5 },
      ];
      expect(await inTransaction((m) => sheets.saveDraft(m, { ...draft, points: changed, totalPoints: 25, comment: 'Po diskusi', at: later }))).toBe(true);
      const changedRow = { ...row, points: changed, total_points: 25, comment: 'Po diskusi', updated_at: later };
      expect(await sheetRow(a.id, member.id)).toEqual([changedRow]);

      // Read back as the member's own sheet; a draft is not among the application's sheets.
      const own = await sheets.sheetsOf(t.dataSource.manager, a.id, member.id);
      const ownView = {
        memberId: member.id,
        memberName: 'Test commission',
        points: changed,
        totalPoints: 25,
        comment: 'Po diskusi',
        status: 'draft',
        submittedAt: null,
        updatedAt: later.toISOString(),
        reopenedAt: null,
        reopenReason: null,
        memberRemoved: false,
      };
      expect(own).toEqual([ownView]);
      expect(await sheets.sheetsOf(t.dataSource.manager, a.id)).toEqual([]);

      // Submitted once; then neither a new draft nor a second submit changes it.
      expect(await inTransaction((m) => sheets.submit(m, a.id, member.id, submittedAt))).toBe(true);
      expect(await inTransaction((m) => sheets.submit(m, a.id, member.id, reopenedAt))).toBe(false);
      expect(await inTransaction((m) => sheets.saveDraft(m, { ...draft, at: reopenedAt }))).toBe(false);
      expect(await sheetRow(a.id, member.id)).toEqual([{ ...changedRow, status: 'submitted', submitted_at: submittedAt }]);
      const submitted = { ...ownView, status: 'submitted', submittedAt: submittedAt.toISOString() };
      expect(await sheets.sheetsOf(t.dataSource.manager, a.id)).toEqual([submitted]);
      expect(await sheets.statesOf(t.dataSource.manager, a.id)).toEqual([
        { memberId: member.id, memberName: 'Test commission', status: 'submitted', submittedAt: submittedAt.toISOString(), reopenedAt: null, reopenReason: null },
      ]);

      // Reopened once: a draft again with when and why; a second reopening finds nothing to reopen.
      expect(await inTransaction((m) => sheets.reopen(m, a.id, member.id, reopenedAt, 'Záměna kritérií'))).toBe(true);
      expect(await inTransaction((m) => sheets.reopen(m, a.id, member.id, later, 'Znovu'))).toBe(false);
      expect(await sheetRow(a.id, member.id)).toEqual([{ ...changedRow, reopened_at: reopenedAt, reopen_reason: 'Záměna kritérií' }]);
      expect(await sheets.sheetsOf(t.dataSource.manager, a.id)).toEqual([]);
    });

    it('a sheet that fails its checks (a negative total; submitted without a time) is not saved', async () => {
      const sheets = t.app.get(ScoreSheetsRepository);
      const [, b] = setup.applications;
      const [, member] = setup.members;
      await expect(
        inTransaction((m) =>
          sheets.saveDraft(m, { applicationId: b.id, memberId: member.id, callId: setup.call.callId, points: [], totalPoints: -1, comment: '', at: t.clock.now() }),
        ),
      ).rejects.toMatchObject({ code: '23514' });
      expect(await sheetRow(b.id, member.id)).toEqual([]);
      await expect(
        inTransaction(async (m) => {
          await sheets.saveDraft(m, { applicationId: b.id, memberId: member.id, callId: setup.call.callId, points: [], totalPoints: 0, comment: '', at: t.clock.now() });
          await m.query(`UPDATE score_sheet SET status = 'submitted' WHERE application_id = $1 AND member_id = $2`, [b.id, member.id]);
        }),
      ).rejects.toMatchObject({ code: '23514', constraint: 'score_sheet_submitted_check' });
      expect(await sheetRow(b.id, member.id)).toEqual([]);
    });
  });

  describe('ConflictDeclarationsRepository', () => {
    const declarationRow = async (applicationId: string, memberId: string) =>
      (await t.dataSource.query(
        'SELECT has_conflict, reason, automatic, declared_at FROM conflict_declaration WHERE application_id = $1 AND member_id = $2',
        [applicationId, memberId],
      )) as { has_conflict: boolean; reason: string | null; automatic: boolean; declared_at: Date }[];

    it('save makes a declaration and returns when it was made; a second save replaces it', async () => {
      const declarations = t.app.get(ConflictDeclarationsRepository);
      const [, b] = setup.applications;
      const [member] = setup.members;
      const first = t.clock.now();
      const later = new Date(first.getTime() + HOUR);
      expect(await declarations.declarationOf(t.dataSource.manager, b.id, member.id)).toBeNull();

      const declaredAt = await inTransaction((m) =>
        declarations.save(m, { applicationId: b.id, memberId: member.id, hasConflict: false, reason: null, automatic: false, at: first }),
      );
      expect(declaredAt).toEqual(first);
      expect(await declarationRow(b.id, member.id)).toEqual([{ has_conflict: false, reason: null, automatic: false, declared_at: first }]);

      const again = await inTransaction((m) =>
        declarations.save(m, { applicationId: b.id, memberId: member.id, hasConflict: true, reason: 'Člen správní rady', automatic: true, at: later }),
      );
      expect(again).toEqual(later);
      expect(await declarationRow(b.id, member.id)).toEqual([{ has_conflict: true, reason: 'Člen správní rady', automatic: true, declared_at: later }]);
      expect(await declarations.declarationOf(t.dataSource.manager, b.id, member.id)).toEqual({
        hasConflict: true,
        reason: 'Člen správní rady',
        automatic: true,
        declaredAt: later.toISOString(),
      });
      // Another member's declaration is theirs alone.
      expect(await declarations.declarationOf(t.dataSource.manager, b.id, setup.members[1].id)).toBeNull();
    });
  });

  describe('FormalChecksRepository', () => {
    const checksOf = async (applicationId: string) =>
      (await t.dataSource.query(
        `SELECT result, reasons, correction_due_on::text AS correction_due_on, checked_at, checked_by
           FROM formal_check WHERE application_id = $1 ORDER BY id`,
        [applicationId],
      )) as { result: string; reasons: string[]; correction_due_on: string | null; checked_at: Date; checked_by: string }[];

    it('applicationToCheck reads a submitted application with its window; null for a draft or no such application', async () => {
      const formalChecks = t.app.get(FormalChecksRepository);
      const [, , c] = setup.applications;
      const closes = (await t.dataSource.query('SELECT submission_closes_at FROM call WHERE id = $1', [setup.call.callId]))[0].submission_closes_at as Date;
      expect(await inTransaction((m) => formalChecks.applicationToCheck(m, c.id))).toEqual({
        status: 'submitted',
        correctionDueOn: null,
        submissionClosesAt: closes,
      });
      expect(await inTransaction((m) => formalChecks.applicationToCheck(m, draftId))).toBeNull();
      expect(await inTransaction((m) => formalChecks.applicationToCheck(m, NO_SUCH_APPLICATION))).toBeNull();
    });

    it('applicationToCheck holds the application row until the transaction ends', async () => {
      const formalChecks = t.app.get(FormalChecksRepository);
      const [, , c] = setup.applications;
      const other = t.dataSource.createQueryRunner();
      await other.connect();
      try {
        await inTransaction(async (m) => {
          await formalChecks.applicationToCheck(m, c.id);
          await expect(other.query('SELECT 1 FROM application WHERE id = $1 FOR UPDATE NOWAIT', [c.id])).rejects.toMatchObject({ code: '55P03' });
        });
        expect(await other.query('SELECT 1 AS free FROM application WHERE id = $1 FOR UPDATE NOWAIT', [c.id])).toEqual([{ free: 1 }]);
      } finally {
        await other.release();
      }
    });

    it('record appends every check in order, the correction due date as a date', async () => {
      const formalChecks = t.app.get(FormalChecksRepository);
      const [, , c] = setup.applications;
      const first = t.clock.now();
      const later = new Date(first.getTime() + HOUR);
      const officer = cast.officer.id;
      expect(await checksOf(c.id)).toEqual([]);

      await inTransaction((m) =>
        formalChecks.record(m, {
          applicationId: c.id,
          result: 'correction_requested',
          reasons: ['Chybí podpis', 'Neúplný rozpočet'],
          correctionDueOn: '2030-01-31',
          checkedAt: first,
          checkedBy: officer,
        }),
      );
      await inTransaction((m) =>
        formalChecks.record(m, { applicationId: c.id, result: 'eligible', reasons: [], correctionDueOn: null, checkedAt: later, checkedBy: officer }),
      );
      expect(await checksOf(c.id)).toEqual([
        { result: 'correction_requested', reasons: ['Chybí podpis', 'Neúplný rozpočet'], correction_due_on: '2030-01-31', checked_at: first, checked_by: officer },
        { result: 'eligible', reasons: [], correction_due_on: null, checked_at: later, checked_by: officer },
      ]);
    });

    it('applicationToCheck reads a pending correction’s due date', async () => {
      const formalChecks = t.app.get(FormalChecksRepository);
      const [a] = setup.applications;
      await t.dataSource.query(`UPDATE application SET status = 'correction_requested', correction_due_on = '2030-02-28' WHERE id = $1`, [a.id]);
      expect(await inTransaction((m) => formalChecks.applicationToCheck(m, a.id))).toMatchObject({
        status: 'correction_requested',
        correctionDueOn: '2030-02-28',
      });
    });
  });

  describe('EvaluationRepository.callOfSubmitted', () => {
    it('answers the call of a submitted application; null for a draft or no such application', async () => {
      const repository = t.app.get(EvaluationRepository);
      const [a] = setup.applications;
      expect(await repository.callOfSubmitted(t.dataSource.manager, a.id)).toBe(setup.call.callId);
      expect(await repository.callOfSubmitted(t.dataSource.manager, draftId)).toBeNull();
      expect(await repository.callOfSubmitted(t.dataSource.manager, NO_SUCH_APPLICATION)).toBeNull();
    });
  });
});
