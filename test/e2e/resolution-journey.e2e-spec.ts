import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { Test } from 'supertest';
import { createCast, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import { startLettersWorker, waitFor } from '../support/letters-worker';
import { asOwner } from '../support/db';
import { ledgerCheck, today } from '../support/money';
import { pdfText } from '../support/pdf-text';
import { DRAFTED, draftResolutions, editLine, resolutionCall, type AppKey, type ResolutionCall } from '../support/resolution-call';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The Council's resolution as the city decides it (issue 13), end to end on
 * the hand-computed call of test/support/resolution-call.ts (11 applications,
 * 2 parts, member 4's declared conflict on C1, A1 above the Council's limit):
 * the commission's minutes, the Council and Assembly drafts, a deviation
 * edited in, the annex in JSON, CSV, XLSX and the worker's PDF, both drafts
 * adopted, and what the adoption recorded for every application.
 *
 * The edits (by hand): D1 lowered from its proposal 400,000 to 250,000, then
 * F1 (not recommended) approved at 150,000 with the Council's reason for
 * deviating — part 1 stays at 600,000 + 400,000 + 250,000 + 150,000 =
 * 1,400,000 in the Council's draft and 600,000 (A1) in the Assembly's, its
 * whole allocation of 2,000,000.
 *
 * The Council's annex then: 7 approved (B1, C1, D1, F1, H2, B2, I2), 2
 * rejected (E1, J2), 1 ineligible (G1); requested 2,780,000; proposed
 * 600,000 + 400,000 + 400,000 + 0 + 200,000 + 150,000 + 50,000 = 1,800,000;
 * awarded 1,400,000 + 400,000 = 1,800,000.
 */
describe('the Council’s resolution, end to end', () => {
  let t: TestApp;
  let cast: Cast;
  let rc: ResolutionCall;
  let worker: INestApplicationContext | undefined;
  let council: string;
  let assembly: string;

  const officer = () => cast.officer.token;
  const id = (key: AppKey) => rc.apps[key].id;
  const DEVIATION = 'Rada považuje projekt za prioritní pro integraci dětí cizinců.';

  /** A binary answer as a Buffer in `body`; problem details parsed as JSON. */
  const binary = (req: Test) =>
    req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        done(null, /json/.test(String(res.headers['content-type'])) ? JSON.parse(bytes.toString('utf8')) : bytes);
      });
    });
  const annex = (resolutionId: string, accept = 'application/json') =>
    t.http.get(`${API}/resolutions/${resolutionId}/annex`).auth(officer(), { type: 'bearer' }).set('Accept', accept);
  const annexPdf = (resolutionId: string) => binary(annex(resolutionId, 'application/pdf'));
  const documentsReady = (subjectId: string, revision: number) =>
    waitFor(async () =>
      asOwner(async (c) => {
        const { rows } = await c.query<{ status: string }>('SELECT status FROM call_document WHERE subject_id = $1 AND revision = $2', [subjectId, revision]);
        return rows[0]?.status === 'ready';
      }),
    );

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    rc = await resolutionCall(t, cast);
  }, 240_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('the minutes: the members with the chair, C1’s declared conflict and three scorers, averages, ranks and proposals as ranked', async () => {
    const res = await t.http.get(`${API}/calls/${rc.call.callId}/commission-minutes`).auth(rc.members[1].token, { type: 'bearer' });
    expect(res.status).toBe(200);
    // The chair first, then the others.
    const members = res.body.members.map((m: { userId: string; chair: boolean }) => [m.userId, m.chair]);
    expect(members[0]).toEqual([rc.members[0].id, true]);
    expect(members.slice(1).sort()).toEqual(rc.members.slice(1).map((m) => [m.id, false]).sort());
    const rows = new Map<string, { averageScore: number | null; rank: number; proposedCzk: number | null; scorers: number; conflicts: { memberId: string; kind: string }[] }>();
    for (const part of res.body.parts) for (const a of part.applications) rows.set(a.applicationId, a);
    const figures = (key: AppKey) => {
      const row = rows.get(id(key))!;
      return [row.averageScore, row.rank, row.proposedCzk, row.scorers];
    };
    expect(figures('B1')).toEqual([90, 1, 600_000, 4]);
    expect(figures('A1')).toEqual([85, 2, 600_000, 4]);
    expect(figures('C1')).toEqual([80, 3, 400_000, 3]);
    expect(figures('D1')).toEqual([70, 4, 400_000, 4]);
    expect(figures('E1')).toEqual([60, 5, 0, 4]);
    expect(figures('H2')).toEqual([88, 1, 200_000, 4]);
    expect(figures('I2')).toEqual([65, 3, 50_000, 4]);
    expect(rows.get(id('C1'))!.conflicts).toEqual([expect.objectContaining({ memberId: rc.members[3].id, kind: 'declared' })]);
    const partOne = res.body.parts.find((p: { code: string }) => p.code === '1');
    expect([partOne.allocationCzk, partOne.proposedCzk, partOne.fundingLine]).toEqual([2_000_000, 2_000_000, { lastFundedRank: 4, remainingCzk: 0 }]);
  });

  it('drafts the Council’s and the Assembly’s resolutions, and a deviation is edited in with its reason', async () => {
    const drafted = await draftResolutions(t, officer(), rc.call.callId);
    expect(drafted.status).toBe(201);
    const byBody = new Map(drafted.body.resolutions.map((r: { body: string; id: string }) => [r.body, r.id]));
    council = byBody.get('council') as string;
    assembly = byBody.get('assembly') as string;
    expect([council, assembly].every(Boolean)).toBe(true);
    expect(DRAFTED.assembly.lines).toEqual([['A1', 'approved', 600_000]]);

    // F1 cannot get money while part 1 is spoken for: the edit that would overspend is refused, naming the part.
    const over = await editLine(t, officer(), council, id('F1'), { outcome: 'approved', amountCzk: 150_000, deviationReason: DEVIATION });
    expectProblem(over, 409, 'ALLOCATION_EXCEEDED');
    expect(over.body.errors).toEqual([expect.objectContaining({ field: 'parts.1' })]);
    expect((await editLine(t, officer(), council, id('D1'), { outcome: 'approved', amountCzk: 250_000 })).status).toBe(200);
    expectProblem(await editLine(t, officer(), council, id('F1'), { outcome: 'approved', amountCzk: 150_000 }), 422, 'DEVIATION_REASON_REQUIRED');
    const edited = await editLine(t, officer(), council, id('F1'), { outcome: 'approved', amountCzk: 150_000, deviationReason: DEVIATION });
    expect(edited.status).toBe(200);
    expect(edited.body.movedToResolutionId).toBeNull();
  });

  it('the annex: totals per part and overall in JSON, the same lines in CSV and XLSX', async () => {
    const res = await annex(council);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('draft');
    expect(res.body.totals).toEqual({ lines: 10, approved: 7, rejected: 2, ineligible: 1, requestedCzk: 2_780_000, proposedCzk: 1_800_000, awardedCzk: 1_800_000 });
    const parts = res.body.parts.map((p: { code: string; totals: { awardedCzk: number; proposedCzk: number; requestedCzk: number } }) => [
      p.code,
      p.totals.requestedCzk,
      p.totals.proposedCzk,
      p.totals.awardedCzk,
    ]);
    expect(parts).toEqual([
      ['1', 2_250_000, 1_400_000, 1_400_000],
      ['2', 530_000, 400_000, 400_000],
    ]);
    const f1 = res.body.parts[0].lines.find((l: { applicationId: string }) => l.applicationId === id('F1'));
    expect([f1.outcome, f1.awardedCzk, f1.reason]).toEqual(['approved', 150_000, DEVIATION]);

    const csv = await annex(council, 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"; filename\*=UTF-8''/);
    const csvRows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csvRows).toHaveLength(1 + 10);
    expect(csv.text).toContain(rc.apps.F1.referenceNumber);

    const xlsx = await binary(annex(council, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const numbers: number[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((cell) => typeof cell.value === 'number' && numbers.push(cell.value)));
    // The overall awarded total is a number in the sheet (its totals row), as are the lines' amounts.
    expect(numbers).toContain(1_800_000);
    expect(numbers).toContain(150_000);
  });

  it('the annex’s PDF: 409 until the worker rendered it, then the Czech annex with its totals, the same bytes twice', async () => {
    expectProblem(await annexPdf(council), 409, 'DOCUMENT_NOT_READY');
    worker = await startLettersWorker();
    const { body } = await annex(council);
    await documentsReady(council, body.version);
    const first = await annexPdf(council);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    const text = pdfText(first.body as Buffer).replace(/[\u00A0\u202F]/g, ' ');
    expect(text).toContain('NÁVRH');
    expect(text).toContain('Publikační činnost');
    expect(text).toContain('1 800 000');
    expect(text).toContain(DEVIATION);
    const second = await annexPdf(council);
    expect((second.body as Buffer).equals(first.body as Buffer)).toBe(true);
  });

  it('adopts both drafts: every application decided as the annex says, the parts exactly spent, letters, audit events', async () => {
    const adopt = (resolutionId: string, body: 'council' | 'assembly', resolutionNumber: string) =>
      t.http
        .post(`${API}/resolutions/${resolutionId}/adopt`)
        .auth(officer(), { type: 'bearer' })
        .set('Idempotency-Key', `journey-${resolutionId}`)
        .send({ resolutionNumber, resolutionDate: today(t), body });
    const adopted = await adopt(council, 'council', 'UR-1207/2027');
    expect(adopted.status).toBe(200);
    expect((await adopt(assembly, 'assembly', 'UZ-31/2027')).status).toBe(200);

    const states = await asOwner(async (c) => {
      const { rows } = await c.query<{ id: string; status: string; awarded_czk: string | null }>(
        'SELECT id, status, awarded_czk FROM application WHERE id = ANY($1::uuid[])',
        [Object.values(rc.apps).map((a) => a.id)],
      );
      return new Map(rows.map((r) => [r.id, [r.status, Number(r.awarded_czk ?? 0)]]));
    });
    const expected: Record<AppKey, [string, number]> = {
      B1: ['approved', 600_000],
      A1: ['approved', 600_000],
      C1: ['approved', 400_000],
      D1: ['approved', 250_000],
      E1: ['rejected', 0],
      F1: ['approved', 150_000],
      G1: ['ineligible', 0],
      H2: ['approved', 200_000],
      B2: ['approved', 150_000],
      I2: ['approved', 50_000],
      J2: ['rejected', 0],
    };
    for (const [key, value] of Object.entries(expected)) expect([key, states.get(id(key as AppKey))]).toEqual([key, value]);

    const counts = await asOwner(async (c) => {
      const ids = Object.values(rc.apps).map((a) => a.id);
      const q = async (sql: string) => Number((await c.query<{ n: string }>(sql, [ids])).rows[0].n);
      return {
        decisions: await q('SELECT count(*) AS n FROM decision WHERE application_id = ANY($1::uuid[])'),
        approvalLetters: await q("SELECT count(*) AS n FROM letter WHERE kind = 'approval' AND application_id = ANY($1::uuid[])"),
        rejectionLetters: await q("SELECT count(*) AS n FROM letter WHERE kind = 'rejection' AND application_id = ANY($1::uuid[])"),
        approvedEvents: await q("SELECT count(*) AS n FROM audit_event WHERE action = 'application.approved' AND entity_id::uuid = ANY($1::uuid[])"),
        rejectedEvents: await q("SELECT count(*) AS n FROM audit_event WHERE action = 'application.rejected' AND entity_id::uuid = ANY($1::uuid[])"),
        committed: (await c.query<{ code: string; committed_czk: string }>('SELECT code, committed_czk FROM call_part WHERE call_id = $1 ORDER BY code', [rc.call.callId])).rows.map(
          (r) => [r.code, Number(r.committed_czk)],
        ),
      };
    });
    expect(counts).toEqual({
      decisions: 10,
      approvalLetters: 8,
      rejectionLetters: 2,
      approvedEvents: 8,
      rejectedEvents: 2,
      committed: [
        ['1', 2_000_000],
        ['2', 400_000],
      ],
    });
    expect((await ledgerCheck(t, cast.budget.token)).body).toMatchObject({ ok: true });
    const verified = await t.http.get(`${API}/audit/verify`).auth(cast.budget.token, { type: 'bearer' });
    expect(verified.body).toMatchObject({ ok: true });

    // The adopted annex is a new version: its PDF names the resolution, no longer a draft.
    const { body } = await annex(council);
    expect([body.status, body.resolutionNumber]).toEqual(['adopted', 'UR-1207/2027']);
    expectProblem(await annexPdf(council), 409, 'DOCUMENT_NOT_READY');
    await documentsReady(council, body.version);
    const text = pdfText((await annexPdf(council)).body as Buffer);
    expect(text).toContain('UR-1207/2027');
    expect(text).not.toContain('NÁVRH');
  });
});
