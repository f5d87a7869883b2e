import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { DEMO_STAGES } from '../../apps/api/src/demo/demo-data';
import { expect, expectAccessible, generateValidIco, test } from './support/fixtures';

/*
 * Journey 2a by keyboard only: sign in, open the call, create an application, fill
 * it, add a budget line, choose measures and the primary one, save and submit —
 * `page.keyboard` only (Tab, Shift+Tab, Enter, Space, arrows, typing), never the
 * mouse, asserting where the focus lands. The organisation is registered through
 * the API for the test (set-up data); no demo record is changed.
 */

interface Call {
  id: string;
  title: string;
  year: number;
}

const password = 'klavesnice-praha-2027';

async function setUp(request: APIRequestContext): Promise<{ call: Call; email: string; title: string }> {
  const stamp = Date.now();
  const email = `c1-keyboard-${stamp}@example.org`;
  const registered = await request.post('/api/v1/auth/register', {
    data: {
      organisation: {
        kind: 'ngo',
        name: `Klub klávesnice ${stamp % 100_000}, z. s.`,
        ico: generateValidIco(1_000_000 + ((stamp + 3_500_000) % 7_000_000)),
        address: { street: 'Vinohradská 10', city: 'Praha 2', postalCode: '120 00' },
      },
      user: { email, password, fullName: 'Karel Klávesa' },
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const { items } = (await (await request.get('/api/v1/calls?pageSize=50')).json()) as { items: Call[] };
  const call = items.find((c) => c.title === DEMO_STAGES.open.callTitle);
  expect(call, 'the demo has its open call').toBeDefined();
  return { call: call!, email, title: `Sousedské čtení s klávesnicí ${stamp % 100_000}` };
}

const isFocused = (target: Locator) => target.evaluate((element) => element.matches(':focus'));

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it is not reachable within `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}): Promise<void> {
  await expect(target).toHaveCount(1);
  for (let presses = 0; presses < max; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reachable by ${back ? 'Shift+Tab' : 'Tab'}`).toBeFocused();
}

/** One Tab, and the focus is on `target`. */
async function tab(page: Page, target: Locator): Promise<void> {
  await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

test.describe('journey 2a by keyboard only', () => {
  test('sign in, open the call, create, fill, add a budget line, choose measures, save, submit', async ({ page, request }) => {
    const { call, email, title } = await setUp(request);

    // Sign in.
    await page.goto('/login');
    await tabTo(page, page.getByLabel('E-mail'));
    await page.keyboard.type(email);
    await tab(page, page.getByLabel('Heslo').first());
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/applicant$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moje žádosti');

    // To the calls, the open call, a new application.
    await tabTo(page, page.getByRole('link', { name: 'Vybrat výzvu a vytvořit žádost' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Výzvy k podávání žádostí o dotace');
    await tabTo(page, page.getByRole('link', { name: call.title }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(call.title);
    await tabTo(page, page.getByRole('link', { name: 'Vytvořit žádost' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nová žádost o dotaci');
    await expectAccessible(page, 'new application form');

    // Submitting the empty form: the summary of problems takes the focus, its link leads to the field.
    const submit = page.getByRole('button', { name: 'Podat žádost' });
    await tabTo(page, submit);
    await page.keyboard.press('Enter');
    const problems = page.getByRole('alert').filter({ hasText: 'Formulář obsahuje chyby' });
    await expect(problems).toBeFocused();
    const firstLink = problems.getByRole('link').first();
    await tab(page, firstLink);
    const target = (await firstLink.getAttribute('href'))!.slice(1);
    await page.keyboard.press('Enter');
    await expect(page.locator(`[id="${target}"]`)).toBeFocused();
    await expect(page).toHaveURL(/\/applicant\/applications\/new\?callId=/);

    // Fill the form, field after field.
    const partSelect = page.getByLabel(/^Okruh výzvy/);
    await tabTo(page, partSelect, { back: true });
    await page.keyboard.press('ArrowDown');
    await expect(partSelect).toHaveValue('1');
    await tab(page, page.getByLabel(/^Název projektu/));
    await page.keyboard.type(title);
    await tab(page, page.getByLabel(/^Stručný popis projektu/));
    await page.keyboard.type('Sousedská čtení české literatury pro dospělé cizince v knihovně.');
    await tab(page, page.getByLabel(/^Zdůvodnění projektu/));
    await page.keyboard.type('Čtení spojuje jazyk a sousedy; knihovna nabízí prostor zdarma.');
    const start = page.getByLabel(/^Zahájení projektu/);
    await tab(page, start);
    // Day and month alike, so the digits mean the same in the browser's day-month or month-day order.
    await page.keyboard.type(`0303${call.year}`);
    await expect(start).toHaveValue(`${call.year}-03-03`);
    const end = page.getByLabel(/^Ukončení projektu/);
    await tabTo(page, end);
    await page.keyboard.type(`1111${call.year}`);
    await expect(end).toHaveValue(`${call.year}-11-11`);
    await tabTo(page, page.getByLabel(/^Cílové skupiny/));
    await page.keyboard.type('dospělí cizinci, senioři');
    await tab(page, page.getByLabel(/^Místa realizace/));
    await page.keyboard.type('Praha 2');
    const contact = page.getByRole('region', { name: 'Kontaktní osoba' });
    await tab(page, contact.getByLabel(/^Jméno a příjmení/));
    await page.keyboard.type('Karel Klávesa');
    await tab(page, contact.getByLabel(/^E-mail/));
    await page.keyboard.type(email);
    await tab(page, contact.getByLabel(/^Telefon/));
    await page.keyboard.type('+420 603 333 444');

    const line1 = page.getByRole('group', { name: 'Položka 1' });
    await tab(page, line1.getByLabel(/^Druh nákladu/));
    await page.keyboard.type('Osobní náklady');
    await tab(page, line1.getByLabel(/^Popis/));
    await page.keyboard.type('Lektor a moderátor čtení');
    await tab(page, line1.getByLabel(/^Celkové náklady/));
    await page.keyboard.type('100000');
    await tab(page, line1.getByLabel(/^Požadováno od města/));
    await page.keyboard.type('60000');

    // A second line: the button adds it and the focus moves into it.
    await tab(page, page.getByRole('button', { name: '+ Přidat položku rozpočtu' }));
    await page.keyboard.press('Enter');
    const line2 = page.getByRole('group', { name: 'Položka 2' });
    await expect(line2.getByLabel(/^Druh nákladu/)).toBeFocused();
    await page.keyboard.type('Materiál');
    await tab(page, line2.getByLabel(/^Popis/));
    await page.keyboard.type('Knihy a tisk');
    await tab(page, line2.getByLabel(/^Celkové náklady/));
    await page.keyboard.type('20000');
    await tab(page, line2.getByLabel(/^Požadováno od města/));
    await page.keyboard.type('14000');
    await tab(page, line2.getByRole('button', { name: 'Odebrat položku 2' }));
    const summary = page.getByTestId('budget-summary');
    await expect(summary.getByTestId('summary-total')).toContainText(/120\s000\sKč/);
    await expect(summary.getByTestId('summary-requested')).toContainText(/74\s000\sKč/);
    await expect(page.getByTestId('budget-flags')).toContainText('Požadavek je v limitu 70 % celkových nákladů.');

    // Measures: Space ticks a checkbox and chooses a radio.
    const measures = page.getByRole('group', { name: /^Opatření, kterým projekt slouží/ });
    const reading = measures.getByRole('checkbox', { name: /^31\.I / });
    await tabTo(page, reading);
    await page.keyboard.press('Space');
    await expect(reading).toBeChecked();
    const community = measures.getByRole('checkbox', { name: /^33\.I / });
    await tabTo(page, community);
    await page.keyboard.press('Space');
    await expect(community).toBeChecked();
    const primary = page.getByRole('group', { name: /^Hlavní opatření/ });
    await tabTo(page, primary.getByRole('radio', { name: /^31\.I / }));
    await page.keyboard.press('Space');
    await expect(primary.getByRole('radio', { name: /^31\.I / })).toBeChecked();
    await page.keyboard.press('ArrowDown');
    await expect(primary.getByRole('radio', { name: /^33\.I / })).toBeFocused();
    await expect(primary.getByRole('radio', { name: /^33\.I / })).toBeChecked();

    // Save (Enter on the button), then submit.
    await tabTo(page, page.getByRole('button', { name: 'Uložit koncept' }));
    await page.keyboard.press('Enter');
    await expect(page.getByText('Koncept uložen:')).toBeVisible();
    await expect(page).toHaveURL(/\/applicant\/applications\/[0-9a-f-]{36}\/edit$/);
    await expect(page.getByRole('button', { name: 'Uložit koncept' })).toBeFocused();
    await expectAccessible(page, 'draft saved');
    await tab(page, submit);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/applicant\/applications\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByTestId('reference-number')).toHaveText(/^INT-\d{4}-\d{4}$/);
    await expectAccessible(page, 'submitted application');
  });
});
