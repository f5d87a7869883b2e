import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { API, expectProblem } from '../support/http';

/**
 * The API serves the portal's production build (WEB_ROOT): index.html for the
 * portal's pages, the hashed assets for a year, the icons for a day, and never
 * in the way of the API, the health probes, the docs or the queue dashboard.
 */

const INDEX = '<!doctype html><html lang="cs"><head><script type="module" src="/assets/index-BxYz12_a.js"></script></head><body><div id="portal"></div></body></html>';
const SCRIPT = 'console.log("portal");';
const STYLE = 'body{margin:0}';
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function buildPortal(root: string): void {
  mkdirSync(join(root, 'assets', 'icons', 'components'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'index-BxYz12_a.js'), SCRIPT);
  writeFileSync(join(root, 'assets', 'index-Qw3-rT9z.css'), STYLE);
  writeFileSync(join(root, 'assets', 'icons', 'components', 'arrow-right.svg'), ICON);
  writeFileSync(join(root, 'assets', 'notes.txt'), 'not from the build');
}

function expectIndex(res: Response): void {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.headers['cache-control']).toBe('no-cache');
  expect(res.text).toBe(INDEX);
}

function directivesOf(res: Response): Map<string, string> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

describe('the web portal served by the API', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'prague-grants-web-'));
    buildPortal(root);
    t = await createTestApp({ config: { WEB_ROOT: root } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  describe('index.html and the history fallback', () => {
    it.each(['/', '/applications', '/applications/7d0e9f3c-2c51-4b8e-9a47-1f0d7f2c1a10', '/officer/letters', '/apiary', '/healthy', '/administration'])(
      'GET %s that accepts HTML: index.html, revalidated on every load',
      async (path) => {
        expectIndex(await t.http.get(path).set('Accept', HTML));
      },
    );

    it('HEAD / answers the headers of index.html; a matching ETag is 304', async () => {
      const head = await t.http.head('/').set('Accept', HTML);
      expect(head.status).toBe(200);
      expect(head.headers['cache-control']).toBe('no-cache');
      const first = await t.http.get('/').set('Accept', HTML);
      expect(first.headers.etag).toBeDefined();
      const again = await t.http.get('/').set('Accept', HTML).set('If-None-Match', first.headers.etag);
      expect(again.status).toBe(304);
    });

    it('a request that does not accept HTML, or is not GET/HEAD, is a 404 problem, not the page', async () => {
      expectProblem(await t.http.get('/applications').set('Accept', 'application/json'), 404, 'NOT_FOUND');
      expectProblem(await t.http.post('/applications').set('Accept', HTML).send({}), 404, 'NOT_FOUND');
    });

    it('a missing file outside /assets (a dot in the last segment) is a 404 problem', async () => {
      expectProblem(await t.http.get('/favicon.ico').set('Accept', HTML), 404, 'NOT_FOUND');
      expectProblem(await t.http.get('/robots.txt').set('Accept', HTML), 404, 'NOT_FOUND');
    });

    it('carries the Content-Security-Policy the portal runs under', async () => {
      const res = await t.http.get('/').set('Accept', HTML);
      const csp = directivesOf(res);
      expect(Object.fromEntries(csp)).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'style-src': "'self' 'unsafe-inline'",
        'img-src': "'self' data:",
        'font-src': "'self' data:",
        'connect-src': "'self'",
        'frame-ancestors': "'none'",
        'object-src': "'none'",
      });
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-request-id']).toBeDefined();
    });
  });

  describe('/assets', () => {
    it('a hashed script and stylesheet: a year, immutable', async () => {
      const script = await t.http.get('/assets/index-BxYz12_a.js');
      expect(script.status).toBe(200);
      expect(script.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(script.text).toBe(SCRIPT);
      const style = await t.http.get('/assets/index-Qw3-rT9z.css');
      expect(style.status).toBe(200);
      expect(style.headers['content-type']).toMatch(/^text\/css/);
      expect(style.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });

    it('the design system’s icons: a day', async () => {
      const icon = await t.http.get('/assets/icons/components/arrow-right.svg');
      expect(icon.status).toBe(200);
      expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(icon.headers['cache-control']).toBe('public, max-age=86400');
      expect(icon.body.toString()).toBe(ICON);
    });

    it('a file without a hash in its name is revalidated', async () => {
      const res = await t.http.get('/assets/notes.txt');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    });

    it.each(['/assets/index-ZZZZZZZZ.js', '/assets/icons/components/missing.svg', '/assets/', '/assets', '/assets/icons', '/assets/%2e%2e/index.html', '/assets/..%2Findex.html'])(
      '%s (missing, a folder, or outside assets/) is a plain 404, never index.html',
      async (path) => {
        const res = await t.http.get(path).set('Accept', HTML);
        expectProblem(res, 404, 'NOT_FOUND');
        expect(res.text).not.toContain('<div id="portal">');
      },
    );
  });

  describe('never in the way of the API', () => {
    it('an unknown /api path is the JSON 404 problem, also for a browser', async () => {
      for (const path of [`${API}/no-such-thing`, '/api', '/api/v2/calls', '/api/unknown/page']) {
        const res = await t.http.get(path).set('Accept', HTML);
        expectProblem(res, 404, 'NOT_FOUND');
      }
    });

    it('API routes answer as before, whatever the Accept header (Express paths are case-insensitive, so is the exclusion)', async () => {
      for (const path of [`${API}/calls`, '/API/V1/calls']) {
        const res = await t.http.get(path).set('Accept', HTML);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.body).toMatchObject({ items: expect.any(Array) });
      }
      expectProblem(await t.http.get(`${API}/me`).set('Accept', HTML), 401, 'UNAUTHENTICATED');
    });

    it('/health/live and /health/ready', async () => {
      const live = await t.http.get('/health/live').set('Accept', HTML);
      expect(live.status).toBe(200);
      expect(live.body.status).toBe('ok');
      expect((await t.http.get('/health/ready').set('Accept', HTML)).status).toBe(200);
      expectProblem(await t.http.get('/health/nothing').set('Accept', HTML), 404, 'NOT_FOUND');
    });

    it('/admin/queues keeps its own authentication; other /admin paths are 404', async () => {
      expectProblem(await t.http.get('/admin/queues').set('Accept', HTML), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http.get('/admin/other').set('Accept', HTML), 404, 'NOT_FOUND');
    });

    it('/api/docs-json and Swagger UI at /api/docs, whose scripts load under the policy (same origin, none inline)', async () => {
      const doc = await t.http.get('/api/docs-json').set('Accept', HTML);
      expect(doc.status).toBe(200);
      expect(doc.body.openapi).toMatch(/^3\./);

      const ui = await t.http.get('/api/docs').set('Accept', HTML);
      expect(ui.status).toBe(200);
      expect(ui.headers['content-type']).toMatch(/^text\/html/);
      expect(ui.text).toContain('swagger');
      expect(directivesOf(ui).get('script-src')).toBe("'self'");
      const scripts = [...ui.text.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const attributes of scripts) {
        const src = /src=["']([^"']+)["']/.exec(attributes)?.[1];
        expect(src).toBeDefined();
        expect(src).not.toMatch(/^(https?:)?\/\//);
        const script = await t.http.get(new URL(src!, 'http://self/api/docs/').pathname);
        expect(script.status).toBe(200);
        expect(script.headers['content-type']).toMatch(/javascript/);
      }
      const styles = [...ui.text.matchAll(/<link\b[^>]*href=["']([^"']+)["']/g)].map((m) => m[1]);
      for (const href of styles) expect(href).not.toMatch(/^(https?:)?\/\//);
    });
  });
});

describe('the API without a portal build (API-only use)', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'prague-grants-no-web-'));
    t = await createTestApp({ config: { WEB_ROOT: join(root, 'missing') } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('starts, and GET / is a 404 problem', async () => {
    expectProblem(await t.http.get('/').set('Accept', HTML), 404, 'NOT_FOUND');
    expectProblem(await t.http.get('/applications').set('Accept', HTML), 404, 'NOT_FOUND');
    expectProblem(await t.http.get('/assets/index-BxYz12_a.js'), 404, 'NOT_FOUND');
    expect((await t.http.get('/health/live')).status).toBe(200);
    expect((await t.http.get(`${API}/calls`)).status).toBe(200);
  });

  it('a build that appears later is served without a restart', async () => {
    const later = join(root, 'missing');
    buildPortal(later);
    expectIndex(await t.http.get('/').set('Accept', HTML));
    rmSync(join(later, 'index.html'));
    expectProblem(await t.http.get('/').set('Accept', HTML), 404, 'NOT_FOUND');
  });
});
