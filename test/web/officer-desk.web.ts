import type { Locator, Page } from '@playwright/test';
import { DEMO_STAGES } from '../../apps/api/src/demo/demo-data';
import commission from '../../apps/web/src/i18n/locales/cs/commission.json';
import { addDays } from '../../libs/core/src/time/prague-time';
import { apiAs, DEMO, expect, expectAccessible, expectNoMissingMessages, screenshot, signIn, test } from './support/fixtures';

/**
 * Journey 4 (the NMF officer's desk) through the portal: a programme, a call with every
 * term (first with mistakes, all shown at once and the values kept), the 30-day rule
 * and the announcement; a decision with the Council/Assembly route shown before saving,
 * the reason for deviating from the commission asked for where a decision deviates,
 * the contract and its publication; the review of a waiting settlement; letters.
 *
 * Demo records changed here: the scored call (its evaluation is closed on the board,
 * `leading` approved and contracted, `belowMinimum` rejected through the API with
 * reasons the letter font cannot print, so its letter fails and is retried); the
 * decided call's `awaitingPublication` (its contract is published) and
 * `settlementForReview` (its settlement is reviewed).
 */

const SCORED = DEMO_STAGES.scored;

type Page1<T> = { items: T[]; total: number };
interface ApplicationSummary {
  id: string;
  title: string;
  status: string;
  requestedCzk: number;
  proposedCzk: number | null;
}

const pragueToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** A Prague date as the Czech portal writes it ("1. 2. 2027", with any kind of space). */
const czechDate = (date: string): RegExp => {
  const [y, m, d] = date.split('-').map(Number);
  return new RegExp(`${d}\\.\\s*${m}\\.\\s*${y}`);
};

/** The form control (label, input, messages) of a field by its API path. */
const control = (page: Page, path: string): Locator => page.locator('.gov-form-control').filter({ has: page.locator(`[name="${path}"]`) });

/** Ticks a design-system checkbox or radio as a person does: by its label (the native control is visually replaced). */
async function tick(scope: Page | Locator, label: string | RegExp): Promise<void> {
  await scope.locator('label', { hasText: label }).click();
}

async function visit(page: Page, what: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, what);
  await expectNoMissingMessages(page);
}

