import type { INestApplicationContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { pragueDate } from '@app/core/time/prague-time';
import { CallDocuments, formatCzechDate, type ResolutionAnnex } from '@app/letters';
import { asOwner } from '../support/db';
import { callTerms, closeEvaluation, closeWindow, declare, expectOk, formalCheck, fundingProposal, score, submitApplication } from '../support/evaluation';
import { adminToken, createCast, login, openCall, PASSWORD, registerApplicant, unique, type Cast, type Staff } from '../support/factories';
import { API } from '../support/http';
import { startLettersWorker, waitFor } from '../support/letters-worker';
import { requesting } from '../support/money';
import { pdfLayoutLines, pdfText } from '../support/pdf-text';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The DOT Commission's minutes of a hand-computed call (10 applications, 2
 * parts, one declared conflict): the JSON figures, the CSV, and the PDF the
 * worker renders (409 until then, the same bytes after); and an annex of a
 * resolution rendered by the same worker from a snapshot built here.
 */

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Totals given by the chair (C), Bohumil (B) and Anna (A); null: B declared a conflict. */
interface Plan {
  key: string;
  part: '1' | '2';
  requestedCzk: number;
  scores: [number, number | null, number];
}

const PLANS: Plan[] = [
  { key: 'a1', part: '1', requestedCzk: 200_000, scores: [90, 85, 80] },
  { key: 'a2', part: '1', requestedCzk: 150_000, scores: [70, 75, 72] },
  { key: 'a3', part: '1', requestedCzk: 250_000, scores: [88, null, 84] },
  { key: 'a4', part: '1', requestedCzk: 100_000, scores: [40, 45, 38] },
  { key: 'a5', part: '1', requestedCzk: 300_000, scores: [60, 62, 58] },
  { key: 'a6', part: '1', requestedCzk: 120_000, scores: [55, 50, 51] },
  { key: 'b1', part: '2', requestedCzk: 200_000, scores: [78, 80, 82] },
  { key: 'b2', part: '2', requestedCzk: 150_000, scores: [65, 70, 60] },
  { key: 'b3', part: '2', requestedCzk: 100_000, scores: [45, 48, 42] },
  { key: 'b4', part: '2', requestedCzk: 80_000, scores: [50, 50, 50] },
];

/**
 * By hand (quorum 2, minimum 50, allocations 600 000 and 300 000 Kč):
 * part 1 by average: a3 (88+84)/2 = 86, a1 255/3 = 85, a2 217/3 = 72.33, a5 60, a6 52, a4 41 (below 50: not recommended);
 * proposals down the ranking: a3 250 000 (350 000 left), a1 200 000 (150 000 left), a2 150 000 (0 left), a5 and a6 0; the line after rank 3.
 * part 2: b1 80, b2 65, b4 50 (recommended: ≥ 50), b3 45; b1 200 000 (100 000 left), b2 100 000 of its 150 000 (0 left), b4 0; the line after rank 2.
 */
const EXPECTED: Record<string, { average: number; rank: number; recommended: boolean; proposedCzk: number | null; scorers: number }> = {
  a3: { average: 86, rank: 1, recommended: true, proposedCzk: 250_000, scorers: 2 },
  a1: { average: 85, rank: 2, recommended: true, proposedCzk: 200_000, scorers: 3 },
  a2: { average: 72.33, rank: 3, recommended: true, proposedCzk: 150_000, scorers: 3 },
  a5: { average: 60, rank: 4, recommended: true, proposedCzk: 0, scorers: 3 },
  a6: { average: 52, rank: 5, recommended: true, proposedCzk: 0, scorers: 3 },
  a4: { average: 41, rank: 6, recommended: false, proposedCzk: null, scorers: 3 },
  b1: { average: 80, rank: 1, recommended: true, proposedCzk: 200_000, scorers: 3 },
  b2: { average: 65, rank: 2, recommended: true, proposedCzk: 100_000, scorers: 3 },
  b4: { average: 50, rank: 3, recommended: true, proposedCzk: 0, scorers: 3 },
  b3: { average: 45, rank: 4, recommended: false, proposedCzk: null, scorers: 3 },
};

