import type { APIRequestContext } from '@playwright/test';
import { DEMO_STAGES } from '../../apps/api/src/demo/demo-data';
import cs from '../../apps/web/src/i18n/locales/cs/commission.json';
import errorsCs from '../../apps/web/src/i18n/locales/cs/errors.json';
import { apiAs, expect, expectAccessible, expectNoMissingMessages, screenshot, signIn, test, DEMO } from './support/fixtures';

/*
 * Journey 4, the evaluation screens of the NMF officer. Mutates: the formal check of the
 * demo's closed call's "awaitingCheck" (eligible) and "awaitingCheckToo" (returned for
 * correction) applications, and the closed call's funding proposals; sets the commission
 * of a draft call it creates itself. The evaluation is never closed (the demo keeps a
 * correction pending, so the close is refused and explained).
 */
const CLOSED = DEMO_STAGES.closed;

interface Paged<T> {
  items: T[];
  total: number;
}
interface CallSummary {
  id: string;
  title: string;
}
interface ApplicationSummary {
  id: string;
  title: string;
  referenceNumber: string | null;
  requestedCzk: number;
  status: string;
}

async function closedCall(request: APIRequestContext): Promise<string> {
  const officer = await apiAs(request, DEMO.officer);
  const calls = await officer.get<Paged<CallSummary>>('/calls?pageSize=200');
  const call = calls.items.find((c) => c.title === CLOSED.callTitle);
  expect(call, 'the demo call in evaluation').toBeDefined();
  return call!.id;
}

async function applicationOf(request: APIRequestContext, callId: string, title: string): Promise<ApplicationSummary> {
  const officer = await apiAs(request, DEMO.officer);
  const list = await officer.get<Paged<ApplicationSummary>>(`/applications?callId=${callId}&pageSize=200`);
  const found = list.items.find((a) => a.title === title);
  expect(found, title).toBeDefined();
  return found!;
}

interface Ranking {
  parts: { code: string; allocationCzk: number; proposedCzk: number }[];
  items: { applicationId: string; proposedCzk: number | null }[];
}

const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');
const kc = (n: number): string => `${plain(new Intl.NumberFormat('cs-CZ').format(n))} Kč`;

