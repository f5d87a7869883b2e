import { defineConfig } from '@playwright/test';

/**
 * The portal's browser tests: headless Chromium from Debian's `chromium` package
 * (Playwright's own browser downloads cannot be reached here) against the real API,
 * worker, PostgreSQL and Redis started by scripts/web-test-server.sh with the demo data.
 * Run with `npm test -- web` (or `npx playwright test -c test/web`).
 */
const port = Number(process.env.WEB_TEST_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.web.ts',
  outputDir: '../../test-results/web',
  // One shared system with one set of demo data; the journeys change it in turn.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT ?? '../../test-results/web/results.json' }]],
  use: {
    baseURL,
    locale: 'cs-CZ',
    timezoneId: 'Europe/Prague',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  webServer: {
    command: 'bash scripts/web-test-server.sh',
    cwd: '../..',
    url: `${baseURL}/health/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
