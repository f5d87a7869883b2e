import { expect, expectAccessible, expectNoMissingMessages, screenshot, signIn, test, DEMO } from './support/fixtures';

test.describe('portal shell', () => {
  test('unknown paths show the portal not-found page, never shadowing the API', async ({ page, request }) => {
    await page.goto('/no-such-page/at-all');
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stránka nenalezena');
    await expectAccessible(page, 'not found');
    const api = await request.get('/api/v1/no-such-route');
    expect(api.status()).toBe(404);
    expect(api.headers()['content-type']).toContain('application/problem+json');
  });

  test('sign-in page in three languages, accessible, and a wrong password answered in place', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přihlášení');
    await expectAccessible(page, 'login');
    await page.getByLabel('E-mail').fill(DEMO.ngo1);
    await page.getByLabel('Heslo').first().fill('wrong-password-123');
    await page.getByRole('button', { name: 'Přihlásit se' }).click();
    await expect(page.getByRole('alert')).toContainText('Nesprávný e-mail nebo heslo.');
    await expect(page.getByLabel('E-mail')).toHaveValue(DEMO.ngo1);
    for (const [language, heading] of [
      ['en', 'Sign in'],
      ['uk', 'Вхід'],
    ] as const) {
      await page.getByLabel(/Jazyk|Language|Мова/).selectOption(language);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
    }
    await expectNoMissingMessages(page);
    await screenshot(page, 'login-uk');
  });

  test('the session lives in an httpOnly cookie, not in JavaScript storage', async ({ page, context }) => {
    await signIn(page, DEMO.officer);
    const cookie = (await context.cookies()).find((c) => c.name === 'pg_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // Runs in the page: globalThis is its window.
    const stored = await page.evaluate(() => {
      const w = globalThis as unknown as { localStorage: object; sessionStorage: object };
      return JSON.stringify({ ...w.localStorage }) + JSON.stringify({ ...w.sessionStorage });
    });
    expect(stored).not.toContain(cookie!.value);
    await page.getByRole('button', { name: 'Odhlásit se' }).click();
    await expect(page.getByRole('link', { name: 'Přihlásit se' })).toBeVisible();
    expect((await context.cookies()).find((c) => c.name === 'pg_session')).toBeUndefined();
  });
});
