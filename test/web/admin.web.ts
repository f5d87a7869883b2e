import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { apiAs, expect, expectAccessible, expectNoMissingMessages, screenshot, signIn, test, DEMO } from './support/fixtures';

/*
 * Journey 6: the administrator — the users and their roles, a new commission
 * member (a taken e-mail refused with the form kept), and the organisation the
 * member belongs to, listed afterwards.
 *
 * Demo records changed here: none (the test creates its own user).
 */

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test.describe('journey 6: the administrator', () => {
  test('lists the users, creates a commission member, sets an organisation and sees it listed', async ({ page, request }) => {
    // The organisation of a demo applicant (ngo1) the new member works for.
    const me = await (await apiAs(request, DEMO.ngo1)).get<{ organisationId: string }>('/me');

    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/administration$/);
    await expect(heading(page)).toHaveText('Správa uživatelů');
    const users = page.getByTestId('users');
    await expect(users.locator(`tr[data-user="${DEMO.budget}"]`)).toContainText('rozpočtový odbor');
    await expectAccessible(page, 'users');
    await expectNoMissingMessages(page);

    await page.getByLabel('Role').selectOption('commission');
    await expect(page).toHaveURL(/role=commission/);
    await expect(users.locator(`tr[data-user="${DEMO.commission1}"]`)).toBeVisible();
    await expect(users.locator(`tr[data-user="${DEMO.budget}"]`)).toHaveCount(0);
    for (const role of await users.locator('tbody tr td:nth-child(3)').allInnerTexts()) expect(role).toBe('člen komise DOT');

    // A taken e-mail: refused, everything typed stays.
    await page.getByRole('link', { name: 'Nový uživatel' }).click();
    await expect(heading(page)).toHaveText('Nový uživatel');
    await expectAccessible(page, 'new user form');
    const fullName = `Komisař Testovací ${Date.now()}`;
    const password = 'dlouhé-heslo-pro-test-123';
    await page.getByLabel('E-mail').fill(DEMO.commission1);
    await page.getByLabel('Jméno a příjmení').fill(fullName);
    await page.getByLabel('Role').selectOption('commission');
    await page.getByLabel('Úvodní heslo').fill(password);
    await page.getByRole('button', { name: 'Založit uživatele' }).click();
    const problems = page.getByRole('alert');
    await expect(problems).toContainText('Tento e-mail je již použit pro jiný účet.');
    await expect(problems.getByRole('link', { name: 'E-mail' })).toBeVisible();
    await expect(page.locator('#field-email-error')).toBeVisible();
    await expect(page.getByLabel('E-mail')).toHaveValue(DEMO.commission1);
    await expect(page.getByLabel('Jméno a příjmení')).toHaveValue(fullName);
    await expect(page.getByLabel('Role')).toHaveValue('commission');
    await expect(page.getByLabel('Úvodní heslo')).toHaveValue(password);
    await expectAccessible(page, 'new user form refused');

    // A new address: created.
    const email = `komise-${Date.now()}@example.org`;
    await page.getByLabel('E-mail').fill(email);
    await page.getByRole('button', { name: 'Založit uživatele' }).click();
    await expect(page.getByTestId('user-created')).toContainText(email);
    await expect(page.getByTestId('user-created')).toBeFocused();

    // An organisation that does not exist is refused on its row; the real one is saved.
    const affiliations = page.getByTestId('affiliations-form');
    await affiliations.getByLabel('Organizace 1').fill(randomUUID());
    await affiliations.getByRole('button', { name: 'Uložit organizace' }).click();
    await expect(affiliations.getByRole('alert').getByRole('link', { name: 'Organizace 1' })).toBeVisible();
    await expect(affiliations.locator('#field-organisationIds-0-error')).toBeVisible();
    await affiliations.getByLabel('Organizace 1').fill(me.organisationId);
    await affiliations.getByRole('button', { name: 'Uložit organizace' }).click();
    await expect(affiliations.getByTestId('affiliations-saved')).toContainText('Počet organizací: 1');
    await expectAccessible(page, 'new user with an organisation');
    await expectNoMissingMessages(page);

    // Listed with its role and organisation.
    await page.getByRole('link', { name: 'Zpět na seznam uživatelů' }).click();
    await expect(page).toHaveURL(/\/administration\?role=commission$/);
    const row = users.locator(`tr[data-user="${email}"]`);
    await expect(row).toContainText(fullName);
    await expect(row).toContainText('člen komise DOT');
    await expect(row.getByTestId('affiliations')).toContainText(me.organisationId);
    const listed = await (await apiAs(request, DEMO.admin)).get<{ items: { email: string; role: string; affiliations: string[] }[] }>('/users?role=commission&pageSize=200');
    expect(listed.items.find((u) => u.email === email)).toMatchObject({ role: 'commission', affiliations: [me.organisationId] });

    // The organisations can be changed from the list too.
    await row.getByRole('button', { name: `Organizace uživatele ${fullName}` }).click();
    await expect(page.getByTestId('affiliations-form').getByLabel('Organizace 1')).toHaveValue(me.organisationId);
    await expectAccessible(page, 'users with the organisations panel');
    await expectNoMissingMessages(page);
    await screenshot(page, 'admin-users');
  });
});

