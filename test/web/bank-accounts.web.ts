import type { Page } from '@playwright/test';
import { apiAs, expect, expectAccessible, expectNoMissingMessages, screenshot, signIn, test, DEMO } from './support/fixtures';

/*
 * The registered bank account changes only with two people (issue 12, item 4):
 * the organisation's user asks on its organisation page, an officer confirms
 * on the list of requests, and only then is the new account registered.
 *
 * Demo records changed here: ngo3's registered account (2701000133/2010 →
 * 2701000141/2010, confirmed now: its past payments stay on the old account's
 * days), and one request of ngo3 rejected before.
 */

const NGO3 = 'ngo3@demo.praha.eu';
const OLD_ACCOUNT = '2701000133/2010';
const NEW_ACCOUNT = '2701000141/2010';
const REJECTED_ACCOUNT = '2701000125/2010';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test.describe('the organisation’s bank account: asked for by the organisation, confirmed by an officer', () => {
  test('ngo3 asks for a new account, the officer rejects one request and confirms the next, ngo3 sees it registered', async ({ page, request }) => {
    await signIn(page, NGO3);
    await page.getByRole('link', { name: 'Organizace a bankovní účet' }).click();
    await expect(heading(page)).toHaveText('Organizace a bankovní účet');
    await expect(page.getByTestId('registered-account')).toHaveText(OLD_ACCOUNT);
    await expectAccessible(page, 'organisation page');
    await expectNoMissingMessages(page);

    // A mistyped account: the live hint, then the API's answer at the field.
    const field = page.getByLabel('Nový bankovní účet');
    await field.fill('124/0800');
    await expect(page.getByText('Toto číslo účtu nemá platný kontrolní součet.')).toBeVisible();
    await page.getByRole('button', { name: 'Odeslat žádost o změnu' }).click();
    await expect(page.getByRole('alert')).toContainText('Číslo účtu není platné.');
    await expectAccessible(page, 'organisation page with a refused account');

    // A request the officer rejects (set up through the API: the journey is the next one).
    const ngo3 = await apiAs(request, NGO3);
    const me = await ngo3.get<{ organisationId: string }>('/me');
    const first = await ngo3.send<{ id: string }>('POST', `/organisations/${me.organisationId}/bank-account-requests`, { bankAccount: REJECTED_ACCOUNT });
    const officerApi = await apiAs(request, DEMO.officer);
    await officerApi.send('POST', `/bank-account-requests/${first.id}/rejection`, { reason: 'Účet nepatří organizaci.' });

    await page.reload();
    await field.fill(NEW_ACCOUNT);
    await page.getByRole('button', { name: 'Odeslat žádost o změnu' }).click();
    await expect(page.getByTestId('pending-request')).toContainText(NEW_ACCOUNT);
    const rows = page.getByTestId('bank-account-requests').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('čeká na potvrzení');
    await expect(rows.nth(1)).toContainText('zamítnuto');
    await expect(rows.nth(1)).toContainText('Účet nepatří organizaci.');
    // Nothing changes until an officer confirms.
    await expect(page.getByTestId('registered-account')).toHaveText(OLD_ACCOUNT);
    await screenshot(page, 'applicant-bank-account-request');

    // The same page in Ukrainian has every message.
    await page.getByLabel('Jazyk').selectOption('uk');
    await expect(heading(page)).toHaveText('Організація та банківський рахунок');
    await expectNoMissingMessages(page);
    await page.getByLabel(/^(Jazyk|Language|Мова)$/).selectOption('cs');
    await page.getByRole('button', { name: 'Odhlásit se' }).click();

    await signIn(page, DEMO.officer);
    await page.getByRole('link', { name: 'Změny bankovních účtů organizací' }).click();
    await expect(heading(page)).toHaveText('Změny bankovních účtů');
    const panel = page.getByTestId('bank-account-request').filter({ hasText: NEW_ACCOUNT });
    await expect(panel).toContainText(OLD_ACCOUNT);
    await expect(panel).toContainText('Lucie Horáková');
    await expectAccessible(page, 'bank account requests');
    await expectNoMissingMessages(page);
    await screenshot(page, 'officer-bank-account-requests');
    await panel.getByRole('button', { name: 'Potvrdit změnu účtu' }).click();
    await expect(page.getByTestId('bank-account-done')).toContainText(NEW_ACCOUNT);
    await expect(page.getByTestId('bank-account-request').filter({ hasText: NEW_ACCOUNT })).toHaveCount(0);
    await page.getByRole('button', { name: 'Odhlásit se' }).click();

    await signIn(page, NGO3);
    await page.goto('/applicant/organisation');
    await expect(page.getByTestId('registered-account')).toHaveText(NEW_ACCOUNT);
    await expect(page.getByTestId('bank-account-requests').locator('tbody tr').nth(0)).toContainText('potvrzeno');
    await expect(page.getByLabel('Nový bankovní účet')).toBeVisible();
  });
});