test.describe('officer desk', () => {
  test('a programme and a call with every term: mistakes shown at once, the 30-day rule, the announcement', async ({ page }) => {
    const today = pragueToday();
    const suffix = Date.now().toString(36).toUpperCase().slice(-5);
    const code = `W${suffix}`;
    const year = Number(addDays(today, 120).slice(0, 4));
    const title = `Výzva ${code} na podporu komunitních aktivit`;

    await signIn(page, DEMO.officer);
    await page.goto('/officer');
    await visit(page, 'officer home');
    await page.getByRole('navigation', { name: 'Části pracoviště' }).getByRole('link', { name: 'Programy' }).click();
    await visit(page, 'programmes');

    // A programme with its appropriation.
    await page.getByLabel('Kód').fill(code);
    await page.getByLabel('Název').fill(`Integrace cizinců ${code}`);
    await page.getByLabel('Rok').fill(String(year));
    await page.getByLabel('Rozpočtová alokace').fill('5 000 000');
    await page.getByRole('button', { name: 'Založit program' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Integrace cizinců ${code}`);
    await expect(page.locator('dl.facts')).toContainText('5 000 000');
    await visit(page, 'programme');

    // A call with every term, first with deliberate mistakes.
    await page.getByRole('link', { name: 'Nová výzva v tomto programu' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nová výzva');
    await expect(page.getByRole('combobox', { name: /^Program\b/ })).toHaveValue(/.+/);
    await expect(page.getByTestId('earliest-opening')).toContainText(czechDate(addDays(today, 30)));
    await visit(page, 'new call form');

    await page.getByLabel('Název výzvy').fill(title);
    await page.getByLabel('Datum vyhlášení').fill(today);
    await page.getByLabel('Začátek příjmu žádostí').fill(`${addDays(today, 20)}T09:00`); // too early to announce: a draft may keep it
    await page.getByLabel('Konec příjmu žádostí').fill(`${addDays(today, 15)}T12:00`); // closes before it opens
    await page.getByLabel('Rozhodnutí nejpozději do').fill(addDays(today, 120));
    await page.getByLabel('Vyúčtování nejpozději do').fill(addDays(today, 400));
    await tick(page, 'nestátní neziskové organizace');
    await tick(page, 'městské části hl. m. Prahy');
    await page.getByLabel('Nejvýše žádostí na organizaci').fill('2');
    await page.getByLabel('Nejvyšší podíl dotace na celkových nákladech (%)').fill('70');
    await page.getByLabel('Hledat opatření').fill('21.III');
    await tick(page, /^21\.III\b/);
    await page.getByLabel('Hledat opatření').fill('33.I');
    await tick(page, /^33\.I\b/);
    await expect(page.getByText('Vybráno: 2 (21.III, 33.I)')).toBeVisible();
    await expect(page.getByText('Příjem žádostí by začal dříve než 30 dní po vyhlášení')).toBeVisible();

    const part1 = page.getByRole('group', { name: 'Okruh 1' });
    await part1.getByLabel('Název').fill('Aktivity');
    await part1.getByLabel('Alokace').fill('1 000 000');
    await part1.getByLabel('Nejnižší žádaná částka').fill('20 000');
    await part1.getByLabel('Nejvyšší žádaná částka').fill('300 000');
    await page.getByRole('button', { name: 'Přidat okruh' }).click();
    const part2 = page.getByRole('group', { name: 'Okruh 2' });
    await expect(part2.getByLabel('Kód')).toHaveValue('2');
    await part2.getByLabel('Název').fill('Publikace');
    await part2.getByLabel('Alokace').fill('500 000');
    await part2.getByLabel('Nejnižší žádaná částka').fill('200 000'); // above the part's maximum
    await part2.getByLabel('Nejvyšší žádaná částka').fill('100 000');

    const criterion1 = page.getByRole('group', { name: 'Kritérium 1' });
    await criterion1.getByLabel('Název').fill('Soulad s koncepcí integrace');
    await criterion1.getByLabel('Nejvýše bodů').fill('40');
    await page.getByRole('button', { name: 'Přidat kritérium' }).click();
    const criterion2 = page.getByRole('group', { name: 'Kritérium 2' });
    await criterion2.getByLabel('Název').fill('Kvalita a proveditelnost');
    await criterion2.getByLabel('Nejvýše bodů').fill('60');
    await page.getByLabel('Minimální počet bodů pro doporučení').fill('50');
    await page.getByLabel('Kvórum (počet členů, kteří musí hodnotit)').fill('2');
    await page.getByLabel('Způsob určení pořadí').selectOption('normalised');

    await page.getByRole('button', { name: 'Uložit jako koncept' }).click();
    const summary = page.locator('.problem-summary');
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    // Both problems at once, each a link to its field, and each message next to its field.
    await expect(summary.getByRole('link', { name: 'Konec příjmu žádostí' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Okruh 2: Nejvyšší žádaná částka' })).toBeVisible();
    await expect(page.locator('#field-submissionClosesAt')).toHaveAttribute('aria-invalid', 'true');
    await expect(control(page, 'submissionClosesAt').locator('.gov-form-message[data-color="error"]')).toBeVisible();
    await expect(page.locator('#field-parts-1-maxRequestCzk')).toHaveAttribute('aria-invalid', 'true');
    await expect(control(page, 'parts[1].maxRequestCzk').locator('.gov-form-message[data-color="error"]')).toBeVisible();
    // What was typed is kept.
    await expect(page.getByLabel('Název výzvy')).toHaveValue(title);
    await expect(part2.getByLabel('Nejnižší žádaná částka')).toHaveValue('200 000');
    await expect(page.getByLabel(/^21\.III\b/)).toBeChecked();
    await expect(page).toHaveURL(/\/officer\/calls\/new/);
    await expectAccessible(page, 'call form with problems');
    await screenshot(page, 'officer-call-form');

    // Fixed: the call is saved as a draft.
    await page.getByLabel('Konec příjmu žádostí').fill(`${addDays(today, 80)}T12:00`);
    await part2.getByLabel('Nejnižší žádaná částka').fill('20 000');
    await page.getByRole('button', { name: 'Uložit jako koncept' }).click();
    await expect(page).toHaveURL(/\/officer\/calls\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('koncept', { exact: true })).toBeVisible();

    // The 30-day rule explained, with the earliest allowed opening date, before announcing.
    const panel = page.getByRole('region', { name: 'Vyhlášení výzvy' });
    await expect(panel).toContainText('nejméně 30 dní');
    await expect(panel.getByTestId('announce-earliest-opening')).toHaveText(czechDate(addDays(today, 30)));
    await expect(panel).toContainText('příliš brzy');
    await expect(panel).toContainText('vejde se do alokace');
    await visit(page, 'draft call');

    // Announced anyway: the API refuses (ANNOUNCEMENT_TOO_LATE) and the refusal is explained.
    await panel.getByRole('button', { name: 'Vyhlásit výzvu' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Vyhlásit', exact: true }).click();
    await expect(panel.locator('.problem-summary')).toContainText('nejméně 30 dní před začátkem');
    await expect(panel).toContainText('Výzva nebyla vyhlášena');
    await expect(page.getByText('koncept', { exact: true })).toBeVisible();

    // The draft's terms changed: the opening moved past the earliest allowed date.
    await panel.getByRole('link', { name: 'Upravit podmínky' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Podmínky výzvy ${title}`);
    await expect(page.getByLabel('Začátek příjmu žádostí')).toHaveValue(`${addDays(today, 20)}T09:00`);
    await expect(page.getByRole('group', { name: 'Okruh 2' }).getByLabel('Nejnižší žádaná částka')).toHaveValue('20000');
    await expect(page.getByLabel(/^33\.I\b/)).toBeChecked();
    await visit(page, 'call terms edit');
    await page.getByLabel('Začátek příjmu žádostí').fill(`${addDays(today, 40)}T09:00`);
    await page.getByRole('button', { name: 'Uložit koncept' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(panel).toContainText('lhůta je dodržena');

    await panel.getByRole('button', { name: 'Vyhlásit výzvu' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText(title);
    await dialog.getByRole('button', { name: 'Vyhlásit', exact: true }).click();
    await expect(page.getByText('vyhlášená', { exact: true })).toBeVisible();
    const links = page.getByRole('navigation', { name: 'Hodnocení výzvy' });
    await expect(links.getByRole('link', { name: 'Komise DOT' })).toHaveAttribute('href', /\/commission$/);
    await expect(links.getByRole('link', { name: 'Formální kontrola' })).toHaveAttribute('href', /\/formal-check$/);
    await expect(links.getByRole('link', { name: 'Pořadí a návrh financování' })).toHaveAttribute('href', /\/ranking$/);
    await expect(page.getByRole('region', { name: 'Rozpočet výzvy' })).toContainText('1 000 000');
    await visit(page, 'announced call');

    // The programme now counts the call's allocations.
    await page.getByRole('navigation', { name: 'Nacházíte se zde' }).getByRole('link', { name: 'Výzvy' }).click();
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await visit(page, 'calls');
  });

  test('the scored call: the evaluation closed on the board, a decision with the Council route shown before saving, the contract and its publication', async ({
    page,
    request,
  }) => {
    const officer = await apiAs(request, DEMO.officer);
    const calls = await officer.get<Page1<{ id: string; title: string }>>('/calls?pageSize=200');
    const call = calls.items.find((c) => c.title === SCORED.callTitle);
    expect(call, 'the demo call whose evaluation waits to be closed').toBeDefined();
    const inCall = async () => (await officer.get<Page1<ApplicationSummary>>(`/applications?callId=${call!.id}&pageSize=200`)).items;
    const byTitle = (items: ApplicationSummary[], title: string) => items.find((a) => a.title === title)!;

    // The board: fill the proposals down the ranking, then close the evaluation (asked first).
    await signIn(page, DEMO.officer);
    await page.goto(`/officer/calls/${call!.id}/ranking`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pořadí a návrhy dotací: ${SCORED.callTitle}`);
    await page.getByRole('button', { name: commission.board.fill }).click();
    await expect(page.getByText(commission.board.filled)).toBeVisible();
    await page.getByRole('button', { name: commission.board.close }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: commission.board.confirm }).click();
    await expect(page.getByText(commission.board.closedNow)).toBeVisible();
    await expect(page.getByRole('button', { name: commission.board.close })).toHaveCount(0);
    await visit(page, 'ranking board after closing');
    const evaluated = await inCall();
    expect(Object.fromEntries(evaluated.map((a) => [a.title, a.status]))).toEqual({
      [SCORED.applications.leading.title]: 'recommended',
      [SCORED.applications.runnerUp.title]: 'recommended',
      [SCORED.applications.belowMinimum.title]: 'not_recommended',
    });
    const application = byTitle(evaluated, SCORED.applications.leading.title);
    expect(application.proposedCzk).toBe(application.requestedCzk);

    await page.goto('/officer');
    await visit(page, 'officer home');
    await page.getByRole('region', { name: /Doporučené, čekají na rozhodnutí/ }).getByRole('link', { name: application.title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(application.title);
    await visit(page, 'recommended application');

    await expect(page.getByLabel('Dotaci schválit')).toBeChecked();
    const route = page.getByTestId('decision-route');
    await expect(route).toContainText('Vyberte rozhodující orgán');
    await expect(route).toContainText('do 1 000 000 Kč jednomu příjemci v kalendářním roce');
    await tick(page, 'Rada hl. m. Prahy');
    await expect(route).toContainText('Rada hl. m. Prahy');
    await page.getByLabel('Číslo usnesení').fill(`R-${Date.now().toString().slice(-6)}`);
    await screenshot(page, 'officer-decision');
    await page.getByRole('button', { name: 'Zapsat rozhodnutí' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Rada hl. m. Prahy');
    await expect(dialog).toContainText('do 1 000 000 Kč');
    await dialog.getByRole('button', { name: 'Zapsat rozhodnutí' }).click();
    await expect(page.getByTestId('application-notice')).toContainText('Rozhodnutí je zapsáno');
    await expect(page.getByText('schválená', { exact: true }).first()).toBeVisible();

    // The contract: over CZK 50,000 it must be published within 30 days.
    const contract = page.getByRole('form', { name: 'Smlouva' });
    await expect(contract.getByLabel('Bankovní účet příjemce')).not.toHaveValue('');
    await contract.getByLabel('Číslo smlouvy').fill(`SML/${Date.now().toString().slice(-8)}`);
    await contract.getByRole('button', { name: 'Uložit podepsanou smlouvu' }).click();
    await expect(page.getByTestId('contract-facts')).toBeVisible();
    const awarded = application.proposedCzk ?? application.requestedCzk;
    if (awarded > 50_000) {
      await expect(page.getByTestId('contract-facts')).toContainText(czechDate(addDays(pragueToday(), 30)));
      await page.getByLabel('Adresa v registru').fill('https://smlouvy.gov.cz/smlouva/99001');
      await page.getByRole('button', { name: 'Zapsat zveřejnění' }).click();
      await expect(page.getByTestId('contract-facts')).toContainText('https://smlouvy.gov.cz/smlouva/99001');
    } else {
      await expect(page.getByTestId('contract-facts')).toContainText('není povinné');
    }
    // The approval letter is prepared in the background and can be downloaded.
    const letters = page.getByRole('region', { name: 'Dopisy' });
    await expect(letters.getByRole('button', { name: /Stáhnout PDF/ })).toBeVisible({ timeout: 30_000 });
    const download = page.waitForEvent('download');
    await letters.getByRole('button', { name: /Stáhnout PDF/ }).click();
    expect((await download).suggestedFilename()).toMatch(/approval\.pdf$/);
    await visit(page, 'contracted application');
  });

  test('deviating from the commission: the reason is asked for where the decision deviates, refused without it, shown before saving', async ({ page, request }) => {
    const officer = await apiAs(request, DEMO.officer);
    const calls = await officer.get<Page1<{ id: string; title: string }>>('/calls?pageSize=200');
    const callId = calls.items.find((c) => c.title === SCORED.callTitle)!.id;
    const inCall = async () => (await officer.get<Page1<ApplicationSummary>>(`/applications?callId=${callId}&pageSize=200`)).items;
    // Set-up when this test runs alone: the evaluation the decision journey closes on the board.
    if ((await inCall()).some((a) => a.status === 'eligible')) await officer.send('POST', `/calls/${callId}/close-evaluation`, {});
    const items = await inCall();
    const runnerUp = items.find((a) => a.title === SCORED.applications.runnerUp.title)!;
    const belowMinimum = items.find((a) => a.title === SCORED.applications.belowMinimum.title)!;
    expect([runnerUp.status, belowMinimum.status]).toEqual(['recommended', 'not_recommended']);
    const reason = () => page.getByLabel('Důvod odchylky od komise');

    // A recommended application at its proposal asks for no reason; above the proposal it does (here the API then
    // also refuses the amount above the request).
    await signIn(page, DEMO.officer);
    await page.goto(`/officer/applications/${runnerUp.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(runnerUp.title);
    await expect(page.getByLabel('Dotaci schválit')).toBeChecked();
    await expect(reason()).toHaveCount(0);
    await page.getByLabel('Přiznaná částka').fill(String(runnerUp.proposedCzk! + 1));
    await expect(reason()).toBeVisible();
    await expect(control(page, 'deviationReason')).toContainText('částka je vyšší než návrh komise');
    await page.getByLabel('Přiznaná částka').fill(String(runnerUp.proposedCzk));
    await expect(reason()).toHaveCount(0);

    // The commission did not recommend this one: approving it needs the reason; without it the API says so at the field.
    await page.goto(`/officer/applications/${belowMinimum.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(belowMinimum.title);
    await expect(page.getByText('Rada nebo Zastupitelstvo ji přesto mohou schválit')).toBeVisible();
    await expect(reason()).toHaveCount(0);
    await tick(page, 'Dotaci schválit');
    await expect(reason()).toBeVisible();
    await expect(control(page, 'deviationReason')).toContainText('komise žádost nedoporučila');
    await page.getByLabel('Přiznaná částka').fill('80 000');
    await tick(page, 'Rada hl. m. Prahy');
    await page.getByLabel('Číslo usnesení').fill(`R-${Date.now().toString().slice(-6)}`);
    await page.getByRole('button', { name: 'Zapsat rozhodnutí' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Zapsat rozhodnutí' }).click();
    await expect(page.locator('.problem-summary')).toBeVisible();
    await expect(control(page, 'deviationReason')).toContainText('odchyl');
    await visit(page, 'decision deviating from the commission, refused');
    await screenshot(page, 'officer-decision-deviation');

    // Given, it is shown with the rest before saving (cancelled here: the letters journey rejects this application).
    await reason().fill('Rada ocenila jedinou linku v ukrajinštině o víkendech.');
    await page.getByRole('button', { name: 'Zapsat rozhodnutí' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Důvod odchylky od komise');
    await expect(dialog).toContainText('Rada ocenila jedinou linku v ukrajinštině o víkendech.');
    await dialog.getByRole('button', { name: 'Zrušit' }).click();
    expect((await inCall()).find((a) => a.id === belowMinimum.id)!.status).toBe('not_recommended');
  });

  test('the contract of a demo grant is published', async ({ page, request }) => {
    const officer = await apiAs(request, DEMO.officer);
    const contracted = await officer.get<Page1<ApplicationSummary>>('/applications?status=contracted&pageSize=200');
    const target = contracted.items.find((a) => a.title === DEMO_STAGES.decided.applications.awaitingPublication.title);
    expect(target, 'the demo contract waiting for publication').toBeDefined();

    await signIn(page, DEMO.officer);
    await page.goto(`/officer/applications/${target!.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target!.title);
    await expect(page.getByTestId('contract-facts')).toContainText('zveřejnit do');
    await visit(page, 'contract waiting for publication');

    // The settlement deadline (copied from the call) is the contract's; an amendment moves it until the settlement is reviewed.
    const newDeadline = addDays(pragueToday(), 200);
    await page.getByRole('form', { name: 'Změna lhůty vyúčtování' }).getByLabel('Vyúčtování nejpozději do').fill(newDeadline);
    await page.getByRole('button', { name: 'Uložit novou lhůtu' }).click();
    await expect(page.getByTestId('application-notice')).toHaveText('Lhůta vyúčtování ve smlouvě je změněna.');
    await expect(page.getByTestId('contract-settlement-due')).toContainText(czechDate(newDeadline));

    await page.getByLabel('Adresa v registru').fill('https://smlouvy.gov.cz/smlouva/99002');
    await page.getByRole('button', { name: 'Zapsat zveřejnění' }).click();
    await expect(page.getByTestId('application-notice')).toHaveText('Zveřejnění smlouvy je zapsáno.');
    await expect(page.getByTestId('contract-facts')).toContainText('https://smlouvy.gov.cz/smlouva/99002');
  });

  test('the waiting settlement is reviewed: the return due is answered', async ({ page }) => {
    const title = DEMO_STAGES.decided.applications.settlementForReview.title;
    await signIn(page, DEMO.officer);
    await page.goto('/officer');
    const queue = page.getByRole('region', { name: /Vyúčtování čekající na kontrolu/ });
    await queue.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const settlement = page.getByRole('region', { name: 'Finanční vypořádání' });
    await expect(settlement).toContainText('246 800');
    await expect(settlement.getByLabel('Uznáno jako vyčerpané')).toHaveValue('246800');
    await visit(page, 'settlement for review');

    // Less accepted than spent needs a note: the API says so, and keeps what was typed.
    await settlement.getByLabel('Uznáno jako vyčerpané').fill('240 000');
    await settlement.getByRole('button', { name: 'Zapsat kontrolu' }).click();
    await expect(settlement.locator('.problem-summary')).toBeVisible();
    await expect(settlement.getByLabel('Uznáno jako vyčerpané')).toHaveValue('240 000');
    await settlement.getByLabel('Poznámka ke kontrole').fill('Výdaje za pronájem 6 800 Kč nejsou doloženy.');
    await settlement.getByRole('button', { name: 'Zapsat kontrolu' }).click();
    await expect(page.getByTestId('application-notice')).toHaveText('Kontrola je zapsána; vyúčtování je tím uzavřeno.');
    await expect(page.getByText('vyúčtována', { exact: true }).first()).toBeVisible();
    const outcome = settlement.locator('dl.facts');
    await expect(outcome).toContainText('240 000');
    await expect(outcome).toContainText(/10\s000\sKč\s+do\s+\d+\.\s*\d+\.\s*\d{4}/);
    // What the review refused is due by its remedy deadline (30 days after the review by default).
    await expect(settlement.getByTestId('settlement-refused')).toContainText(/6\s800\sKč\s+do\s+/);
    await expect(settlement.getByTestId('settlement-refused')).toContainText(czechDate(addDays(pragueToday(), 30)));
    await expectAccessible(page, 'settlement reviewed');
  });

  test('letters across calls: the failed ones with their reason, and a retry', async ({ page, request }) => {
    const officer = await apiAs(request, DEMO.officer);
    const calls = await officer.get<Page1<{ id: string; title: string }>>('/calls?pageSize=200');
    const callId = calls.items.find((c) => c.title === SCORED.callTitle)!.id;
    const find = async () =>
      (await officer.get<Page1<ApplicationSummary>>(`/applications?callId=${callId}&pageSize=200`)).items.find((a) => a.title === SCORED.applications.belowMinimum.title)!;
    // Set-up when this test runs alone: the evaluation the decision journey closes on the board.
    if ((await find()).status === 'eligible') await officer.send('POST', `/calls/${callId}/close-evaluation`, {});
    const toReject = await find();
    expect(toReject.status).toBe('not_recommended');
    // A letter the renderer cannot print (its reasons use a script the letter font lacks) fails after its attempts.
    await officer.send('POST', `/applications/${toReject.id}/decision`, {
      outcome: 'rejected',
      body: 'council',
      resolutionNumber: `R-${Date.now().toString().slice(-6)}`,
      resolutionDate: pragueToday(),
      reasons: ['Projekt nesplňuje podmínky výzvy 漢字'],
    });
    // The worker tries a few times with a short backoff before the letter is marked failed.
    await expect
      .poll(async () => (await officer.get<{ kind: string; status: string }[]>(`/applications/${toReject.id}/letters`)).find((l) => l.kind === 'rejection')?.status, {
        timeout: 60_000,
      })
      .toBe('failed');

    await signIn(page, DEMO.officer);
    await page.goto('/officer/letters');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dopisy');
    const statusFilter = page.getByRole('combobox', { name: /^Stav/ });
    await expect(statusFilter).toHaveValue('failed');
    const row = page.getByRole('row').filter({ hasText: 'oznámení o neposkytnutí' }).filter({ hasText: SCORED.applications.belowMinimum.organisation });
    await expect(row).toContainText('selhal');
    await expect(row).toContainText('font');
    await visit(page, 'failed letters');
    await screenshot(page, 'officer-letters');
    await row.getByRole('button', { name: /Zkusit znovu/ }).click();
    await expect(page.getByTestId('letters-notice')).toContainText('dopis (oznámení o neposkytnutí) je znovu předán a připravuje se.');
    // Tried again, it fails again (the reasons are unchanged) — and says so, with no second copy of the letter.
    await expect
      .poll(async () => (await officer.get<{ kind: string; status: string }[]>(`/applications/${toReject.id}/letters`)).map((l) => `${l.kind}:${l.status}`), {
        timeout: 60_000,
      })
      .toEqual(['rejection:failed']);

    // The ready letters of the decided call, each downloadable.
    await statusFilter.selectOption('ready');
    const callFilter = page.getByRole('combobox', { name: /^Výzva/ });
    const decidedCall = await callFilter.locator('option', { hasText: DEMO_STAGES.decided.callTitle }).getAttribute('value');
    await callFilter.selectOption(decidedCall!);
    const table = page.getByRole('table');
    await expect(table).toContainText(DEMO_STAGES.decided.applications.closed.organisation);
    await expect(table.getByRole('button', { name: /Stáhnout PDF/ }).first()).toBeVisible();
    await visit(page, 'ready letters');
  });
});
