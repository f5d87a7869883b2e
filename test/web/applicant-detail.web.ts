import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_STAGES } from '../../apps/api/src/demo/demo-data';
import { apiAs, expect, expectAccessible, expectNoMissingMessages, screenshot, signIn, test, DEMO } from './support/fixtures';

/*
 * Journey 2b: the applicant follows an application after submitting it — the
 * correction request (defects, due date, edit and resubmit), the decision letters
 * (PDF), the grant's money and contract, the settlement, and withdrawing a draft.
 *
 * Demo records changed here: JAZ "correction" (ngo2) is resubmitted and then, as
 * clean-up through the API, returned for correction again with the same defects and
 * due date (the officer's evaluation journey expects it waiting for a correction);
 * KOM "secondInstalment" (ngo4) gets its settlement (→ settlement_submitted). The
 * withdrawn draft is created by the test itself. The rest is only read.
 */

interface Listed {
  id: string;
  title: string;
  status: string;
  referenceNumber: string | null;
}
interface Money {
  awardedCzk: number;
  paidCzk: number;
  returnedCzk: number;
  returnDueCzk: number;
}

/** The id of one of the applicant's own applications, by its demo title. */
async function applicationId(request: APIRequestContext, login: string, title: string): Promise<string> {
  const api = await apiAs(request, login);
  const page = await api.get<{ items: Listed[] }>('/applications?pageSize=200');
  const found = page.items.find((a) => a.title === title);
  expect(found, `${login} has "${title}"`).toBeDefined();
  return found!.id;
}

/** Whole CZK as the Czech portal prints it: "250 000 Kč" (no-break spaces). */
const czk = (amount: number) => new RegExp(`${amount.toLocaleString('en-US').replace(/,/g, '\\s')}\\sKč`);

