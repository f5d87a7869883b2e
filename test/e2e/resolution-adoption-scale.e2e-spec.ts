import { randomInt, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { generateValidIco } from '@app/identity/domain/ico';
import { asOwner } from '../support/db';
import { createCast, registerApplicant, type Cast } from '../support/factories';
import { API } from '../support/http';
import { evaluatedCalls, expectLedgerAgrees, repairOverspentParts, today, type EvaluatedCall } from '../support/money';
import { insertDraft, resolutionRow, type DraftLine } from '../support/resolution-drafts-sql';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * An annex of 2,000 lines adopted in one request: every line written (status
 * and history, decision, commitment and its ledger posting, letter and outbox
 * row, audit event), the ledger and the audit chain whole. The applications
 * are copies, made with SQL, of one application evaluated over HTTP, each of
 * its own organisation (setting 2,000 up over HTTP would take many minutes).
 * The time is printed, not asserted (the benchmark's figure is `npm run
 * bench:resolution`'s).
 */

const LINES = 2_000;
const AWARD = 1_000;

describe('POST /resolutions/:id/adopt with an annex of 2,000 lines', () => {
  let t: TestApp;
  let cast: Cast;
  let call: EvaluatedCall;
  let partId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    [call] = await evaluatedCalls(t, cast, [{ entries: [{ applicant: await registerApplicant(t) }] }]);
    partId = call.partIds.get('1')!;
    const template = call.applications[0].id;
    await asOwner(async (c) => {
      const taken = new Set((await c.query<{ ico: string }>('SELECT ico FROM organisation')).rows.map((r) => r.ico));
      const icos = new Set<string>();
      while (icos.size < LINES) {
        const ico = generateValidIco(randomInt(10_000_000));
        if (!taken.has(ico)) icos.add(ico);
      }
      const organisationIds = Array.from({ length: LINES }, () => randomUUID());
      ids.push(...Array.from({ length: LINES }, () => randomUUID()));
      await c.query(
        `WITH src AS (SELECT * FROM application WHERE id = $1), copies AS (
           SELECT n.application_id, n.organisation_id, n.ico, n.i FROM unnest($2::uuid[], $3::uuid[], $4::text[]) WITH ORDINALITY AS n(application_id, organisation_id, ico, i)
         ), organisations AS (
           INSERT INTO organisation
           SELECT (jsonb_populate_record(NULL::organisation, to_jsonb(o) || jsonb_build_object('id', n.organisation_id, 'ico', n.ico, 'name', o.name || ' ' || n.i))).*
             FROM organisation o, copies n WHERE o.id = (SELECT organisation_id FROM src)
           RETURNING id
         )
         INSERT INTO application
         SELECT (jsonb_populate_record(NULL::application, to_jsonb(a) || jsonb_build_object(
                   'id', n.application_id, 'organisation_id', n.organisation_id, 'reference_number', a.reference_number || '-' || n.i, 'proposed_czk', $5::bigint))).*
           FROM src a, copies n
          WHERE (SELECT count(*) FROM organisations) = $6`,
        [template, ids, organisationIds, [...icos], AWARD, LINES],
      );
    });
  });

  afterAll(async () => {
    await repairOverspentParts([partId]);
    await t.close();
  });

  it('records all of it in one transaction', async () => {
    const lines: DraftLine[] = ids.map((applicationId) => ({
      applicationId,
      commissionStatus: 'recommended',
      proposedCzk: AWARD,
      outcome: 'approved',
      amountCzk: AWARD,
      reason: null,
      deviationReason: null,
    }));
    const resolutionId = await insertDraft({ callId: call.call.callId, body: 'council', createdBy: cast.officer.id, lines });
    const [{ committed_czk: before }] = await asOwner(async (c) => (await c.query('SELECT committed_czk FROM call_part WHERE id = $1', [partId])).rows);

    const started = performance.now();
    const res = await t.http
      .post(`${API}/resolutions/${resolutionId}/adopt`)
      .auth(cast.officer.token, { type: 'bearer' })
      .send({ resolutionNumber: 'UR-2000/2027', resolutionDate: today(t), body: 'council' });
    const elapsed = performance.now() - started;
    console.log(`Adoption of a ${LINES}-line annex: ${elapsed.toFixed(0)} ms (the whole request, in-process API)`);

    expect(res.status).toBe(200);
    expect(res.body.lines).toHaveLength(LINES);
    expect(new Set(res.body.lines.map((l: { letterId: string }) => l.letterId)).size).toBe(LINES);
    expect((await resolutionRow(resolutionId)).status).toBe('adopted');
    const counts = await asOwner(async (c) => {
      const n = async (sql: string) => Number((await c.query(sql, [ids])).rows[0].n);
      return {
        approved: await n(`SELECT count(*) AS n FROM application WHERE id = ANY($1::uuid[]) AND status = 'approved' AND awarded_czk = ${AWARD}`),
        history: await n(`SELECT count(*) AS n FROM application_status_change WHERE application_id = ANY($1::uuid[]) AND to_status = 'approved'`),
        decisions: await n(`SELECT count(*) AS n FROM decision WHERE application_id = ANY($1::uuid[]) AND amount_czk = ${AWARD}`),
        commitments: await n(`SELECT count(*) AS n FROM ledger_transaction WHERE application_id = ANY($1::uuid[]) AND type = 'commitment'`),
        letters: await n(`SELECT count(*) AS n FROM letter WHERE application_id = ANY($1::uuid[]) AND kind = 'approval' AND status = 'queued'`),
        outbox: await n(
          `SELECT count(*) AS n FROM outbox_message m JOIN letter l ON l.id = (m.payload ->> 'letterId')::uuid WHERE l.application_id = ANY($1::uuid[])`,
        ),
        events: await n(`SELECT count(*) AS n FROM audit_event WHERE entity_id = ANY($1::text[]) AND action = 'application.approved'`),
      };
    });
    expect(counts).toEqual({ approved: LINES, history: LINES, decisions: LINES, commitments: LINES, letters: LINES, outbox: LINES, events: LINES });
    const [{ committed_czk: after }] = await asOwner(async (c) => (await c.query('SELECT committed_czk FROM call_part WHERE id = $1', [partId])).rows);
    expect(Number(after) - Number(before)).toBe(LINES * AWARD);
    await expectLedgerAgrees(t, cast.budget.token, { partIds: [partId], applicationIds: ids.slice(0, 50) });
    const verified = await t.http.get(`${API}/audit/verify`).auth(cast.admin.token, { type: 'bearer' });
    expect(verified.body).toMatchObject({ ok: true });
  });
});
