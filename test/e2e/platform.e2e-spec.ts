import { createTestApp, type TestApp } from '../support/test-app';
import { API, expectProblem } from '../support/http';

describe('platform: health, OpenAPI, request ids, problem details', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('health: live and ready (PostgreSQL and Redis reachable)', async () => {
    expect((await t.http.get('/health/live')).status).toBe(200);
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('a page number past any list is a 400, not a database error (?page=1e300)', async () => {
    for (const query of ['page=1e300', 'page=100001', 'pageSize=201', 'page=0', 'page=1.5']) {
      const problem = expectProblem(await t.http.get(`${API}/calls?${query}`), 400, 'VALIDATION_FAILED');
      expect(problem.errors.map((e) => e.field)).toEqual([query.split('=')[0]]);
    }
    expect((await t.http.get(`${API}/calls?page=100000`)).status).toBe(200);
  });

  it('serves the OpenAPI 3 document and Swagger UI, generated from the code', async () => {
    const doc = await t.http.get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/applications/{id}/submit', '/api/v1/auth/login', '/health/ready']));
    expect(doc.body.paths['/api/v1/applications/{id}/submit'].post.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    expect(doc.body.paths['/api/v1/calls'].get.security).toEqual([]);
    const ui = await t.http.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('every answer carries an X-Request-Id; a well-formed one from the caller is kept', async () => {
    const generated = await t.http.get(`${API}/calls`);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.http.get(`${API}/me`).set('X-Request-Id', 'trace-abc.123');
    expect(kept.headers['x-request-id']).toBe('trace-abc.123');
    expect(kept.body.requestId).toBe('trace-abc.123');
    const replaced = await t.http.get(`${API}/calls`).set('X-Request-Id', 'bad id with spaces');
    expect(replaced.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('unknown routes and malformed JSON are problem details too, without internals', async () => {
    expectProblem(await t.http.get(`${API}/no-such-thing`), 404, 'NOT_FOUND');
    const malformed = await t.http.post(`${API}/auth/login`).set('Content-Type', 'application/json').send('{"email": ');
    const problem = expectProblem(malformed, 400, 'VALIDATION_FAILED');
    expect(problem.errors).toEqual([{ field: 'body', message: 'The request body is not valid JSON.' }]);
    expect(malformed.headers['x-request-id']).toBeDefined();
    expect(JSON.stringify(malformed.body)).not.toMatch(/at \w+ \(|node_modules|SyntaxError/);
  });

  it('the policy: 5 priorities, 13 sub-areas, 34 sub-aims, 75 measures, with codes like 21.III', async () => {
    const res = await t.http.get(`${API}/policy/measures`);
    expect(res.status).toBe(200);
    expect(res.body.priorities).toHaveLength(5);
    expect(res.body.priorities.flatMap((p: { subAreas: unknown[] }) => p.subAreas)).toHaveLength(13);
    expect(res.body.subAims).toHaveLength(34);
    expect(res.body.measures).toHaveLength(75);
    expect(res.body.measures).toContainEqual(expect.objectContaining({ code: '21.III', priority: 4, subArea: 'A', subAim: 21 }));
    expect(res.body.measures[0].code).toBe('1.I');
  });
});