/**
 * The normalised score as the ranking's description defines it, computed here independently in floating point:
 * M, D over all totals of the call; M_m, D_m over member m's; z = (t − M_m) / D_m; normalised = M + D × mean z.
 */
function normalisedByHand(sheets: { member: number; key: string; total: number }[]): Map<string, number> {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
  const all = sheets.map((s) => s.total);
  const [M, D] = [mean(all), sd(all)];
  const z = (s: { member: number; total: number }) => {
    const own = sheets.filter((o) => o.member === s.member).map((o) => o.total);
    return (s.total - mean(own)) / sd(own);
  };
  const result = new Map<string, number>();
  for (const key of new Set(sheets.map((s) => s.key))) result.set(key, M + D * mean(sheets.filter((s) => s.key === key).map(z)));
  return result;
}

async function staff(t: TestApp, admin: string, fullName: string): Promise<Staff> {
  const email = `commission-${unique()}@praha.eu`;
  const res = await t.http.post(`${API}/users`).set(bearer(admin)).send({ email, password: PASSWORD, fullName, role: 'commission' });
  if (res.status !== 201) throw new Error(`user: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: await login(t, email), id: res.body.id, email };
}

const minutes = (t: TestApp, token: string, callId: string, accept?: string) => {
  const req = t.http.get(`${API}/calls/${callId}/commission-minutes`).set(bearer(token));
  return accept ? req.set('Accept', accept) : req;
};

/** The PDF as a Buffer in `body` (supertest buffers a binary body only when asked); problem details parsed as JSON. */
const minutesPdf = (t: TestApp, token: string, callId: string) =>
  minutes(t, token, callId, 'application/pdf')
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        done(null, /json/.test(String(res.headers['content-type'])) ? JSON.parse(bytes.toString('utf8')) : bytes);
      });
    });

const documentStatus = (kind: string, subjectId: string) =>
  asOwner(async (c) => (await c.query<{ id: string; status: string }>('SELECT id, status FROM call_document WHERE kind = $1 AND subject_id = $2', [kind, subjectId])).rows[0]);

describe('commission minutes', () => {
  let t: TestApp;
  let cast: Cast;
  let worker: INestApplicationContext | undefined;
  let callId: string;
  let ids: Record<string, string>;
  let refs: Record<string, string>;
  let members: Staff[];
  const names = ['Zuzana Adamová', 'Bohumil Černý', 'Anna Šimková'];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    cast = await createCast(t);
    const officer = cast.officer.token;
    const call = await openCall(t, officer, {
      quorum: 2,
      minScore: 50,
      parts: [
        { code: '1', name: 'Vzdělávací aktivity', allocationCzk: 600_000, minRequestCzk: 50_000, maxRequestCzk: 500_000 },
        { code: '2', name: 'Komunitní práce', allocationCzk: 300_000, minRequestCzk: 20_000, maxRequestCzk: 300_000 },
      ],
    });
    callId = call.callId;
    const admin = await adminToken(t);
    members = [];
    for (const name of names) members.push(await staff(t, admin, name));
    await expectOk(
      t.http.put(`${API}/calls/${callId}/commission`).set(bearer(officer)).send({ memberIds: members.map((m) => m.id), chairId: members[0].id }),
      'commission',
    );
    ids = {};
    refs = {};
    for (const plan of PLANS) {
      const applicant = await registerApplicant(t);
      const submitted = await submitApplication(t, applicant, call, { partCode: plan.part, title: `Projekt ${plan.key}: čeština a komunitní setkávání`, ...requesting(plan.requestedCzk) });
      ids[plan.key] = submitted.id;
      refs[plan.key] = submitted.referenceNumber;
    }
    const terms = await callTerms(t, callId);
    closeWindow(t, terms);
    for (const plan of PLANS) await expectOk(formalCheck(t, officer, ids[plan.key], { result: 'eligible', reasons: [] }), 'formal check');
    for (const plan of PLANS) {
      for (const [m, total] of plan.scores.entries()) {
        if (total === null) {
          await expectOk(declare(t, members[m].token, ids[plan.key], true, 'Člen správní rady žadatele'), 'conflict');
          continue;
        }
        await expectOk(declare(t, members[m].token, ids[plan.key], false), 'declaration');
        await expectOk(score(t, members[m].token, ids[plan.key], terms.criteria, total), 'score');
      }
    }
    await expectOk(fundingProposal(t, officer, callId), 'funding proposal');
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('answers 409 EVALUATION_NOT_CLOSED until the evaluation closes, in every representation', async () => {
    for (const accept of [undefined, 'text/csv', 'application/pdf']) {
      const res = await minutes(t, cast.officer.token, callId, accept);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('EVALUATION_NOT_CLOSED');
    }
    expect(await documentStatus('commission_minutes', callId)).toBeUndefined();
    await expectOk(closeEvaluation(t, cast.officer.token, callId), 'close evaluation');
  });

  it('gives the hand-computed figures as JSON, for the officer and the call’s members alike', async () => {
    const res = await minutes(t, cast.officer.token, callId);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.body;
    expect(body.call).toMatchObject({ id: callId, title: 'Podpora aktivit integrace cizinců' });
    expect(body).toMatchObject({ rankingMethod: 'average', quorum: 2, minScore: 50, maxTotal: 100 });
    expect(body.members).toEqual([
      { userId: members[0].id, name: 'Zuzana Adamová', chair: true },
      { userId: members[2].id, name: 'Anna Šimková', chair: false },
      { userId: members[1].id, name: 'Bohumil Černý', chair: false },
    ]);
    const byHand = normalisedByHand(PLANS.flatMap((p) => p.scores.flatMap((total, member) => (total === null ? [] : [{ member, key: p.key, total }]))));
    const [part1, part2] = body.parts;
    expect(part1).toMatchObject({ code: '1', name: 'Vzdělávací aktivity', allocationCzk: 600_000, proposedCzk: 600_000, fundingLine: { lastFundedRank: 3, remainingCzk: 0 } });
    expect(part2).toMatchObject({ code: '2', name: 'Komunitní práce', allocationCzk: 300_000, proposedCzk: 300_000, fundingLine: { lastFundedRank: 2, remainingCzk: 0 } });
    const keyOf = new Map(Object.entries(ids).map(([k, id]) => [id, k]));
    expect(part1.applications.map((a: { applicationId: string }) => keyOf.get(a.applicationId))).toEqual(['a3', 'a1', 'a2', 'a5', 'a6', 'a4']);
    expect(part2.applications.map((a: { applicationId: string }) => keyOf.get(a.applicationId))).toEqual(['b1', 'b2', 'b4', 'b3']);
    for (const a of [...part1.applications, ...part2.applications]) {
      const key = keyOf.get(a.applicationId)!;
      const plan = PLANS.find((p) => p.key === key)!;
      const expected = EXPECTED[key];
      expect({ key, average: a.averageScore, rank: a.rank, recommended: a.recommended, proposedCzk: a.proposedCzk, scorers: a.scorers }).toEqual({ key, ...expected });
      expect(a.normalisedScore).toBeCloseTo(byHand.get(key)!, 2);
      expect(a.funded).toBe((expected.proposedCzk ?? 0) > 0);
      expect(a.status).toBe(expected.recommended ? 'recommended' : 'not_recommended');
      expect(a.requestedCzk).toBe(plan.requestedCzk);
      expect(a.referenceNumber).toBe(refs[key]);
      // In the members' order: chair, Anna, Bohumil.
      const [c, b, an] = plan.scores;
      expect(a.scores.map((s: { totalPoints: number | null; state: string }) => [s.totalPoints, s.state])).toEqual([
        [c, 'scored'],
        [an, 'scored'],
        b === null ? [null, 'conflict'] : [b, 'scored'],
      ]);
      expect(a.conflicts).toEqual(key === 'a3' ? [{ memberId: members[1].id, name: 'Bohumil Černý', kind: 'declared', reason: 'Člen správní rady žadatele' }] : []);
    }
    // The ranking board says the same.
    const ranking = await t.http.get(`${API}/calls/${callId}/ranking`).set(bearer(cast.officer.token));
    for (const item of ranking.body.items) {
      const row = [...part1.applications, ...part2.applications].find((a: { applicationId: string }) => a.applicationId === item.applicationId);
      expect([row.averageScore, row.normalisedScore, row.rank, row.proposedCzk]).toEqual([item.averageScore, item.normalisedScore, item.rank, item.proposedCzk]);
    }
    expect(body.evaluationClosedAt).toBe(new Date(body.evaluationClosedAt).toISOString());

    const member = await minutes(t, members[2].token, callId);
    expect(member.status).toBe(200);
    expect(member.body).toEqual(body);
  });

  it('refuses a commission member of another call (403), and 404 for no such call', async () => {
    const other = await minutes(t, cast.commission.token, callId);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('NOT_A_COMMISSION_MEMBER');
    const none = await minutes(t, cast.officer.token, '00000000-0000-4000-8000-000000000000');
    expect(none.status).toBe(404);
  });

  it('gives the CSV: one record per application by part and rank, a column per member', async () => {
    const res = await minutes(t, cast.officer.token, callId, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Zapis_z_jednani_Komise_DOT_Podpora_aktivit_integrace_cizincu\.csv"; filename\*=UTF-8''Z%C3%A1pis/);
    expect(res.headers.vary).toMatch(/Accept/);
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Část,Název části,Pořadí,Registrační číslo,Žadatel,IČO,Název projektu,Požadováno (Kč),Zuzana Adamová (předseda),Anna Šimková,Bohumil Černý,' +
        'Počet hodnotitelů,Průměr bodů,Normalizované skóre,Doporučeno,Navrženo (Kč),Nad hranicí financování,Střet zájmů',
    );
    expect(lines).toHaveLength(12);
    expect(lines[1]).toMatch(new RegExp(`^1,Vzdělávací aktivity,1,${refs.a3},.*,250000,88,84,střet zájmů,2,86,[0-9.]+,ano,250000,ano,Bohumil Černý \\(ohlášený\\)$`));
    expect(lines[3]).toMatch(new RegExp(`^1,Vzdělávací aktivity,3,${refs.a2},.*,150000,70,72,75,3,72.33,[0-9.]+,ano,150000,ano,$`));
    expect(lines[6]).toMatch(new RegExp(`^1,Vzdělávací aktivity,6,${refs.a4},.*,100000,40,38,45,3,41,[0-9.]+,ne,,ne,$`));
    expect(lines[8]).toMatch(new RegExp(`^2,Komunitní práce,2,${refs.b2},.*,150000,65,60,70,3,65,[0-9.]+,ano,100000,ano,$`));
    expect(lines[11]).toBe('');
  });

  describe('the PDF', () => {
    it('answers 409 DOCUMENT_NOT_READY and queues the minutes (row, outbox message, audit event)', async () => {
      const first = await minutes(t, cast.officer.token, callId, 'application/pdf');
      expect(first.status).toBe(409);
      expect(first.body.code).toBe('DOCUMENT_NOT_READY');
      const doc = await documentStatus('commission_minutes', callId);
      expect(doc.status).toBe('queued');
      const again = await minutes(t, members[1].token, callId, 'application/pdf');
      expect(again.status).toBe(409);
      const [counts] = await asOwner(async (c) =>
        (
          await c.query<{ documents: number; messages: number; events: number }>(
            `SELECT (SELECT count(*)::int FROM call_document WHERE subject_id = $1) AS documents,
                    (SELECT count(*)::int FROM outbox_message WHERE topic = 'document.render' AND payload->>'documentId' = $2) AS messages,
                    (SELECT count(*)::int FROM audit_event WHERE entity_type = 'call_document' AND entity_id = $2 AND action = 'document.requested') AS events`,
            [callId, doc.id],
          )
        ).rows,
      );
      expect(counts).toEqual({ documents: 1, messages: 1, events: 1 });
    });

    it('is rendered by the worker: the figures, the Czech diacritics, the same bytes on a second GET', async () => {
      worker = await startLettersWorker();
      await waitFor(async () => (await documentStatus('commission_minutes', callId)).status !== 'queued');
      expect((await documentStatus('commission_minutes', callId)).status).toBe('ready');

      const res = await minutesPdf(t, members[0].token, callId);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      expect(res.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
      expect(res.headers['content-disposition']).toContain('.pdf"');

      const text = pdfText(pdf).replace(/[\u00A0\u202F]/g, ' ');
      const closedAt: string = (await minutes(t, cast.officer.token, callId)).body.evaluationClosedAt;
      expect(text).toContain(`Hodnocení uzavřeno dne ${formatCzechDate(pragueDate(new Date(closedAt)))}`);
      expect(text).toContain('Výzva: Podpora aktivit integrace cizinců');
      expect(text).toContain('Č1 – Zuzana Adamová (předseda Komise)');
      expect(text).toContain('Č2 – Anna Šimková');
      expect(text).toContain('Č3 – Bohumil Černý');
      expect(text).toContain('Část 1: Vzdělávací aktivity');
      expect(text).toContain('Alokace: 600 000 Kč; navrženo celkem: 600 000 Kč; nerozděleno: 0 Kč');
      expect(text).toContain('Hranice financování: navrženy jsou žádosti do 3. místa pořadí včetně.');
      expect(text).toContain('Hranice financování: navrženy jsou žádosti do 2. místa pořadí včetně.');
      expect(text).toContain(`${refs.a3}: Bohumil Černý – ohlášený střet zájmů; Člen správní rady žadatele`);
      // Each application's row (the reference number wraps in its column: its first half is on the row's first line).
      const lines = pdfLayoutLines(pdf);
      const row = (rank: number, key: string, figures: string) => new RegExp(`^${rank} \\S+ .*Projekt ${key}: .* ${figures}$`);
      expect(lines).toContainEqual(expect.stringMatching(row(1, 'a3', '250 000 Kč 88 84 SZ 86 [0-9,]+ ano 250 000 Kč')));
      expect(lines).toContainEqual(expect.stringMatching(row(2, 'a1', '200 000 Kč 90 80 85 85 [0-9,]+ ano 200 000 Kč')));
      expect(lines).toContainEqual(expect.stringMatching(row(3, 'a2', '150 000 Kč 70 72 75 72,33 [0-9,]+ ano 150 000 Kč')));
      expect(lines).toContainEqual(expect.stringMatching(row(4, 'a5', '300 000 Kč 60 58 62 60 [0-9,]+ ano 0 Kč')));
      expect(lines).toContainEqual(expect.stringMatching(row(6, 'a4', '100 000 Kč 40 38 45 41 [0-9,]+ ne —')));
      expect(lines).toContainEqual(expect.stringMatching(row(2, 'b2', '150 000 Kč 65 60 70 65 [0-9,]+ ano 100 000 Kč')));
      expect(lines).toContainEqual(expect.stringMatching(row(3, 'b4', '80 000 Kč 50 50 50 50 [0-9,]+ ano 0 Kč')));
      // The funding line: after rank 3 of part 1 and rank 2 of part 2.
      const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
      const fundingLines = lines.flatMap((l, i) => (l === '— hranice financování —' ? [i] : []));
      expect(fundingLines).toHaveLength(2);
      expect(fundingLines[0]).toBeGreaterThan(at(row(3, 'a2', '.*')));
      expect(fundingLines[0]).toBeLessThan(at(row(4, 'a5', '.*')));
      expect(fundingLines[1]).toBeGreaterThan(at(row(2, 'b2', '.*')));
      expect(fundingLines[1]).toBeLessThan(at(row(3, 'b4', '.*')));
      for (const word of ['čeština', 'setkávání', 'Komunitní práce', 'Žadatel', 'Šimková', 'Černý']) expect(text).toContain(word);

      const second = await minutesPdf(t, cast.officer.token, callId);
      expect(second.status).toBe(200);
      expect((second.body as Buffer).equals(pdf)).toBe(true);

      const [ready] = await asOwner(async (c) =>
        (await c.query<{ after: { sha256: string }; actor_user_id: string | null }>(
          "SELECT e.after, e.actor_user_id FROM audit_event e JOIN call_document d ON d.id::text = e.entity_id WHERE d.subject_id = $1 AND e.action = 'document.ready'",
          [callId],
        )).rows,
      );
      expect(ready.after.sha256).toBe(sha256);
      expect(ready.actor_user_id).toBeNull();
    });
  });

  it('renders a resolution’s annex through the worker from a ResolutionAnnex snapshot', async () => {
    worker ??= await startLettersWorker();
    const documents = t.app.get(CallDocuments, { strict: false });
    const officer = { id: cast.officer.id, role: 'officer' as const, organisationId: null };
    const annex: ResolutionAnnex = {
      resolutionId: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      version: 4,
      body: 'council',
      status: 'adopted',
      resolutionNumber: 'UR 2027/0815',
      resolutionDate: '2027-04-20',
      call: { id: callId, title: 'Podpora aktivit integrace cizinců', programmeCode: 'INT', programmeName: 'Integrace cizinců', year: 2027 },
      evaluationClosedAt: '2027-03-15T10:00:00.000Z',
      parts: [
        {
          partId: 'p1',
          code: '1',
          name: 'Vzdělávací aktivity',
          allocationCzk: 600_000,
          lines: [
            { position: 1, applicationId: 'x1', referenceNumber: 'INT-2027-0003', applicantName: 'Žižkovská beseda, z. s.', ico: '12345678', projectTitle: 'Čeština pro rodiče', requestedCzk: 250_000, proposedCzk: 250_000, outcome: 'approved', awardedCzk: 230_000, reason: 'Krácení o nezpůsobilé náklady' },
            { position: 2, applicationId: 'x2', referenceNumber: 'INT-2027-0004', applicantName: 'Spolek Ďáblice', ico: '87654321', projectTitle: 'Letní škola', requestedCzk: 100_000, proposedCzk: null, outcome: 'rejected', awardedCzk: null, reason: 'Nedoporučeno Komisí DOT' },
          ],
          totals: { lines: 2, approved: 1, rejected: 1, ineligible: 0, requestedCzk: 350_000, proposedCzk: 250_000, awardedCzk: 230_000 },
        },
      ],
      totals: { lines: 2, approved: 1, rejected: 1, ineligible: 0, requestedCzk: 350_000, proposedCzk: 250_000, awardedCzk: 230_000 },
    };
    const key = { kind: 'resolution_annex' as const, subjectId: annex.resolutionId, revision: annex.version };
    await expect(documents.pdf(officer, key, async () => annex)).rejects.toMatchObject({ code: 'DOCUMENT_NOT_READY' });
    await waitFor(async () => (await documentStatus('resolution_annex', annex.resolutionId))?.status === 'ready');
    // The snapshot is taken once: a later request with other data gets the stored document.
    const ready = await documents.pdf(officer, key, async () => ({ ...annex, totals: { ...annex.totals, awardedCzk: 1 } }));
    expect(ready.sha256).toBe(createHash('sha256').update(ready.pdf).digest('hex'));
    const text = pdfText(ready.pdf).replace(/[\u00A0\u202F]/g, ' ');
    expect(text).toContain('Příloha k usnesení Rady hlavního města Prahy č. UR 2027/0815 ze dne 20. dubna 2027');
    expect(text).toContain('Žižkovská beseda, z. s.');
    expect(text).toContain('IČO 87654321');
    const lines = pdfLayoutLines(ready.pdf);
    expect(lines).toContainEqual(expect.stringMatching(/^1 INT-2027-0003 Žižkovská beseda, z. s. Čeština pro rodiče 250 000 Kč 250 000 Kč schváleno 230 000 Kč Krácení o nezpůsobilé/));
    expect(lines).toContain('Celkem část 1 350 000 Kč 250 000 Kč 230 000 Kč');
    expect(lines).toContain('Celkem 350 000 Kč 250 000 Kč 230 000 Kč');
    const again = await documents.pdf(officer, key, async () => annex);
    expect(again.pdf.equals(ready.pdf)).toBe(true);
  });
});
