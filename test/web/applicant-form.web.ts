import type { APIRequestContext } from '@playwright/test';
import { DEMO_PROGRAMMES } from '../../apps/api/src/demo/demo-content';
import { DEMO_STAGES } from '../../apps/api/src/demo/demo-data';
import { expect, expectAccessible, expectNoMissingMessages, generateValidIco, screenshot, test, DEMO } from './support/fixtures';

/*
 * Journey 2a: a new organisation registers itself through the portal (the IČO and
 * the bank account checked as typed, a refused e-mail shown at its field), is signed
 * in, drafts an application in the demo's open call with two budget lines (totals and
 * the share of costs update as it types), picks policy measures and the primary one,
 * saves, submits with a request over the call's share and a project period outside
 * the call's year (every violation at its field at once, nothing typed lost), fixes
 * both and submits. Demo records are only read: the organisation and its application
 * are the test's own.
 */

/** Whole CZK as the Czech portal prints it: "210 000 Kč" (the no-break spaces as any space). */
const czk = (amount: number) => new RegExp(`(^|[^\\d\\s])${amount.toLocaleString('en-US').replace(/,/g, '\\s')}\\sKč`);

interface Call {
  id: string;
  title: string;
  year: number;
}

async function openCall(request: APIRequestContext): Promise<Call> {
  const response = await request.get('/api/v1/calls?pageSize=50');
  const { items } = (await response.json()) as { items: Call[] };
  const call = items.find((c) => c.title === DEMO_STAGES.open.callTitle);
  expect(call, 'the demo has its open call').toBeDefined();
  return call!;
}

const part = DEMO_PROGRAMMES.open.terms.parts[0];
const share = DEMO_PROGRAMMES.open.terms.maxRequestShareOfCostsPct;

