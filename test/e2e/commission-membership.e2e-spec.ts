import { createTestApp, type TestApp } from '../support/test-app';
import { createCast, createStaff, type Cast, type Staff } from '../support/factories';
import { API, expectProblem } from '../support/http';
import { auditOf, closeEvaluation, declareAndScore, ranking, readScores, rowsById, setUpEvaluation } from '../support/evaluation';

/**
 * The DOT Commission's membership once scoring is possible: after the
 * submission window closes a change needs a reason (else 409
 * COMMISSION_FROZEN) and the audit event keeps it; after the evaluation is
 * closed it cannot change at all. A removed member's sheets stay in the
 * record (flagged, out of the average).
 */
describe('DOT Commission membership, frozen once scoring is possible', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const officer = () => cast.officer.token;

  function seat(callId: string, members: readonly Staff[], chair: Staff, reason?: string) {
    const body = { memberIds: members.map((m) => m.id), chairId: chair.id, ...(reason === undefined ? {} : { reason }) };
    return t.http.put(`${API}/calls/${callId}/commission`).auth(officer(), { type: 'bearer' }).send(body);
  }

  const memberIdsOf = (res: { body: { members: { userId: string }[] } }) => res.body.members.map((m) => m.userId).sort();
  const ids = (...members: Staff[]) => members.map((m) => m.id).sort();

  it('before the window closes it changes freely; after, adding, removing or a new chair needs a reason (409 COMMISSION_FROZEN), which the audit event keeps', async () => {
    const {
      call,
      terms,
      members: [a, b, c],
    } = await setUpEvaluation(t, officer(), { applications: 1, closeWindow: false, call: { quorum: 2 } });
    const d = await createStaff(t, 'commission');

    // The window is still open: no reason asked for.
    await seat(call.callId, [a, b, c, d], a).expect(200);
    await seat(call.callId, [a, b, c], a).expect(200);

    t.clock.set(terms.submissionClosesAt);
    const added = expectProblem(await seat(call.callId, [a, b, c, d], a), 409, 'COMMISSION_FROZEN');
    expect(added.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'COMMISSION_FROZEN' })]);
    expectProblem(await seat(call.callId, [a, b], a), 409, 'COMMISSION_FROZEN');
    expectProblem(await seat(call.callId, [a, b, c], b), 409, 'COMMISSION_FROZEN');
    // A reason of blanks is no reason.
    expectProblem(await seat(call.callId, [a, b], a, '   '), 409, 'COMMISSION_FROZEN');
    // Validation still comes first (a non-member chair is a 400 whatever the freeze).
    expectProblem(await seat(call.callId, [a, b], d), 400, 'VALIDATION_FAILED');
    const current = await t.http.get(`${API}/calls/${call.callId}/commission`).auth(officer(), { type: 'bearer' }).expect(200);
    expect(memberIdsOf(current)).toEqual(ids(a, b, c));

    // The same commission sent again changes nothing: no reason needed.
    await seat(call.callId, [c, b, a], a).expect(200);

    const removed = await seat(call.callId, [a, b, d], a, '  Rezignace člena komise (usnesení Rady č. 77)  ');
    expect(removed.status).toBe(200);
    expect(memberIdsOf(removed)).toEqual(ids(a, b, d));
    const events = (await auditOf(t, cast.budget.token, 'call', call.callId).expect(200)).body.items as {
      action: string;
      reason: string | null;
      before: { members: { userId: string }[] };
      after: { members: { userId: string }[]; added: string[]; removed: string[] };
    }[];
    const [latest] = events;
    expect(latest).toMatchObject({ action: 'call.commission_set', reason: 'Rezignace člena komise (usnesení Rady č. 77)' });
    expect(latest.before.members.map((m) => m.userId).sort()).toEqual(ids(a, b, c));
    expect(latest.after).toMatchObject({ added: [d.id], removed: [c.id] });
    // The refused attempts left no event: three changes before the freeze and after it, and the resend.
    expect(events.filter((e) => e.action === 'call.commission_set')).toHaveLength(5);
  });

  it('once the evaluation is closed the commission cannot change, reason or not (409 COMMISSION_FROZEN)', async () => {
    const {
      call,
      terms: { criteria },
      members: [a, b, c],
      applications: [app],
    } = await setUpEvaluation(t, officer(), { applications: 1, call: { quorum: 2 } });
    await declareAndScore(t, a.token, app.id, criteria, 60);
    await declareAndScore(t, b.token, app.id, criteria, 80);
    await closeEvaluation(t, officer(), call.callId).expect(200);

    const refused = expectProblem(await seat(call.callId, [a, b], a, 'Oprava složení komise'), 409, 'COMMISSION_FROZEN');
    expect(refused.detail).toMatch(/evaluation .*closed/i);
    const current = await t.http.get(`${API}/calls/${call.callId}/commission`).auth(officer(), { type: 'bearer' }).expect(200);
    expect(memberIdsOf(current)).toEqual(ids(a, b, c));
    // The closed ranking keeps its scores.
    expect(rowsById(await ranking(t, officer(), call.callId)).get(app.id)).toMatchObject({ scorers: 2, averageScore: 70 });
  });

  it("a removed member's sheets stay in the record: shown to officers and members, flagged and out of the average and the ranking; seated again, they count again", async () => {
    const {
      call,
      terms: { criteria },
      members: [a, b, c],
      applications: [app],
    } = await setUpEvaluation(t, officer(), { applications: 1, call: { quorum: 2 } });
    await declareAndScore(t, a.token, app.id, criteria, 60);
    await declareAndScore(t, b.token, app.id, criteria, 70);
    await declareAndScore(t, c.token, app.id, criteria, 100);
    expect((await readScores(t, officer(), app.id).expect(200)).body).toMatchObject({ scorers: 3, averageScore: 76.67 });

    await seat(call.callId, [a, b], a, 'Člen komise odvolán usnesením Rady').expect(200);

    for (const reader of [officer(), a.token]) {
      const scores = (await readScores(t, reader, app.id).expect(200)).body as {
        scorers: number;
        averageScore: number;
        spread: number;
        sheets: { memberId: string; totalPoints: number; memberRemoved: boolean }[];
      };
      expect(scores).toMatchObject({ scorers: 2, averageScore: 65, spread: 10 });
      const byMember = new Map(scores.sheets.map((s) => [s.memberId, s]));
      expect(byMember.get(c.id)).toMatchObject({ totalPoints: 100, memberRemoved: true });
      expect(byMember.get(a.id)).toMatchObject({ totalPoints: 60, memberRemoved: false });
      expect(byMember.get(b.id)).toMatchObject({ totalPoints: 70, memberRemoved: false });
    }
    // The removed member no longer sees the application; the ranking counts the sitting members' sheets.
    expect((await readScores(t, c.token, app.id)).status).toBe(404);
    expect(rowsById(await ranking(t, officer(), call.callId)).get(app.id)).toMatchObject({ scorers: 2, averageScore: 65 });

    await seat(call.callId, [a, b, c], a, 'Odvolání zrušeno').expect(200);
    expect((await readScores(t, officer(), app.id).expect(200)).body).toMatchObject({ scorers: 3, averageScore: 76.67 });
    expect(rowsById(await ranking(t, officer(), call.callId)).get(app.id)).toMatchObject({ scorers: 3, averageScore: 76.67 });
  });
});
