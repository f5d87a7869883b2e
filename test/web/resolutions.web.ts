import type { Locator, Page } from '@playwright/test';
import { DEMO_STAGES } from '../../apps/api/src/demo/demo-data';
import commission from '../../apps/web/src/i18n/locales/cs/commission.json';
import errors from '../../apps/web/src/i18n/locales/cs/errors.json';
import officer from '../../apps/web/src/i18n/locales/cs/officer.json';
import { addDays } from '../../libs/core/src/time/prague-time';
import { apiAs, DEMO, expect, expectAccessible, expectNoMissingMessages, screenshot, signIn, test } from './support/fixtures';

/**
 * The Council's resolution through the portal: the drafts prepared on the call's page
 * (refused, and explained, while the evaluation is open), a draft withdrawn with its
 * reason and prepared again, a line edited in the draft editor (an amount above the
 * request refused at the amount, a draft changed meanwhile reloaded, an approval with a
 * new amount), the resolution adopted with its number and date and shown adopted with
 * each line's letter; nothing is left to resolve afterwards.
 *
 * Demo records changed here: the scored call (its evaluation closed here when the
 * officer desk's journey has not closed it; its applications still undecided —
 * `runnerUp` after that journey — are decided by the adopted resolution).
 */

const SCORED = DEMO_STAGES.scored;
const CLOSED = DEMO_STAGES.closed;
const R = officer.resolution;

type Page1<T> = { items: T[]; total: number };
interface ApplicationSummary {
  id: string;
  title: string;
  status: string;
  referenceNumber: string;
  requestedCzk: number;
  proposedCzk: number | null;
}

/** The form control (label, input, messages) of a field by its API path. */
const control = (scope: Locator, path: string): Locator => scope.locator('.gov-form-control').filter({ has: scope.page().locator(`[name="${path}"]`) });

/** Ticks a design-system radio as a person does: by its label. */
async function tick(scope: Page | Locator, label: string | RegExp): Promise<void> {
  await scope.locator('label', { hasText: label }).click();
}

async function visit(page: Page, what: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, what);
  await expectNoMissingMessages(page);
}

/**
 * Downloads a document in one format: a PDF the worker is still rendering is first told as being
 * prepared (the first request asks for it), then downloaded once ready.
 */
async function downloadDocument(page: Page, button: Locator, fileName: RegExp, firstPreparing = false): Promise<void> {
  if (firstPreparing) {
    await button.click();
    await expect(page.getByText(/se teprve připravuje\. Zkuste jej stáhnout za chvíli znovu\./)).toBeVisible();
  }
  await expect(async () => {
    const download = page.waitForEvent('download', { timeout: 2_000 });
    await button.click();
    expect((await download).suggestedFilename()).toMatch(fileName);
  }).toPass({ timeout: 45_000 });
}

const pragueToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const yesterday = (): string => addDays(pragueToday(), -1);

/** Whole CZK as the Czech portal writes it ("150 000 Kč", with any kind of space). */
const czk = (amount: number): RegExp => new RegExp(`${amount.toLocaleString('en-US').replace(/,/g, '\\s')}\\sKč`);

