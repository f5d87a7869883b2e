import { createTestApp, type TestApp } from '../support/test-app';
import { applicationBody, createCast, openCall, type Cast } from '../support/factories';

describe('applicant journey (smoke)', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  it('registers, drafts, submits, withdraws', async () => {
    const call = await openCall(t, cast.officer.token);
    const draft = await t.http.post('/api/v1/applications').auth(cast.applicant.token, { type: 'bearer' }).send(applicationBody(call));
    expect(draft.status).toBe(201);
    expect(draft.body.requestedCzk).toBe(175_000);
    const submit = await t.http.post(`/api/v1/applications/${draft.body.id}/submit`).auth(cast.applicant.token, { type: 'bearer' });
    expect(submit.status).toBe(200);
    expect(submit.body.referenceNumber).toBe(`${call.programmeCode}-${call.year}-0001`);
  });
});