async function openDetail(page: Page, id: string, title: string): Promise<void> {
  await page.goto(`/applicant/applications/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

test.describe('applicant: an application after submission', () => {
  test('a correction request shows the defects and the due date; the applicant edits and resubmits', async ({ page, request }) => {
    const correction = DEMO_STAGES.closed.applications.correction;
    const id = await applicationId(request, correction.login, correction.title);
    const officer = await apiAs(request, DEMO.officer);
    const officerView = await officer.get<{ correctionDueOn: string; formalChecks: { reasons: string[] }[]; referenceNumber: string }>(`/applications/${id}`);
    const defects = officerView.formalChecks.at(-1)!.reasons;

    await signIn(page, correction.login);
    await openDetail(page, id, correction.title);
    const facts = page.getByTestId('application-facts');
    await expect(facts).toContainText('k opravě');
    await expect(page.getByTestId('reference-number')).toHaveText(officerView.referenceNumber);
    await expect(facts).toContainText(DEMO_STAGES.closed.callTitle);

    const request_ = page.getByTestId('correction-request');
    await expect(request_.getByRole('heading', { name: 'Úřad žádá o opravu žádosti' })).toBeVisible();
    for (const defect of defects) await expect(request_.getByRole('listitem').filter({ hasText: defect })).toBeVisible();
    const [y, m, d] = officerView.correctionDueOn.split('-').map(Number);
    await expect(request_).toContainText(`${d}. ${m}. ${y}`);

    const history = page.getByTestId('status-history');
    await expect(history.getByRole('row').nth(1)).toContainText('k opravě');
    await expect(page.getByTestId('budget-lines').getByRole('row')).not.toHaveCount(0);
    await expectAccessible(page, 'application detail with a correction request');
    await expectNoMissingMessages(page);
    await screenshot(page, 'applicant-detail');

    await request_.getByRole('link', { name: 'Upravit a znovu podat' }).click();
    await expect(page).toHaveURL(new RegExp(`/applicant/applications/${id}/edit$`));
    await expectAccessible(page, 'application form (correction)');
    await page.getByRole('button', { name: 'Podat opravenou žádost' }).click();

    await expect(page).toHaveURL(new RegExp(`/applicant/applications/${id}$`));
    const notice = page.getByTestId('submitted-notice');
    await expect(notice).toContainText('Žádost byla podána.');
    await expect(notice).toContainText(officerView.referenceNumber);
    await expect(facts).toContainText('podaná');
    await expect(page.getByTestId('correction-request')).toHaveCount(0);
    await expect(history.getByRole('row').nth(1)).toContainText('k opravě');
    await expect(history.getByRole('row').nth(1)).toContainText('podaná');
    await expectAccessible(page, 'application detail after the resubmission');
    await expectNoMissingMessages(page);

    // Clean-up: the demo's correction request as it was, for the journeys that follow.
    await officer.send('POST', `/applications/${id}/formal-check`, { result: 'correction_requested', reasons: defects, correctionDueOn: officerView.correctionDueOn });
  });

  test('an applicant of the decided call reads its letters, downloads the PDF and sees the money and the contract', async ({ page, request }) => {
    const grant = DEMO_STAGES.decided.applications.settlementForReview;
    const id = await applicationId(request, grant.login, grant.title);

    await signIn(page, grant.login);
    await openDetail(page, id, grant.title);

    const letters = page.getByTestId('letters');
    const approval = letters.getByRole('row').filter({ hasText: 'rozhodnutí o poskytnutí dotace' });
    // The worker renders the letters after the server starts; the page asks again until one is ready.
    const downloadButton = approval.getByRole('button', { name: /Stáhnout PDF/ });
    await expect(downloadButton).toBeVisible({ timeout: 60_000 });
    await expect(approval).toContainText('připraven');
    const [pdf] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
    expect(pdf.suggestedFilename()).toMatch(/^KOM-\d{4}-\d{4}-approval\.pdf$/);
    expect(readFileSync(await pdf.path()).subarray(0, 4).toString('latin1')).toBe('%PDF');

    const money = page.getByTestId('money-summary');
    const row = (name: string) => money.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(row('Přiznáno')).toContainText(czk(grant.money.awardedCzk));
    await expect(row('Vyplaceno')).toContainText(czk(grant.money.paidCzk));
    await expect(row('Vráceno')).toContainText(czk(0));
    await expect(row('K vrácení')).toContainText(czk(0));
    const ledger = page.getByTestId('ledger');
    await expect(ledger.getByRole('row').filter({ hasText: 'Výplata' })).toHaveCount(2);
    await expect(page.getByTestId('settlement-state')).toContainText('čeká na kontrolu');
    await expect(page.getByRole('link', { name: 'Podat vyúčtování' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Stáhnout žádost' })).toHaveCount(0);
    await expectAccessible(page, 'application detail with letters and money');
    await expectNoMissingMessages(page);
    await screenshot(page, 'applicant-letters-money');

    // The same page for a Ukrainian-speaking applicant: every text from the catalogues.
    await page.getByLabel(/Jazyk|Language|Мова/).selectOption('uk');
    await expect(page.getByRole('heading', { name: 'Кошти гранту' })).toBeVisible();
    await expect(letters.getByRole('button', { name: /Завантажити PDF/ })).toBeVisible();
    await expectNoMissingMessages(page);
    await screenshot(page, 'applicant-letters-money-uk');
  });

  test('an overdue return shows what is owed, by when, and that it is overdue', async ({ page, request }) => {
    const grant = DEMO_STAGES.decided.applications.overdueReturn;
    const id = await applicationId(request, grant.login, grant.title);
    const { money } = await (await apiAs(request, grant.login)).get<{ money: Money }>(`/applications/${id}`);

    await signIn(page, grant.login);
    await openDetail(page, id, grant.title);
    const summary = page.getByTestId('money-summary');
    await expect(summary.getByRole('row').filter({ hasText: 'Vráceno' })).toContainText(czk(money.returnedCzk));
    const due = summary.getByRole('row').filter({ hasText: 'K vrácení' });
    await expect(due).toContainText(czk(money.returnDueCzk));
    if (money.returnDueCzk > 0) await expect(page.getByTestId('grant-money')).toContainText('Lhůta pro vrácení peněz uplynula');
    await expectAccessible(page, 'application detail with a return due');
  });

  test('the recipient of a contracted grant submits the settlement; every problem the API finds is shown at once', async ({ page, request }) => {
    const grant = DEMO_STAGES.decided.applications.secondInstalment;
    const id = await applicationId(request, grant.login, grant.title);
    const detail = await (await apiAs(request, grant.login)).get<{ money: Money; budgetLines: { category: string }[] }>(`/applications/${id}`);
    const [first, second] = [...new Set(detail.budgetLines.map((l) => l.category))];

    await signIn(page, grant.login);
    await openDetail(page, id, grant.title);
    await page.getByRole('link', { name: 'Podat vyúčtování' }).click();
    await expect(page).toHaveURL(new RegExp(`/applicant/applications/${id}/settlement$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vyúčtování dotace');
    await expect(page.getByTestId('paid')).toContainText(czk(detail.money.paidCzk));
    await expectAccessible(page, 'settlement form');

    // More than was paid and lines that do not add up: both refused in one answer.
    const tooMuch = detail.money.paidCzk + 5_000;
    const spentField = page.getByLabel('Celkem utraceno z dotace (Kč)');
    await spentField.fill(String(tooMuch));
    const lines = page.getByTestId('settlement-line');
    await expect(lines.first().getByRole('combobox')).toHaveValue(first);
    const lineCount = await lines.count();
    for (let i = 0; i < lineCount; i++) await lines.nth(i).getByLabel(`Utraceno v Kč (řádek ${i + 1})`).fill(i === 0 ? '1000' : '0');
    const totals = page.getByTestId('settlement-totals');
    await expect(totals).toContainText('Součet řádků se neshoduje');
    await expect(totals).toContainText('vyšší, než vám bylo vyplaceno');
    const report = page.getByLabel('Zpráva o realizaci projektu');
    await report.fill('Mentoring proběhl pro 24 mladých cizinců; 2 000 Kč zůstalo nevyčerpáno a bude vráceno.');
    await page.getByRole('button', { name: 'Odeslat vyúčtování' }).click();

    const problems = page.getByRole('alert').filter({ hasText: 'Formulář obsahuje chyby (2)' });
    await expect(problems).toBeVisible();
    await expect(problems.getByRole('link', { name: 'Celkem utraceno z dotace (Kč)' })).toBeVisible();
    await expect(problems.getByRole('link', { name: 'Utraceno podle kategorií rozpočtu' })).toBeVisible();
    await expect(page.locator('#field-spentCzk-error')).toContainText('nemohou být vyšší než vyplacená dotace');
    await expect(page.locator('#field-lines-error')).toBeVisible();
    await expect(spentField).toHaveValue(String(tooMuch));
    await expect(report).toHaveValue(/^Mentoring proběhl/);
    await expectAccessible(page, 'settlement form with the API’s problems');
    await screenshot(page, 'applicant-settlement');

    // Now within what was paid, by two categories, with a report.
    const spent = detail.money.paidCzk - 2_000;
    await spentField.fill(String(spent));
    await lines.nth(0).getByLabel('Utraceno v Kč (řádek 1)').fill(String(spent - 20_000));
    if (second) {
      await expect(lines.nth(1).getByRole('combobox')).toHaveValue(second);
      await lines.nth(1).getByLabel('Utraceno v Kč (řádek 2)').fill('20000');
      for (let i = (await lines.count()) - 1; i >= 2; i--) await page.getByRole('button', { name: `Odebrat řádek ${i + 1}` }).click();
    } else {
      await lines.nth(0).getByLabel('Utraceno v Kč (řádek 1)').fill(String(spent));
    }
    await expect(totals).toContainText('Součet řádků odpovídá celkové částce.');
    await page.getByRole('button', { name: 'Odeslat vyúčtování' }).click();

    await expect(page).toHaveURL(new RegExp(`/applicant/applications/${id}$`));
    await expect(page.getByTestId('settlement-notice')).toContainText('Vyúčtování bylo odesláno');
    await expect(page.getByTestId('application-facts')).toContainText('vyúčtování podáno');
    await expect(page.getByTestId('settlement-state')).toContainText('čeká na kontrolu');
    await expect(page.getByTestId('status-history').getByRole('row').nth(1)).toContainText('vyúčtování podáno');
    await expectAccessible(page, 'application detail after the settlement');
    await expectNoMissingMessages(page);
  });

  test('a draft is withdrawn after confirmation and the history says so', async ({ page, request }) => {
    const login = DEMO.ngo1;
    const calls = await (await apiAs(request, login)).get<{ items: { id: string; title: string; year: number; eligibleMeasureCodes: string[]; parts: { code: string; minRequestCzk: number }[] }[] }>(
      '/calls?pageSize=200',
    );
    const call = calls.items.find((c) => c.title === DEMO_STAGES.open.callTitle)!;
    const measure = call.eligibleMeasureCodes[0];
    const amount = call.parts[0].minRequestCzk;
    const title = `Doučování pro děti cizinců ${Date.now()}`;
    const draft = await (await apiAs(request, login)).send<{ id: string }>('POST', '/applications', {
      callId: call.id,
      partCode: call.parts[0].code,
      title,
      summary: 'Odpolední doučování češtiny a matematiky pro děti z rodin cizinců.',
      justification: 'Děti s odlišným mateřským jazykem potřebují podporu při přechodu do českých škol.',
      primaryMeasureCode: measure,
      measureCodes: [measure],
      targetGroups: ['děti cizinců'],
      districts: ['Praha 3'],
      startDate: `${call.year}-02-01`,
      endDate: `${call.year}-11-30`,
      budgetLines: [{ category: 'Osobní náklady', description: 'Lektorky doučování', totalCzk: amount * 2, requestedCzk: amount }],
      otherFundingCzk: amount,
      contactPerson: { name: 'Jana Nováková', email: 'jana@example.org', phone: '+420 601 234 567' },
    });

    await signIn(page, login);
    await openDetail(page, draft.id, title);
    await expect(page.getByTestId('application-facts')).toContainText('rozpracovaná');
    await expect(page.getByTestId('reference-number')).toHaveText('přidělí se při podání');
    await expect(page.getByRole('link', { name: 'Upravit a podat žádost' })).toBeVisible();
    await expectAccessible(page, 'draft detail');

    await page.getByRole('button', { name: 'Stáhnout žádost' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Opravdu stáhnout žádost?' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Důvod stažení').fill('Projekt zajistíme z jiných zdrojů.');
    await expectAccessible(page, 'withdrawal confirmation');
    await screenshot(page, 'applicant-withdraw-dialog');
    await dialog.getByRole('button', { name: 'Ano, stáhnout žádost' }).click();

    await expect(page.getByTestId('withdrawn-notice')).toContainText('Žádost byla stažena.');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('application-facts')).toContainText('stažená');
    const latest = page.getByTestId('status-history').getByRole('row').nth(1);
    await expect(latest).toContainText('rozpracovaná');
    await expect(latest).toContainText('stažená');
    await expect(latest).toContainText('Projekt zajistíme z jiných zdrojů.');
    await expect(page.getByRole('button', { name: 'Stáhnout žádost' })).toHaveCount(0);
    await expectAccessible(page, 'withdrawn application');
    await expectNoMissingMessages(page);
  });
});
