import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The supported runtime: the production image on Node 24 LTS (Node 20 is past
 * its end of life), CI on Node 24 too, no install-time analytics, and one
 * copy of each bull-board package (two copies of @bull-board/api had to be
 * hidden behind a type cast).
 */
const ROOT = resolve(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const packageJson = JSON.parse(read('package.json')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  scarfSettings?: { enabled?: boolean };
};

describe('the production image', () => {
  const dockerfile = read('Dockerfile');

  it('is built on Node 24 LTS (slim), every stage', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-bookworm-slim$/m);
    const stages = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(stages).toEqual(['${NODE_IMAGE}', 'deps', '${NODE_IMAGE}']);
  });

  it('installs without analytics: each stage that runs npm ci opts out of @scarf/scarf (swagger-ui-dist)', () => {
    const stages = dockerfile.split(/^FROM /m).slice(1);
    const installing = stages.filter((stage) => /RUN npm ci/.test(stage));
    expect(installing).toHaveLength(2);
    for (const stage of installing) expect(stage).toMatch(/SCARF_ANALYTICS=false/);
    expect(packageJson.scarfSettings).toEqual({ enabled: false });
  });

  it('the opt-outs are the ones the installed @scarf/scarf reads', () => {
    const swaggerUiDist = dirname(createRequire(join(ROOT, 'package.json')).resolve('swagger-ui-dist/package.json'));
    const scarf = readFileSync(createRequire(join(swaggerUiDist, 'package.json')).resolve('@scarf/scarf/report.js'), 'utf8');
    expect(scarf).toContain("process.env.SCARF_ANALYTICS === 'false'");
    expect(scarf).toContain('rootPackage.scarfSettings.enabled === false');
  });
});

describe('Node for local use and CI', () => {
  it('engines still allows Node 20.19+ locally', () => {
    expect(packageJson.engines.node).toBe('>=20.19');
  });

  it('.ci/run puts Node 24 first before anything runs on Node (npm ci, lint, tests)', () => {
    const ci = read('.ci/run');
    const ensure = ci.indexOf('ensure_node_major 24');
    expect(ensure).toBeGreaterThan(0);
    for (const step of ['npm ci', 'npm run lint', 'npm test']) expect(ci.indexOf(step, ensure)).toBeGreaterThan(ensure);
  });

  it('ensure_node_major leaves a new enough Node alone, and refuses to go on when it cannot put one first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'node-major-'));
    try {
      const bin = join(dir, 'bin');
      mkdirSync(bin);
      const fake = (version: string) => {
        writeFileSync(join(bin, 'node'), `#!/bin/sh\necho ${version}\n`);
        chmodSync(join(bin, 'node'), 0o755);
      };
      const run = (script: string) =>
        spawnSync('bash', ['-c', `set -euo pipefail; source scripts/lib/common.sh; ${script}`], {
          cwd: ROOT,
          encoding: 'utf8',
          env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, PRAGUE_GRANTS_NODE_CACHE: join(dir, 'cache') },
        });
      fake('v24.1.0');
      expect(run('ensure_node_major 24; node --version')).toMatchObject({ status: 0, stdout: expect.stringContaining('v24.1.0') });
      fake('v26.0.0');
      expect(run('ensure_node_major 24').status).toBe(0);
      // Older, and no npm on this PATH to fetch Node 24: it stops, naming why.
      fake('v20.19.0');
      const older = run('have() { [[ $1 != npm ]] && command -v "$1" >/dev/null; }; ensure_node_major 24');
      expect(older.status).not.toBe(0);
      expect(older.stderr).toMatch(/Node.js 24 is needed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bull-board', () => {
  /** Node's own resolution (not jest's), from a package's folder, as the package's code resolves it. */
  const resolveFrom = (dir: string, request: string) => createRequire(join(dir, 'package.json')).resolve(request);

  it('the API, the Express adapter and the Nest module are pinned to one version', () => {
    const pinned = ['@bull-board/api', '@bull-board/express', '@bull-board/nestjs'].map((name) => packageJson.dependencies[name]);
    expect(new Set(pinned).size).toBe(1);
    expect(pinned[0]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('one copy of @bull-board/api is installed: the adapter uses the one the Nest module uses', () => {
    const expressDir = dirname(resolveFrom(ROOT, '@bull-board/express/package.json'));
    const nestDir = dirname(resolveFrom(ROOT, '@bull-board/nestjs/package.json'));
    // @bull-board/api exports no package.json: its folder is the one holding its entry point.
    const apiFolder = (from: string) => {
      const entry = resolveFrom(from, '@bull-board/api');
      return entry.slice(0, entry.lastIndexOf('/node_modules/@bull-board/api/') + '/node_modules/@bull-board/api'.length);
    };
    expect(apiFolder(expressDir)).toBe(apiFolder(nestDir));
    expect((JSON.parse(readFileSync(join(apiFolder(expressDir), 'package.json'), 'utf8')) as { version: string }).version).toBe(packageJson.dependencies['@bull-board/api']);
  });
});
