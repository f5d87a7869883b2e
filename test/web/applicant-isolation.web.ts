import type { APIRequestContext } from '@playwright/test';
import { DEMO_STAGES } from '../../apps/api/src/demo/demo-data';
import { apiAs, expect, expectAccessible, expectNoMissingMessages, signIn, test, DEMO, DEMO_PASSWORD } from './support/fixtures';

/*
 * An applicant sees only their own organisation's applications: another's, opened
 * by its address, is "not found" (as the API answers 404, never 403, so its existence
 * is not given away), and the staff areas are refused. Nothing is changed here.
 */

async function idOf(request: APIRequestContext, login: string, title: string): Promise<string> {
  const list = await (await apiAs(request, login)).get<{ items: { id: string; title: string }[] }>('/applications?pageSize=200');
  const found = list.items.find((a) => a.title === title);
  expect(found, `${login} has "${title}"`).toBeDefined();
  return found!.id;
}

test.describe('applicant isolation', () => {
  test('another organisation’s application and its settlement are not found; its own is shown', async ({ page, request }) => {
    const others = DEMO_STAGES.decided.applications.secondInstalment;
    const own = DEMO_STAGES.decided.applications.closed;
    expect(own.login).not.toBe(others.login);
    const othersId = await idOf(request, others.login, others.title);
    const ownId = await idOf(request, own.login, own.title);

    await signIn(page, own.login);
    await page.goto(`/applicant/applications/${ownId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(own.title);

    for (const path of [`/applicant/applications/${othersId}`, `/applicant/applications/${othersId}/settlement`]) {
      await page.goto(path);
      await expect(page.getByTestId('not-found')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stránka nenalezena');
      await expect(page.getByText(others.title)).toHaveCount(0);
      await expectAccessible(page, `not found: ${path}`);
    }

    // An address that cannot be an application at all reads the same.
    await page.goto('/applicant/applications/not-an-application');
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expectNoMissingMessages(page);
  });

  test('the API itself answers 404 for another organisation’s application, letters and ledger', async ({ request }) => {
    const others = DEMO_STAGES.decided.applications.settlementForReview;
    const othersId = await idOf(request, others.login, others.title);
    const login = await request.post('/api/v1/auth/login', { data: { email: DEMO.ngo1, password: DEMO_PASSWORD } });
    const { accessToken } = (await login.json()) as { accessToken: string };
    for (const path of [`/applications/${othersId}`, `/applications/${othersId}/letters`, `/applications/${othersId}/ledger`]) {
      const answer = await request.get(`/api/v1${path}`, { headers: { Authorization: `Bearer ${accessToken}` } });
      expect(answer.status(), path).toBe(404);
    }
  });

  test('staff areas are refused to an applicant', async ({ page }) => {
    await signIn(page, DEMO.ngo1);
    for (const path of ['/officer', '/budget', '/commission', '/administration']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přístup odepřen');
      await expect(page.getByTestId('not-found')).toHaveCount(0);
    }
    await expectAccessible(page, 'access denied');
    await expectNoMissingMessages(page);
  });
});
