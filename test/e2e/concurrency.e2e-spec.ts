import { createTestApp, type TestApp } from '../support/test-app';
import { createCast, createDraft, openCall, registerApplicant, type Cast } from '../support/factories';
import { API } from '../support/http';

describe('concurrent submissions', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  it('20 concurrent submits of different applications to one call get 20 distinct, gapless reference numbers', async () => {
    const call = await openCall(t, cast.officer.token, { maxApplicationsPerOrganisation: 2 });
    const applicants = await Promise.all(Array.from({ length: 10 }, () => registerApplicant(t)));
    const drafts = await Promise.all(
      applicants.flatMap((a) => [createDraft(t, a.token, call), createDraft(t, a.token, call)].map(async (d) => ({ token: a.token, id: (await d).id }))),
    );
    expect(drafts).toHaveLength(20);

    const results = await Promise.all(drafts.map((d) => t.http.post(`${API}/applications/${d.id}/submit`).auth(d.token, { type: 'bearer' })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const numbers = results.map((r) => r.body.referenceNumber as string).sort();
    const expected = Array.from({ length: 20 }, (_, i) => `${call.programmeCode}-${call.year}-${String(i + 1).padStart(4, '0')}`);
    expect(numbers).toEqual(expected);
  });

  it('concurrent submits of one organisation never exceed its limit per call', async () => {
    const call = await openCall(t, cast.officer.token, { maxApplicationsPerOrganisation: 2 });
    const applicant = await registerApplicant(t);
    const drafts = await Promise.all(Array.from({ length: 6 }, () => createDraft(t, applicant.token, call)));
    const results = await Promise.all(drafts.map((d) => t.http.post(`${API}/applications/${d.id}/submit`).auth(applicant.token, { type: 'bearer' })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409 && r.body.code === 'TOO_MANY_APPLICATIONS')).toHaveLength(4);
  });

  it('ten identical submits sent at once with one Idempotency-Key run once, and all get the same answer', async () => {
    const call = await openCall(t, cast.officer.token);
    const applicant = await registerApplicant(t);
    const draft = await createDraft(t, applicant.token, call);
    const send = () => t.http.post(`${API}/applications/${draft.id}/submit`).auth(applicant.token, { type: 'bearer' }).set('Idempotency-Key', 'ten-at-once');
    const answers = await Promise.all(Array.from({ length: 10 }, send));
    // Duplicates wait for the first request and replay its answer.
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
    expect(answers.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    const [{ count }] = await t.dataSource.query("SELECT COUNT(*)::int AS count FROM audit_event WHERE action = 'application.submitted' AND entity_id = $1", [draft.id]);
    expect(count).toBe(1);
  });
});