test.describe('journey 2a: an organisation registers and submits an application', () => {
  test('register, draft with live budget totals, every violation at its field, fix and submit', async ({ page, request }) => {
    const call = await openCall(request);
    const stamp = Date.now();
    const ico = generateValidIco(1_000_000 + (stamp % 7_000_000));
    const organisation = `Jazyková kavárna Žižkov ${stamp % 100_000}, z. s.`;
    const email = `c1-applicant-${stamp}@example.org`;
    const title = `Čeština v kavárně pro nově příchozí ${stamp % 100_000}`;
    const password = 'kavarna-zizkov-2027';

    // Registration, with the checks as typed.
    await page.goto('/');
    await page.getByRole('link', { name: 'Registrace organizace' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registrace organizace');
    await expectAccessible(page, 'registration');

    const icoField = page.getByLabel(/^IČO/);
    const account = page.getByLabel(/^Číslo bankovního účtu/);
    await icoField.fill('12345678');
    await expect(page.getByText('Toto IČO není platné: nesouhlasí kontrolní číslice.')).toBeVisible();
    await expect(icoField).toHaveAttribute('aria-invalid', 'true');
    await icoField.fill('1234A');
    await expect(page.getByText('IČO obsahuje jen číslice.')).toBeVisible();
    await account.fill('19-2000145398/0800');
    await expect(page.getByText('Toto číslo účtu není platné')).toBeVisible();
    await expect(account).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'registration with as-typed problems');
    await screenshot(page, 'public-register');
    await icoField.fill(ico);
    await expect(page.getByText('IČO je platné.')).toBeVisible();
    await expect(icoField).not.toHaveAttribute('aria-invalid', 'true');
    await account.fill('19-2000145399/0800');
    await expect(page.getByText('Číslo účtu je platné.')).toBeVisible();

    await page.getByRole('radio', { name: /^Nestátní nezisková organizace/ }).check();
    await page.getByLabel(/^Název organizace/).fill(organisation);
    await page.getByLabel(/^Právní forma/).fill('z. s.');
    await page.getByLabel(/^Ulice a číslo/).fill('Seifertova 571/5');
    await page.getByLabel(/^Obec/).fill('Praha 3');
    await page.getByLabel(/^PSČ/).fill('130 00');
    await page.getByLabel(/^Jméno a příjmení/).fill('Alena Dobrá');
    // An e-mail that already has an account: the server's answer at its field, everything typed kept.
    await page.getByLabel(/^E-mail/).fill(DEMO.ngo1);
    await page.getByLabel(/^Heslo/).first().fill(password);
    await page.getByRole('button', { name: 'Zaregistrovat organizaci' }).click();
    const refused = page.getByRole('alert');
    await expect(refused).toContainText('Tento e-mail je již použit pro jiný účet.');
    await expect(refused.getByRole('link', { name: 'E-mail' })).toHaveAttribute('href', '#field-user-email');
    await expect(page.getByLabel(/^E-mail/)).toHaveAttribute('aria-invalid', 'true');
    await expect(icoField).toHaveValue(ico);
    await expect(page.getByLabel(/^Název organizace/)).toHaveValue(organisation);
    await expectAccessible(page, 'registration refused');

    await page.getByLabel(/^E-mail/).fill(email);
    await page.getByRole('button', { name: 'Zaregistrovat organizaci' }).click();
    await expect(page).toHaveURL(/\/applicant$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moje žádosti');
    await expect(page.getByText(`Organizace ${organisation} je zaregistrována`)).toBeVisible();
    await expect(page.getByText('Vaše organizace zatím nemá žádnou žádost.')).toBeVisible();
    await expectAccessible(page, 'my applications, empty');

    // From the calls to a new application.
    await page.getByRole('link', { name: 'Vybrat výzvu a vytvořit žádost' }).click();
    await page.getByRole('link', { name: call.title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(call.title);
    await expectAccessible(page, 'call detail, signed in');
    await page.getByRole('link', { name: 'Vytvořit žádost' }).click();
    await expect(page).toHaveURL(new RegExp(`/applicant/applications/new\\?callId=${call.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nová žádost o dotaci');
    await expectAccessible(page, 'empty application form');

    await page.getByLabel(/^Okruh výzvy/).selectOption({ label: part.name });
    await expect(page.getByText(/^Požadovaná dotace v tomto okruhu: 50\s000\sKč až 600\s000\sKč\.$/)).toBeVisible();
    await page.getByLabel(/^Název projektu/).fill(title);
    await page.getByLabel(/^Stručný popis projektu/).fill('Konverzační setkání v češtině pro dospělé cizince v kavárně na Žižkově, dvakrát týdně.');
    await page.getByLabel(/^Zdůvodnění projektu/).fill('Nově příchozí cizinci potřebují procvičovat češtinu v běžných situacích; kurzy nestačí.');
    const start = page.getByLabel(/^Zahájení projektu/);
    const end = page.getByLabel(/^Ukončení projektu/);
    await start.fill(`${call.year}-03-01`);
    await end.fill(`${call.year}-11-30`);
    await expect(page.getByText(`Projekt musí proběhnout v roce ${call.year}.`).first()).toBeVisible();
    await page.getByLabel(/^Cílové skupiny/).fill('dospělí cizinci, rodiče dětí s odlišným mateřským jazykem');
    await page.getByLabel(/^Místa realizace/).fill('Praha 3, Praha 9');
    const contact = page.getByRole('region', { name: 'Kontaktní osoba' });
    await contact.getByLabel(/^Jméno a příjmení/).fill('Alena Dobrá');
    await contact.getByLabel(/^E-mail/).fill(email);
    await contact.getByLabel(/^Telefon/).fill('+420 602 111 222');

    // Two budget lines; the totals and the share of costs follow the typing.
    const line1 = page.getByRole('group', { name: 'Položka 1' });
    await line1.getByLabel(/^Druh nákladu/).fill('Osobní náklady');
    await line1.getByLabel(/^Popis/).fill('Lektorka češtiny, 80 setkání');
    await line1.getByLabel(/^Celkové náklady/).fill('200 000');
    await line1.getByLabel(/^Požadováno od města/).fill('100000');
    const summary = page.getByTestId('budget-summary');
    const flags = page.getByTestId('budget-flags');
    await expect(summary.getByTestId('summary-total')).toContainText(czk(200_000));
    await expect(summary.getByTestId('summary-requested')).toContainText(czk(100_000));
    await expect(summary.getByTestId('summary-max')).toContainText(czk(140_000));
    await expect(flags).toContainText(`Požadavek je v limitu ${share} % celkových nákladů.`);
    await expect(flags).toContainText('Požadovaná dotace je v rozmezí okruhu.');

    await page.getByRole('button', { name: '+ Přidat položku rozpočtu' }).click();
    const line2 = page.getByRole('group', { name: 'Položka 2' });
    await expect(line2.getByLabel(/^Druh nákladu/)).toBeFocused();
    await line2.getByLabel(/^Druh nákladu/).fill('Nájem');
    await line2.getByLabel(/^Popis/).fill('Pronájem salonku kavárny');
    await line2.getByLabel(/^Celkové náklady/).fill('100000');
    await line2.getByLabel(/^Požadováno od města/).fill('60000');
    await expect(summary.getByTestId('summary-total')).toContainText(czk(300_000));
    await expect(summary.getByTestId('summary-requested')).toContainText(czk(160_000));
    await expect(summary.getByTestId('summary-requested')).toContainText('53,3 %');
    await expect(summary.getByTestId('summary-max')).toContainText(czk(210_000));
    // Over the share, flagged in words at once (and back).
    await line1.getByLabel(/^Požadováno od města/).fill('180000');
    await expect(summary.getByTestId('summary-requested')).toContainText(czk(240_000));
    await expect(flags).toContainText(`Požadavek překračuje ${share} % celkových nákladů`);
    await line1.getByLabel(/^Požadováno od města/).fill('100000');
    await expect(flags).toContainText(`Požadavek je v limitu ${share} % celkových nákladů.`);

    // Measures of the call, and the primary one among those chosen.
    const measures = page.getByRole('group', { name: /^Opatření, kterým projekt slouží/ });
    await expect(measures.getByRole('checkbox')).toHaveCount(DEMO_PROGRAMMES.open.terms.eligibleMeasureCodes.length);
    await expect(page.getByRole('group', { name: /^Hlavní opatření/ })).toContainText('Nejprve zaškrtněte výše alespoň jedno opatření.');
    await measures.getByRole('checkbox', { name: /^21\.III / }).check();
    await measures.getByRole('checkbox', { name: /^33\.I / }).check();
    const primary = page.getByRole('group', { name: /^Hlavní opatření/ });
    await expect(primary.getByRole('radio')).toHaveCount(2);
    await primary.getByRole('radio', { name: /^21\.III / }).check();

    await page.getByRole('button', { name: 'Uložit koncept' }).click();
    await expect(page.getByText('Koncept uložen:')).toBeVisible();
    await expect(page).toHaveURL(/\/applicant\/applications\/[0-9a-f-]{36}\/edit$/);
    const id = /applications\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
    await expectAccessible(page, 'application form, draft saved');
    await expectNoMissingMessages(page);
    await screenshot(page, 'applicant-form');

    // The session runs out while editing: after signing in again the form has what was typed.
    await page.context().clearCookies();
    await page.getByLabel(/^Název projektu/).fill(`${title} – upraveno`);
    await page.getByRole('button', { name: 'Uložit koncept' }).click();
    await expect(page.getByText('Nejste přihlášeni nebo vaše přihlášení vypršelo.').or(page.getByRole('heading', { level: 1, name: 'Přihlášení' }))).toBeVisible();
    // Reloading (or the portal itself) leads to the sign-in, which comes back to the form.
    await page.reload();
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Heslo').first().fill(password);
    await page.getByRole('button', { name: 'Přihlásit se' }).click();
    await expect(page).toHaveURL(new RegExp(`/applicant/applications/${id}/edit$`));
    await expect(page.getByText('Vaše přihlášení vypršelo dřív, než se údaje uložily.')).toBeVisible();
    await expect(page.getByLabel(/^Název projektu/)).toHaveValue(`${title} – upraveno`);
    await expect(line2.getByLabel(/^Požadováno od města/)).toHaveValue('60000');
    await page.getByLabel(/^Název projektu/).fill(title);

    // Submit with a request over the share and the project outside the call's year.
    await line1.getByLabel(/^Požadováno od města/).fill('180000');
    await start.fill(`${call.year + 1}-01-10`);
    await end.fill(`${call.year + 1}-06-30`);
    await page.getByRole('button', { name: 'Podat žádost' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Formulář obsahuje chyby' });
    await expect(problems).toBeFocused();
    await expect(problems.getByRole('link')).toHaveText(['Zahájení projektu', 'Ukončení projektu', 'Požadovaná dotace celkem']);
    await expect(problems.getByRole('link', { name: 'Požadovaná dotace celkem' })).toHaveAttribute('href', '#field-requestedCzk');
    await expect(summary).toContainText('Požadovaná částka překračuje povolený podíl na celkových nákladech');
    for (const field of [start, end]) {
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(/Projekt musí proběhnout v roce, pro který je výzva vyhlášena\./);
    }
    // Nothing typed is lost.
    await expect(line1.getByLabel(/^Požadováno od města/)).toHaveValue('180000');
    await expect(start).toHaveValue(`${call.year + 1}-01-10`);
    await expect(page.getByLabel(/^Název projektu/)).toHaveValue(title);
    await expect(measures.getByRole('checkbox', { name: /^33\.I / })).toBeChecked();
    await expectAccessible(page, 'application form with the violations');
    await expectNoMissingMessages(page);
    await screenshot(page, 'applicant-form-errors');

    // A link of the summary takes the person to the field.
    await problems.getByRole('link', { name: 'Zahájení projektu' }).click();
    await expect(start).toBeFocused();

    // Fix both and submit: the detail page shows the reference number.
    await line1.getByLabel(/^Požadováno od města/).fill('150000');
    await expect(summary.getByTestId('summary-requested')).toContainText(czk(210_000));
    await expect(flags).toContainText(`Požadavek je v limitu ${share} % celkových nákladů.`);
    await start.fill(`${call.year}-03-01`);
    await end.fill(`${call.year}-11-30`);
    await page.getByRole('button', { name: 'Podat žádost' }).click();
    await expect(page).toHaveURL(new RegExp(`/applicant/applications/${id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByTestId('reference-number')).toHaveText(/^INT-\d{4}-\d{4}$/);
    const referenceNumber = (await page.getByTestId('reference-number').textContent())!;
    await expectAccessible(page, 'application detail after submission');

    await page.goto('/applicant');
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('podaná');
    await expect(row).toContainText(referenceNumber);
    await expect(row.locator('td.number')).toContainText(czk(210_000));
    await expect(row.getByRole('link', { name: `Zobrazit žádost ${title}` })).toBeVisible();
    await expectAccessible(page, 'my applications');
    await screenshot(page, 'applicant-list');
  });
});