test.describe('account lifecycle', () => {
  test('the admin disables and enables a user and issues a reset code; the user sets a new password with it, then changes it', async ({ page, request }) => {
    const email = `rozpocet-${Date.now()}@example.org`;
    const fullName = `Účetní Testovací ${Date.now()}`;
    await (await apiAs(request, DEMO.admin)).send('POST', '/users', { email, fullName, role: 'budget', password: 'uvodni-heslo-12345' });
    const loginAnswer = async (password: string) => (await request.post('/api/v1/auth/login', { data: { email, password } })).status();

    await signIn(page, DEMO.admin);
    await page.getByLabel('Role').selectOption('budget');
    const row = page.getByTestId('users').locator(`tr[data-user="${email}"]`);
    await expect(row.getByTestId('status')).toHaveText('aktivní');
    // No button disables the admin's own account.
    await expect(page.getByTestId('users').locator(`tr[data-user="${DEMO.admin}"]`)).toHaveCount(0);

    await row.getByRole('button', { name: `Zablokovat účet uživatele ${fullName}` }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('všechna jeho přihlášení skončí okamžitě');
    await expectAccessible(page, 'disable confirmation');
    await dialog.getByRole('button', { name: 'Zablokovat', exact: true }).click();
    await expect(page.getByTestId('account-notice')).toContainText(`Účet uživatele ${fullName} je zablokován`);
    await expect(row.getByTestId('status')).toHaveText('zablokovaný');
    expect(await loginAnswer('uvodni-heslo-12345')).toBe(403);

    await row.getByRole('button', { name: `Odblokovat účet uživatele ${fullName}` }).click();
    await expect(page.getByTestId('account-notice')).toContainText('je odblokován');
    await expect(row.getByTestId('status')).toHaveText('aktivní');
    expect(await loginAnswer('uvodni-heslo-12345')).toBe(200);

    await row.getByRole('button', { name: `Obnova hesla uživatele ${fullName}` }).click();
    await expect(page.getByTestId('account-notice')).toBeFocused();
    const code = (await page.getByTestId('reset-token').innerText()).trim();
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page, 'reset code issued');
    await expectNoMissingMessages(page);
    await screenshot(page, 'admin-reset-code');
    await page.getByRole('button', { name: 'Odhlásit se' }).click();

    // The user redeems the code from the sign-in page.
    await page.goto('/login');
    await page.getByRole('link', { name: 'Nastavit nové heslo' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nové heslo s kódem od správce');
    await page.getByLabel('Kód pro obnovu hesla').fill(code);
    await page.getByLabel('Nové heslo').first().fill('nove-heslo-po-obnove-1');
    await page.getByRole('button', { name: 'Nastavit nové heslo' }).click();
    await expect(page.getByTestId('password-reset-done')).toContainText('Nové heslo je nastaveno');
    await expectAccessible(page, 'password reset done');
    expect(await loginAnswer('uvodni-heslo-12345')).toBe(401);

    // Signed in, the user changes it: a wrong current password is answered at its field.
    await signIn(page, email, 'nove-heslo-po-obnove-1');
    await page.getByRole('link', { name: 'Změnit heslo' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Změna hesla');
    await page.getByLabel('Současné heslo').first().fill('tohle-neni-moje-heslo');
    await page.getByLabel('Nové heslo').first().fill('moje-vlastni-heslo-2027');
    await page.getByRole('button', { name: 'Změnit heslo' }).click();
    await expect(page.getByRole('alert')).toContainText('Současné heslo není správné.');
    await expect(page.locator('#field-currentPassword-error')).toBeVisible();
    await expectAccessible(page, 'change password refused');
    await page.getByLabel('Současné heslo').first().fill('nove-heslo-po-obnove-1');
    await page.getByRole('button', { name: 'Změnit heslo' }).click();
    await expect(page.getByTestId('password-changed')).toContainText('Heslo je změněno');
    // Still signed in here (the cookie was renewed).
    await page.getByRole('link', { name: 'Zpět na úvodní stránku' }).click();
    await expect(page).toHaveURL(/\/budget/);
    await expect(page.getByRole('button', { name: 'Odhlásit se' })).toBeVisible();
    expect(await loginAnswer('moje-vlastni-heslo-2027')).toBe(200);
    await expectNoMissingMessages(page);
  });
});
