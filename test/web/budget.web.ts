import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { DEMO_STAGES } from '../../apps/api/src/demo/demo-data';
import { apiAs, expect, expectAccessible, expectNoMissingMessages, screenshot, signIn, test, DEMO } from './support/fixtures';

/*
 * Journey 5: the Budget Department — a call's budget (table and chart), the
 * reconciliation with its anomalies, the disbursement register and its CSV, a
 * payment (double-clicked: recorded once), a return, the ledger check and the
 * audit-chain verification.
 *
 * Demo records changed here: KOM "awaitingPublication" (the district's contracted
 * grant: one payment of CZK 10,000) and KOM "overdueReturn" (ngo3: CZK 5,000 of
 * the overdue return received). The rest is only read.
 */

const decided = DEMO_STAGES.decided;

interface LedgerLine {
  id: string;
  type: string;
  amountCzk: number;
  reference: string;
}
interface Money {
  awardedCzk: number;
  paidCzk: number;
  returnedCzk: number;
  returnDueCzk: number;
}

/** Whole CZK as the Czech portal prints it ("250 000 Kč", no-break spaces). */
const czk = (amount: number) => new RegExp(`(^|\\D)${amount.toLocaleString('en-US').replace(/,/g, '\\s')}\\sKč`);
/** The amount in a printed figure ("1 000 000 Kč" → 1000000). */
const amountOf = (text: string) => Number(text.replace(/[^\d-]/g, ''));
const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function decidedCall(page: Page): Promise<string> {
  await page.goto('/budget');
  await page.getByRole('link', { name: decided.callTitle }).click();
  await expect(heading(page)).toHaveText(decided.callTitle);
  return page.url().split('/budget/calls/')[1];
}

async function applicationByTitle(request: Parameters<typeof apiAs>[0], callId: string, title: string): Promise<{ id: string; referenceNumber: string }> {
  const budget = await apiAs(request, DEMO.budget);
  const list = await budget.get<{ items: { id: string; title: string; referenceNumber: string }[] }>(`/applications?callId=${callId}&pageSize=200`);
  const found = list.items.find((a) => a.title === title);
  expect(found, `the decided call has "${title}"`).toBeDefined();
  return found!;
}

async function ledgerRows(ledger: Locator, type: string): Promise<number> {
  return ledger.locator(`tbody tr[data-type="${type}"]`).count();
}