test.describe('resolutions', () => {
  test('the Council’s draft: prepared, withdrawn, prepared again, a line edited, adopted with its number and date', async ({ page, request }) => {
    const api = await apiAs(request, DEMO.officer);
    const calls = (await api.get<Page1<{ id: string; title: string }>>('/calls?pageSize=200')).items;
    const scoredId = calls.find((c) => c.title === SCORED.callTitle)!.id;
    const closedId = calls.find((c) => c.title === CLOSED.callTitle)!.id;
    const inCall = async () => (await api.get<Page1<ApplicationSummary>>(`/applications?callId=${scoredId}&pageSize=200`)).items;
    // Set-up when this file runs without the officer desk's journey, which fills the proposals and closes this evaluation on the board.
    if ((await inCall()).some((a) => a.status === 'eligible')) {
      await api.send('POST', `/calls/${scoredId}/funding-proposal`, {});
      await api.send('POST', `/calls/${scoredId}/close-evaluation`, {});
    }
    const undecided = (await inCall()).filter((a) => a.status === 'recommended' || a.status === 'not_recommended');
    const runnerUp = undecided.find((a) => a.title === SCORED.applications.runnerUp.title)!;
    expect(runnerUp.status).toBe('recommended');

    await signIn(page, DEMO.officer);

    // The evaluation of the closed call is still open: nothing can be drafted, and the page says why.
    await page.goto(`/officer/calls/${closedId}`);
    const closedSection = page.getByRole('region', { name: officer.resolutions.heading });
    await expect(closedSection).toContainText(officer.resolutions.empty);
    await closedSection.getByRole('button', { name: officer.resolutions.prepare }).click();
    await expect(closedSection.getByRole('alert')).toContainText(errors.EVALUATION_NOT_CLOSED);
    await visit(page, 'resolutions refused while the evaluation is open');

    // The scored call: the commission's minutes (the PDF prepared in the background, the CSV at once).
    await page.goto(`/officer/calls/${scoredId}`);
    const minutes = page.getByRole('region', { name: officer.minutes.heading });
    await downloadDocument(page, minutes.getByRole('button', { name: 'Stáhnout CSV: zápis z jednání komise' }), /^zapis-komise-.*\.csv$/);
    await downloadDocument(page, minutes.getByRole('button', { name: 'Stáhnout PDF: zápis z jednání komise' }), /^zapis-komise-.*\.pdf$/, true);

    // The Council's draft prepared, then withdrawn with a reason.
    const section = page.getByRole('region', { name: officer.resolutions.heading });
    await section.getByRole('button', { name: officer.resolutions.prepare }).click();
    await expect(page.getByTestId('resolutions-notice')).toContainText('Připravené návrhy usnesení: 1');
    await section.getByRole('link', { name: R.title.draft.council }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(R.title.draft.council);
    await expect(page.getByTestId('resolution-facts')).toContainText(R.statuses.draft);
    const closeForm = page.getByRole('form', { name: R.closeHeading });
    await tick(closeForm, R.closing.withdrawal);
    await closeForm.getByRole('textbox', { name: /^Důvod/ }).fill('Odbor doplní podklady pro Radu.');
    await closeForm.getByRole('button', { name: R.closing.withdrawal }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: R.closing.withdrawal }).click();
    await expect(page.getByTestId('resolution-notice')).toContainText(R.closedNow.withdrawal);
    await expect(page.getByTestId('resolution-facts')).toContainText('Odbor doplní podklady pro Radu.');
    await expect(page.getByRole('button', { name: R.adopt })).toHaveCount(0);

    // Its applications are free again: a new draft.
    await page.getByRole('link', { name: SCORED.callTitle }).click();
    await section.getByRole('button', { name: officer.resolutions.prepare }).click();
    await expect(section.getByRole('row')).toHaveCount(3);
    await expect(section.getByRole('row').filter({ hasText: R.statuses.withdrawn })).toHaveCount(1);
    await section.getByRole('row').filter({ hasText: R.statuses.draft }).getByRole('link', { name: R.title.draft.council }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(R.title.draft.council);
    const resolutionId = page.url().split('/').pop()!;

    // The annex: the part with its money, the line as the commission left it.
    const part = page.getByRole('region', { name: /^Okruh 1:/ });
    const row = page.getByTestId(`line-${runnerUp.referenceNumber}`);
    await expect(row).toContainText(SCORED.applications.runnerUp.organisation);
    await expect(row).toContainText(R.outcomes.approved);
    await expect(row).toContainText(czk(runnerUp.proposedCzk!));
    await expect(part.getByTestId('part-1-totals')).toContainText(czk(600_000));
    await visit(page, 'draft resolution');

    // An amount above the request is refused at the amount.
    const label = `${runnerUp.referenceNumber} ${runnerUp.title}`;
    await page.getByRole('button', { name: `Upravit řádek ${label}` }).click();
    const form = page.getByRole('form', { name: `Upravit řádek ${label}` });
    await form.getByLabel(R.amount).fill(String(runnerUp.requestedCzk + 1));
    await form.getByRole('button', { name: R.saveLine }).click();
    await expect(control(form, 'amountCzk')).toContainText(errors.PROPOSAL_EXCEEDS_REQUEST);
    await visit(page, 'line refused at its amount');
    await screenshot(page, 'officer-resolution-line-refused');

    // Someone else changes the draft meanwhile: the edit is refused and the draft reloaded.
    await api.send('PATCH', `/resolutions/${resolutionId}/lines/${runnerUp.id}`, { outcome: 'rejected', reason: 'Rada žádá doplnit rozpočet.' });
    await form.getByLabel(R.amount).fill('120 000');
    await form.getByRole('button', { name: R.saveLine }).click();
    await expect(form.getByRole('alert')).toContainText(R.changedMeanwhile);
    await form.getByRole('button', { name: R.reload }).click();
    await expect(row).toContainText(R.outcomes.rejected);
    await expect(row).toContainText('Rada žádá doplnit rozpočet.');

    // Approved again, below the commission's proposal (no deviation): saved, the totals follow.
    await page.getByRole('button', { name: `Upravit řádek ${label}` }).click();
    await tick(form, /^schválit$/);
    await form.getByLabel(R.amount).fill('120 000');
    await expect(control(form, 'deviationReason')).toHaveCount(0);
    await form.getByRole('button', { name: R.saveLine }).click();
    await expect(page.getByTestId('resolution-notice')).toContainText(`Řádek ${runnerUp.referenceNumber} je uložen.`);
    await expect(row).toContainText(czk(120_000));
    // The part's approvals: this line's new amount and the other recommended lines' proposals (when this file runs alone, `leading`).
    const othersApproved = undecided.filter((a) => a.id !== runnerUp.id && a.status === 'recommended').reduce((sum, a) => sum + (a.proposedCzk ?? 0), 0);
    await expect(part.getByTestId('part-1-totals')).toContainText(new RegExp(`${R.approvedInDraft}${czk(othersApproved + 120_000).source}`));
    await screenshot(page, 'officer-resolution-draft');

    // The annex for the Council's materials in its three forms.
    const annex = page.getByRole('region', { name: R.annexHeading });
    await downloadDocument(page, annex.getByRole('button', { name: 'Stáhnout CSV: příloha usnesení' }), /^usneseni-council-.*-priloha-v\d+\.csv$/);
    await downloadDocument(page, annex.getByRole('button', { name: 'Stáhnout XLSX: příloha usnesení' }), /\.xlsx$/);
    await downloadDocument(page, annex.getByRole('button', { name: 'Stáhnout PDF: příloha usnesení' }), /\.pdf$/, true);

    // Dated before the evaluation closed (today): every line is refused, each at its line and in the summary; nothing is recorded.
    const number = `R-${Date.now().toString().slice(-6)}`;
    await page.getByLabel(R.number).fill(number);
    await page.getByLabel(R.date).fill(yesterday());
    await page.getByRole('button', { name: R.adopt }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: R.adopt }).click();
    const adoptForm = page.getByRole('form', { name: R.adoptHeading });
    await expect(adoptForm.getByRole('alert')).toContainText(errors.RESOLUTION_NOT_ADOPTABLE);
    await expect(adoptForm.getByRole('alert').getByRole('link', { name: label })).toBeVisible();
    await expect(page.locator(`#field-lines-${runnerUp.id}`)).toContainText(`${runnerUp.referenceNumber}: ${errors.RESOLUTION_BEFORE_EVALUATION_CLOSE}`);
    await expect(page.locator('[id^="field-lines-"]')).toHaveCount(undecided.length);
    await visit(page, 'adoption refused line by line');
    await screenshot(page, 'officer-resolution-not-adoptable');
    expect((await inCall()).find((a) => a.id === runnerUp.id)!.status).toBe('recommended');

    // Adopted with its number and today's date: every line decided, each with its letter.
    await page.getByLabel(R.date).fill(pragueToday());
    await page.getByRole('button', { name: R.adopt }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Rada hl. m. Prahy');
    await expect(dialog).toContainText(number);
    await dialog.getByRole('button', { name: R.adopt }).click();
    await expect(page.getByTestId('resolution-notice')).toContainText(R.adopted);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(R.title.act.council);
    await expect(page.getByTestId('resolution-adopted')).toContainText(number);
    await expect(page.getByTestId('resolution-facts')).toContainText(R.statuses.adopted);
    await expect(row.getByRole('link', { name: `Dopis k žádosti ${runnerUp.referenceNumber}` })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Upravit řádek/ })).toHaveCount(0);
    await visit(page, 'adopted resolution');
    await screenshot(page, 'officer-resolution-adopted');
    const decided = await inCall();
    expect(decided.find((a) => a.id === runnerUp.id)!.status).toBe('approved');
    for (const a of undecided) expect(['approved', 'rejected']).toContain(decided.find((d) => d.id === a.id)!.status);

    // Nothing is left to resolve on the call.
    await page.getByRole('link', { name: SCORED.callTitle }).click();
    await expect(section.getByRole('row').filter({ hasText: R.statuses.adopted })).toContainText(number);
    await section.getByRole('button', { name: officer.resolutions.prepare }).click();
    await expect(section.getByRole('alert')).toContainText(errors.NOTHING_TO_RESOLVE);
  });

  test('a member of the call’s commission downloads its minutes from the ranking', async ({ page, request }) => {
    const api = await apiAs(request, DEMO.officer);
    const calls = (await api.get<Page1<{ id: string; title: string }>>('/calls?pageSize=200')).items;
    const scoredId = calls.find((c) => c.title === SCORED.callTitle)!.id;
    // Set-up when this test runs alone: the evaluation closed as the journeys before close it.
    if ((await api.get<Page1<ApplicationSummary>>(`/applications?callId=${scoredId}&pageSize=200`)).items.some((a) => a.status === 'eligible')) {
      await api.send('POST', `/calls/${scoredId}/funding-proposal`, {});
      await api.send('POST', `/calls/${scoredId}/close-evaluation`, {});
    }
    await signIn(page, DEMO.commission1);
    await page.goto(`/commission/calls/${scoredId}/ranking`);
    const minutes = page.getByRole('region', { name: commission.minutes.heading });
    await expect(minutes).toBeVisible();
    await downloadDocument(page, minutes.getByRole('button', { name: 'Stáhnout CSV: zápis z jednání komise' }), /\.csv$/);
    await downloadDocument(page, minutes.getByRole('button', { name: 'Stáhnout PDF: zápis z jednání komise' }), /\.pdf$/);
    await visit(page, 'commission ranking with the minutes');
  });
});