/** A Prague calendar date `days` from today, as the date input takes it. */
function pragueDatePlus(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

test.describe('NMF officer: evaluation', () => {
  test('formal check: one waiting application eligible, another returned for correction with a due date', async ({ page, request }) => {
    const callId = await closedCall(request);
    const eligible = await applicationOf(request, callId, CLOSED.applications.awaitingCheck.title);
    const correction = await applicationOf(request, callId, CLOSED.applications.awaitingCheckToo.title);
    await signIn(page, DEMO.officer);
    await page.goto(`/officer/calls/${callId}/formal-check`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Formální kontrola: ${CLOSED.callTitle}`);
    const waiting = page.getByRole('table', { name: /čekající na formální kontrolu/ });
    await expect(waiting.getByRole('row', { name: new RegExp(eligible.title) })).toBeVisible();
    await expect(waiting.getByRole('row', { name: new RegExp(correction.title) })).toBeVisible();
    await expect(page.getByRole('table', { name: /vrácené k odstranění vad/ }).getByRole('row', { name: new RegExp(CLOSED.applications.correction.title) })).toBeVisible();
    await expectAccessible(page, 'formal-check queue');

    await page.getByRole('button', { name: `Zkontrolovat ${eligible.referenceNumber}` }).click();
    await expect(page.getByRole('heading', { level: 2, name: `Formální kontrola žádosti ${eligible.referenceNumber}` })).toBeFocused();
    await page.getByText(cs.formalCheck.result.eligible, { exact: true }).click();
    await page.getByRole('button', { name: cs.formalCheck.submit }).click();
    await expect(page.getByRole('status').filter({ hasText: `Žádost ${eligible.referenceNumber}` })).toContainText(cs.formalCheck.result.eligible);
    await expect(waiting.getByRole('row', { name: new RegExp(eligible.title) })).toHaveCount(0);

    // Returned for correction: the server names every missing part at once, the choice kept; then the defects and a date.
    await page.getByRole('button', { name: `Zkontrolovat ${correction.referenceNumber}` }).click();
    await page.getByText(cs.formalCheck.result.correction_requested, { exact: true }).click();
    await page.getByRole('button', { name: cs.formalCheck.submit }).click();
    const summary = page.locator('.problem-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: cs.formalCheck.reasonsDefects })).toBeVisible();
    await expect(summary.getByRole('link', { name: cs.formalCheck.dueOnLabel })).toBeVisible();
    await expect(page.locator('#field-reasons-error')).toBeVisible();
    await expect(page.locator('#field-correctionDueOn-error')).toBeVisible();
    await expect(page.getByRole('radio', { name: cs.formalCheck.result.correction_requested })).toBeChecked();
    await expectAccessible(page, 'formal-check form with problems');

    const dueOn = pragueDatePlus(14);
    await page.getByLabel(cs.formalCheck.reasonsDefects).fill('Chybí podpis statutárního orgánu.\n\nRozpočet neuvádí náklady na pronájem.');
    await page.getByLabel(cs.formalCheck.dueOnLabel).fill(dueOn);
    await screenshot(page, 'officer-formal-check');
    await page.getByRole('button', { name: cs.formalCheck.submit }).click();
    await expect(page.getByRole('status').filter({ hasText: `Žádost ${correction.referenceNumber}` })).toContainText(cs.formalCheck.result.correction_requested);
    const [y, m, d] = dueOn.split('-').map(Number);
    const returned = page.getByRole('table', { name: /vrácené k odstranění vad/ }).getByRole('row', { name: new RegExp(correction.title) });
    await expect(returned).toContainText(`${d}. ${m}. ${y}`);
    await expect(returned).toContainText(cs.formalCheck.applicantMayCorrect);
    await expectAccessible(page, 'formal check after recording');
    await expectNoMissingMessages(page);

    const officer = await apiAs(request, DEMO.officer);
    const after = await officer.get<{ status: string; correctionDueOn: string | null; formalChecks: { reasons: string[] }[] }>(`/applications/${correction.id}`);
    expect(after).toMatchObject({ status: 'correction_requested', correctionDueOn: dueOn });
    expect(after.formalChecks.at(-1)?.reasons).toEqual(['Chybí podpis statutárního orgánu.', 'Rozpočet neuvádí náklady na pronájem.']);
  });

  test('commission of a call: the quorum rule, a too-small commission refused, then three members and a chair', async ({ page, request }) => {
    const officer = await apiAs(request, DEMO.officer);
    const year = new Date().getFullYear() + 2;
    const code = `WEBD${Date.now().toString(36).toUpperCase().slice(-6)}`;
    const programme = await officer.send<{ id: string }>('POST', '/programmes', { code, name: `Komise – test ${code}`, year, appropriationCzk: 1_000_000 });
    const call = await officer.send<{ id: string; title: string }>('POST', '/calls', {
      programmeId: programme.id,
      title: `Výzva pro zkoušku komise ${code}`,
      announcedOn: `${year - 1}-10-01`,
      submissionOpensAt: `${year - 1}-11-02T09:00:00+01:00`,
      submissionClosesAt: `${year - 1}-12-01T14:00:00+01:00`,
      decisionDueOn: `${year}-03-31`,
      settlementDueOn: `${year + 1}-01-31`,
      eligibleApplicantKinds: ['ngo', 'district'],
      eligibleMeasureCodes: ['21.III'],
      maxApplicationsPerOrganisation: 2,
      minScore: 60,
      quorum: 2,
      maxRequestShareOfCostsPct: 70,
      parts: [{ code: '1', name: 'Jazykové kurzy', allocationCzk: 500_000, minRequestCzk: 20_000, maxRequestCzk: 200_000 }],
      criteria: [{ code: 'K1', name: 'Soulad s Koncepcí', maxPoints: 100 }],
    });

    await signIn(page, DEMO.officer);
    await page.goto(`/officer/calls/${call.id}/commission`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Komise pro výzvu: ${call.title}`);
    await expect(page.getByText(cs.setup.noneYet)).toBeVisible();
    await expect(page.getByText(/usnášeníschopnost výzvy je 2/)).toBeVisible();
    await expectAccessible(page, 'commission set-up');

    // One member is fewer than the quorum: refused by the server next to the members, the choice kept.
    await page.getByText('Karel Komisař (commission1@demo.praha.eu)').click();
    await page.getByLabel(cs.setup.chairLabel).selectOption({ label: 'Karel Komisař' });
    await page.getByRole('button', { name: cs.setup.submit }).click();
    const summary = page.locator('.problem-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: cs.setup.members })).toBeVisible();
    await expect(page.locator('#field-memberIds-error')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /Karel Komisař/ })).toBeChecked();
    await expect(page.getByLabel(cs.setup.chairLabel)).toHaveValue(/[0-9a-f-]{36}/);
    await expectAccessible(page, 'commission set-up refused');

    await page.getByText('Věra Hodnotitelová (commission2@demo.praha.eu)').click();
    await page.getByText('Tomáš Posudek (commission3@demo.praha.eu)').click();
    await expect(page.getByText('Vybráno členů: 3; usnášeníschopnost: 2')).toBeVisible();
    await page.getByRole('button', { name: cs.setup.submit }).click();
    await expect(page.getByRole('status').filter({ hasText: cs.setup.saved })).toBeVisible();
    const members = page.locator('.member-list li');
    await expect(members).toHaveCount(3);
    await expect(members.filter({ hasText: 'Karel Komisař' })).toContainText(cs.setup.chair);
    await expectAccessible(page, 'commission saved');
    await expectNoMissingMessages(page);
  });

  test('ranking board: the remaining allocation, a proposal above the request refused by its row, a valid one, fill down the ranking, close explained', async ({
    page,
    request,
  }) => {
    const callId = await closedCall(request);
    const app = await applicationOf(request, callId, CLOSED.applications.scoredTwice.title);
    await signIn(page, DEMO.officer);
    await page.goto(`/officer/calls/${callId}/ranking`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pořadí a návrhy dotací: ${CLOSED.callTitle}`);
    const allocation = page.getByRole('region', { name: 'Alokace okruhu 1' });
    await expect(allocation).toContainText('1 300 000');
    const board = page.getByRole('table', { name: /Pořadí a návrhy v okruhu 1/ });
    const row = board.getByRole('row', { name: new RegExp(app.title) });
    await expect(row).toBeVisible();
    await expectAccessible(page, 'ranking board');

    // Above the request: refused, the message next to the row's field, what was typed kept.
    const tooMuch = String(app.requestedCzk + 1_000);
    await row.getByRole('button', { name: `Upravit návrh pro ${app.referenceNumber}` }).click();
    const field = page.getByLabel(`Návrh pro ${app.referenceNumber} (Kč)`);
    await field.fill(tooMuch);
    await page.getByRole('button', { name: cs.board.saveProposal }).click();
    await expect(row.locator('#field-proposedCzk-error')).toContainText(errorsCs.PROPOSAL_EXCEEDS_REQUEST);
    await expect(page.locator('.problem-summary')).toContainText(errorsCs.PROPOSAL_EXCEEDS_REQUEST);
    await expect(field).toHaveValue(tooMuch);
    await expectAccessible(page, 'ranking board with a refused proposal');

    await field.fill('100000');
    await page.getByRole('button', { name: cs.board.saveProposal }).click();
    await expect(page.getByText(`Návrh pro ${app.referenceNumber} je uložen.`)).toBeVisible();
    await expect(row).toContainText('100 000');
    const officer = await apiAs(request, DEMO.officer);
    const ranking = await officer.get<Ranking>(`/calls/${callId}/ranking?partCode=1`);
    const part1 = ranking.parts.find((p) => p.code === '1')!;
    await expect.poll(async () => plain(await allocation.innerText())).toContain(kc(part1.proposedCzk));
    await expect.poll(async () => plain(await allocation.innerText())).toContain(kc(part1.allocationCzk - part1.proposedCzk));

    // Fill down the ranking: every recommended application gets its request while the allocation lasts.
    await page.getByRole('button', { name: cs.board.fill }).click();
    await expect(page.getByText(cs.board.filled)).toBeVisible();
    // Cells (the application is the row header): rank, average, normalised, scorers, spread, requested, proposal, recommended.
    await expect.poll(async () => plain(await row.getByRole('cell').nth(6).innerText())).toContain(kc(app.requestedCzk));
    await expect(page.getByText(`Návrh pro ${app.referenceNumber} je uložen.`)).toHaveCount(0);
    const filled = await officer.get<Ranking>(`/calls/${callId}/ranking?partCode=1`);
    expect(filled.items.find((i) => i.applicationId === app.id)?.proposedCzk).toBe(app.requestedCzk);
    const filledPart = filled.parts.find((p) => p.code === '1')!;
    await expect.poll(async () => plain(await allocation.innerText())).toContain(kc(filledPart.allocationCzk - filledPart.proposedCzk));
    await expect(page.getByText(cs.board.noFundingLine).first()).toBeVisible();
    await expectAccessible(page, 'ranking board after filling');
    await expectNoMissingMessages(page);
    await screenshot(page, 'officer-ranking');

    // Closing asks first, explains what it freezes, and here is refused: a correction is still pending.
    await page.getByRole('button', { name: cs.board.close }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText(cs.board.confirmFreezes);
    await expect(dialog).toContainText(cs.board.confirmFinal);
    await dialog.getByRole('button', { name: cs.board.confirm }).click();
    const problem = page.locator('.problem-summary');
    await expect(problem).toContainText(errorsCs.FORMAL_CHECK_PENDING);
    await expect(problem).toContainText(cs.board.formalCheckPending);
    await expect(problem.getByRole('link', { name: cs.board.toFormalCheck })).toBeVisible();
    await expect(page.getByRole('button', { name: cs.board.close })).toBeVisible();
    await expectAccessible(page, 'close refused');
  });
});