test.describe('journey 5: the Budget Department', () => {
  test('a call’s budget per part as a table and a chart with the same figures', async ({ page, request }) => {
    await signIn(page, DEMO.budget);
    await expect(page).toHaveURL(/\/budget$/);
    await expect(heading(page)).toHaveText('Rozpočet a platby');
    await expectAccessible(page, 'budget home');
    await expectNoMissingMessages(page);

    const callId = await decidedCall(page);
    const table = page.getByTestId('budget-table');
    await expect(table.getByRole('columnheader', { name: 'Alokace' })).toBeVisible();
    const chart = page.getByRole('img', { name: 'Graf: rozpočet výzvy podle okruhů' });
    await expect(chart).toBeVisible();

    // Every figure of the chart is the table's, and both are the API's.
    const { parts } = await (await apiAs(request, DEMO.budget)).get<{ parts: ({ code: string } & Record<string, number>)[] }>(`/calls/${callId}/budget`);
    expect(parts.length).toBeGreaterThan(0);
    const measures = ['allocationCzk', 'proposedCzk', 'committedCzk', 'paidCzk', 'returnedCzk', 'availableCzk'];
    for (const part of parts) {
      for (const measure of measures) {
        const cell = await table.locator(`tr[data-part="${part.code}"] td[data-measure="${measure}"]`).innerText();
        const label = await chart.locator(`text[data-part="${part.code}"][data-measure="${measure}"]`).textContent();
        expect(amountOf(cell), `table ${part.code} ${measure}`).toBe(part[measure]);
        expect(amountOf(label ?? ''), `chart ${part.code} ${measure}`).toBe(part[measure]);
      }
    }
    expect(parts.some((p) => p.paidCzk > 0)).toBe(true);
    // The chart's description states the figures for screen readers.
    const description = await chart.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${description}"]`)).toContainText('Vyplaceno');
    // Its applications, with their money, link to their payments page.
    await expect(page.getByRole('row').filter({ hasText: decided.applications.closed.title })).toContainText(czk(decided.applications.closed.money.paidCzk));
    await expectAccessible(page, 'call budget with chart');
    await expectNoMissingMessages(page);
    await screenshot(page, 'budget-call');
  });

  test('the reconciliation lists the overdue return, linking to its application', async ({ page }) => {
    await signIn(page, DEMO.budget);
    await decidedCall(page);
    await page.getByRole('navigation', { name: 'Pohledy na výzvu' }).getByRole('link', { name: 'Odsouhlasení' }).click();
    await expect(heading(page)).toHaveText(`Odsouhlasení: ${decided.callTitle}`);
    await expect(page.getByTestId('reconciliation-parts').getByRole('row')).not.toHaveCount(0);
    const overdue = page.getByTestId('reconciliation-anomalies').getByRole('row').filter({ hasText: 'Vratka po lhůtě' });
    await expect(overdue).toHaveCount(1);
    await expectAccessible(page, 'reconciliation');
    await expectNoMissingMessages(page);

    await overdue.getByRole('link').click();
    await expect(page).toHaveURL(/\/budget\/applications\/[0-9a-f-]{36}$/);
    await expect(page.getByText(decided.applications.overdueReturn.title, { exact: true })).toBeVisible();
    await expect(page.getByTestId('settlement-review')).toContainText('Vrátit do');
    await expectAccessible(page, 'application money (overdue return)');
  });

  test('the disbursement register shows the demo payments and downloads as CSV', async ({ page }) => {
    await signIn(page, DEMO.budget);
    await decidedCall(page);
    await page.getByRole('link', { name: 'Evidence plateb' }).click();
    await expect(heading(page)).toHaveText(`Evidence plateb: ${decided.callTitle}`);
    const closed = decided.applications.closed;
    const payment = page.getByTestId('disbursements').getByRole('row').filter({ hasText: closed.organisation }).filter({ hasText: 'platba příjemci' });
    await expect(payment.first().locator('td.number')).toContainText(czk(closed.money.paidCzk));
    await expectAccessible(page, 'disbursement register');
    await expectNoMissingMessages(page);

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Stáhnout CSV' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^disbursements-KOM-\d{4}-[0-9a-f]{8}\.csv$/);
    const lines = readFileSync(await file.path(), 'utf8').replace(/^\ufeff/, '').split(/\r?\n/);
    expect(lines[0]).toBe('date,type,applicationId,referenceNumber,organisationName,ico,bankAccount,amountCzk,contractNumber,reference');
    const ico = '99001012';
    expect(lines.some((line) => line.includes(',payment,') && line.includes(ico) && line.includes(`,${closed.money.paidCzk},`))).toBe(true);
    await expect(page.getByTestId('csv-done')).toContainText('je stažen');
  });

  test('a double-clicked payment is recorded once; a payment above the award is refused next to the amount', async ({ page, request }) => {
    const grant = decided.applications.awaitingPublication;
    await signIn(page, DEMO.budget);
    const callId = await decidedCall(page);
    const { id, referenceNumber } = await applicationByTitle(request, callId, grant.title);
    const budget = await apiAs(request, DEMO.budget);
    const before = await budget.get<{ money: Money }>(`/applications/${id}`);
    const paymentsBefore = (await budget.get<LedgerLine[]>(`/applications/${id}/ledger`)).filter((l) => l.type === 'payment').length;

    await page.getByLabel('Stav žádosti').selectOption('contracted');
    await page.getByRole('row').filter({ hasText: grant.title }).getByRole('link', { name: referenceNumber }).click();
    await expect(heading(page)).toHaveText(`Peníze žádosti ${referenceNumber}`);
    await expect(page.getByTestId('contract')).toContainText('Číslo smlouvy');
    const form = page.getByTestId('payment-form');
    const ledger = page.getByTestId('ledger');
    await expect(ledger).toBeVisible();
    expect(await ledgerRows(ledger, 'payment')).toBe(paymentsBefore);
    await expectAccessible(page, 'application money');

    // Above the award: the API refuses, the amount says why, the form keeps what was typed.
    const reference = `VS ${Date.now()}`;
    const tooMuch = before.money.awardedCzk + 1;
    await form.getByLabel('Částka (Kč)').fill(String(tooMuch));
    await form.getByLabel('Variabilní symbol / reference platby').fill(reference);
    await form.getByRole('button', { name: 'Zaevidovat platbu' }).click();
    const problems = form.getByRole('alert');
    await expect(problems).toContainText('Platby by překročily přiznanou dotaci.');
    await expect(problems.getByRole('link', { name: 'Částka (Kč)' })).toBeVisible();
    await expect(form.locator('#field-payment-amountCzk-error')).toContainText('Platby by překročily přiznanou dotaci.');
    await expect(form.getByLabel('Částka (Kč)')).toHaveValue(String(tooMuch));
    await expect(form.getByLabel('Variabilní symbol / reference platby')).toHaveValue(reference);
    await expectAccessible(page, 'payment refused');

    // A double click: one form, one Idempotency-Key, one payment.
    await form.getByLabel('Částka (Kč)').fill('10000');
    await form.getByRole('button', { name: 'Zaevidovat platbu' }).dblclick();
    await expect(page.getByTestId('payment-recorded')).toContainText(reference);
    await expect(page.getByTestId('money-summary').locator('[data-money="paid"]')).toContainText(czk(before.money.paidCzk + 10_000));
    await expect(ledger.locator('tbody tr[data-type="payment"]')).toHaveCount(paymentsBefore + 1);
    await expect(ledger.getByRole('row').filter({ hasText: reference })).toHaveCount(1);
    const after = await budget.get<LedgerLine[]>(`/applications/${id}/ledger`);
    expect(after.filter((l) => l.type === 'payment')).toHaveLength(paymentsBefore + 1);
    expect(after.filter((l) => l.reference === reference)).toEqual([expect.objectContaining({ type: 'payment', amountCzk: 10_000 })]);
    expect((await budget.get<{ money: Money }>(`/applications/${id}`)).money.paidCzk).toBe(before.money.paidCzk + 10_000);
    // The form is ready for the next instalment.
    await expect(form.getByLabel('Částka (Kč)')).toHaveValue('');
    await expectAccessible(page, 'payment recorded');
    await expectNoMissingMessages(page);
    await screenshot(page, 'budget-payment');
  });

  test('money returned on the overdue return is recorded and shown in the ledger', async ({ page, request }) => {
    const grant = decided.applications.overdueReturn;
    await signIn(page, DEMO.budget);
    const callId = await decidedCall(page);
    const { id } = await applicationByTitle(request, callId, grant.title);
    const budget = await apiAs(request, DEMO.budget);
    const before = await budget.get<{ money: Money }>(`/applications/${id}`);
    expect(before.money.returnDueCzk).toBeGreaterThan(5_000);

    await page.goto(`/budget/applications/${id}`);
    await expect(page.getByTestId('money-summary').locator('[data-money="returnDue"]')).toContainText(czk(before.money.returnDueCzk));
    const form = page.getByTestId('return-form');
    const reference = `Vratka ${Date.now()}`;
    await form.getByLabel('Částka (Kč)').fill('5000');
    await form.getByLabel('Reference přijaté platby').fill(reference);
    await form.getByRole('button', { name: 'Zaevidovat vratku' }).click();
    const recorded = page.getByTestId('return-recorded');
    await expect(recorded).toContainText(reference);
    await expect(recorded).toContainText(czk(before.money.returnDueCzk - 5_000));
    await expect(page.getByTestId('money-summary').locator('[data-money="returned"]')).toContainText(czk(before.money.returnedCzk + 5_000));
    await expect(page.getByTestId('ledger').getByRole('row').filter({ hasText: reference })).toContainText('vratka');
    const ledger = await budget.get<LedgerLine[]>(`/applications/${id}/ledger`);
    expect(ledger.filter((l) => l.reference === reference)).toEqual([expect.objectContaining({ type: 'return', amountCzk: 5_000 })]);
    await expectAccessible(page, 'return recorded');
    await expectNoMissingMessages(page);
  });

  test('the ledger check and the audit-chain verification run with visible progress and say they are in order', async ({ page }) => {
    await signIn(page, DEMO.budget);
    await page.getByRole('link', { name: 'Kontrola účetní knihy a ověření auditní stopy' }).click();
    await expect(heading(page)).toHaveText('Kontroly účetní knihy a auditní stopy');
    await expectAccessible(page, 'checks');

    // Slowed down on purpose, so the progress can be seen while it runs.
    await page.route('**/api/v1/ledger/check', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Zkontrolovat účetní knihu' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Kontroluji účetní knihu…' })).toBeVisible();
    await expect(page.getByTestId('ledger-check-result')).toContainText('Účetní kniha je v pořádku');

    await page.route('**/api/v1/audit/verify', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Ověřit auditní stopu' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Ověřuji auditní stopu…' })).toBeVisible();
    await expect(page.getByTestId('audit-result')).toContainText('Auditní stopa je neporušená');
    await expectAccessible(page, 'checks with results');
    await expectNoMissingMessages(page);
    await screenshot(page, 'budget-audit');
  });
});
