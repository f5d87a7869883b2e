import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Valid IČOs for organisations the tests register (the identity domain's own generator). */
export { generateValidIco } from '../../../libs/identity/src/domain/ico';

export const DEMO_PASSWORD = 'prague-demo-2027';
export const SCREENSHOTS = join(__dirname, '../../../test-results/web/screenshots');

export const DEMO = {
  admin: 'admin@demo.praha.eu',
  officer: 'officer@demo.praha.eu',
  commission1: 'commission1@demo.praha.eu',
  commission2: 'commission2@demo.praha.eu',
  commission3: 'commission3@demo.praha.eu',
  budget: 'budget@demo.praha.eu',
  ngo1: 'ngo1@demo.praha.eu',
  ngo2: 'ngo2@demo.praha.eu',
  district: 'district@demo.praha.eu',
} as const;

/** Signs in through the portal's own form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^(E-mail|Електронна пошта)/).fill(email);
  await page.getByLabel(/^(Heslo|Password|Пароль)/).first().fill(password);
  await page.getByRole('button', { name: /^(Přihlásit se|Sign in|Увійти)$/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * axe-core against WCAG 2.1 A and AA (what Czech law requires of public-sector sites):
 * fails on any serious or critical violation, naming rule, impact and elements.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  expect(blocking, `accessibility of ${what}`).toEqual([]);
}

/** No message key was asked for that the catalogues lack (recorded by the portal's i18n set-up). */
export async function expectNoMissingMessages(page: Page): Promise<void> {
  const missing = await page.evaluate(() => (globalThis as unknown as { __missingMessageKeys?: string[] }).__missingMessageKeys ?? []);
  expect(missing, 'message keys missing from the catalogues').toEqual([]);
}

/** A full-page screenshot kept with the run (the best go to docs/screenshots/). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** An API session for set-up data (the journeys themselves go through the UI only). */
export async function apiAs(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const response = await request.post('/api/v1/auth/login', { data: { email, password } });
  expect(response.status(), `login of ${email}`).toBe(200);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return new ApiSession(request, accessToken);
}

export class ApiSession {
  constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  private headers(extra?: Record<string, string>): Record<string, string> {
    return { Authorization: `Bearer ${this.token}`, ...extra };
  }

  async get<T>(path: string): Promise<T> {
    const response = await this.request.get(`/api/v1${path}`, { headers: this.headers() });
    expect(response.ok(), `GET ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }

  async send<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, data: unknown, headers?: Record<string, string>): Promise<T> {
    const response = await this.request.fetch(`/api/v1${path}`, { method, data, headers: this.headers(headers) });
    expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json().catch(() => undefined)) as T;
  }
}

export const test = base;
export { expect };
