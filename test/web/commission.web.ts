import type { Page } from '@playwright/test';
import { DEMO_STAGES } from '../../apps/api/src/demo/demo-data';
import cs from '../../apps/web/src/i18n/locales/cs/commission.json';
import errorsCs from '../../apps/web/src/i18n/locales/cs/errors.json';
import { expect, expectAccessible, expectNoMissingMessages, screenshot, signIn, test, DEMO } from './support/fixtures';

/*
 * Journey 3: a member of the DOT Commission (commission3, who has scored nothing in the
 * demo's call in evaluation) declares, saves a draft (the peers stay hidden), submits, then
 * sees the peers' scores and the ranking; the chair (commission1) reopens commission2's
 * submitted sheet with a reason, and commission2 submits it again.
 * Mutates: commission3's declaration and sheet on the closed call's "scoredTwice"
 * application, and commission3's conflict declaration on its "unscored" one; commission2's
 * sheet on "scoredTwice" ends submitted again with its points unchanged (79).
 */
const CLOSED = DEMO_STAGES.closed;
const SCORED_TWICE = CLOSED.applications.scoredTwice;
const UNSCORED = CLOSED.applications.unscored;

async function openFromDesk(page: Page, title: string): Promise<string> {
  await page.goto('/commission');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(cs.home.title);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  return page.url().split('/').pop()!;
}

test.describe('DOT Commission member', () => {
  test('declares before the sheet, scores every criterion, then sees the peers’ scores and the ranking', async ({ page }) => {
    await signIn(page, DEMO.commission3);
    await expect(page).toHaveURL(/\/commission$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(cs.home.title);
    await expect(page.getByRole('heading', { level: 2, name: CLOSED.callTitle })).toBeVisible();
    const deskRow = page.getByRole('row', { name: new RegExp(SCORED_TWICE.title) });
    await expect(deskRow).toContainText(cs.state.declare);
    for (const key of ['conflict', 'scoredOnce', 'unscored'] as const) {
      await expect(page.getByRole('link', { name: CLOSED.applications[key].title })).toBeVisible();
    }
    await expectAccessible(page, 'commission desk');

    // Peer scores are not even asked for before the member's own sheet is in.
    const scoreReads: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'GET' && /\/api\/v1\/applications\/[^/]+\/scores$/.test(new URL(request.url()).pathname)) scoreReads.push(request.url());
    });

    const id = await openFromDesk(page, SCORED_TWICE.title);
    await expect(page.getByText(SCORED_TWICE.organisation).first()).toBeVisible();
    await expect(page.getByText(cs.declaration.notYet)).toBeVisible();
    await expect(page.getByText(cs.sheet.declareFirst)).toBeVisible();
    await expect(page.getByText(cs.peers.hiddenUntilYours)).toBeVisible();
    await expect(page.getByRole('button', { name: cs.sheet.submit })).toHaveCount(0);
    await expectAccessible(page, 'application before the declaration');

    // 1. The declaration comes first.
    await page.getByText(`Nemám střet zájmů se žadatelem ${SCORED_TWICE.organisation}`, { exact: true }).click();
    await page.getByRole('button', { name: cs.declaration.submit }).click();
    await expect(page.getByRole('status').filter({ hasText: cs.declaration.saved })).toBeVisible();

    // 2. The score sheet: one point above the first criterion's maximum is refused next to its field, the typed values kept.
    const points = (code: string) => page.getByLabel(new RegExp(`^Body za kritérium ${code} `));
    await expect(points('K1')).toBeVisible();
    const typed = { K1: '31', K2: '10', K3: '10', K4: '8', K5: '7' };
    for (const [code, value] of Object.entries(typed)) await points(code).fill(value);
    await page.getByLabel(cs.sheet.comment).fill('Dobrý záměr, slabší rozpočet a udržitelnost.');
    await expect(page.getByText('Celkem 66 z 100 bodů')).toBeVisible();
    await page.getByRole('button', { name: cs.sheet.submit }).click();
    const summary = page.locator('.problem-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(errorsCs.POINTS_OUT_OF_RANGE);
    await expect(page.locator('#field-points-0-points-error')).toContainText(errorsCs.POINTS_OUT_OF_RANGE);
    for (const [code, value] of Object.entries(typed)) await expect(points(code)).toHaveValue(value);
    await expect(page.getByLabel(cs.sheet.comment)).toHaveValue('Dobrý záměr, slabší rozpočet a udržitelnost.');
    expect(scoreReads, 'peer scores requested before the own sheet').toEqual([]);

    await points('K1').fill('15');
    await expect(page.getByText('Celkem 50 z 100 bodů')).toBeVisible();
    // A draft first: saved, but the peers stay hidden (and are not even asked for).
    await page.getByRole('button', { name: cs.sheet.saveDraft }).click();
    await expect(page.getByRole('status').filter({ hasText: cs.sheet.draftSaved })).toBeVisible();
    await expect(page.locator('.problem-summary')).toHaveCount(0);
    await expect(page.getByText(cs.peers.hiddenUntilYours)).toBeVisible();
    expect(scoreReads, 'peer scores requested for a draft').toEqual([]);
    await page.goto('/commission');
    await expect(page.getByRole('row', { name: new RegExp(SCORED_TWICE.title) })).toContainText('koncept: 50 b. – neodeslán');
    await openFromDesk(page, SCORED_TWICE.title);
    for (const [code, value] of Object.entries({ ...typed, K1: '15' })) await expect(points(code)).toHaveValue(value);
    await page.getByRole('button', { name: cs.sheet.submit }).click();
    await expect(page.getByRole('status').filter({ hasText: cs.sheet.submittedState })).toBeVisible();
    await expect(page.getByRole('button', { name: cs.sheet.saveDraft })).toHaveCount(0);

    // 3. Now the peers' sheets: 84 and 79 by the others, 50 by this member → average 71.00, spread 34 flagged.
    const peers = page.getByRole('table', { name: cs.peers.caption });
    await expect(peers).toBeVisible();
    await expect(peers.getByRole('row')).toHaveCount(4);
    await expect(peers.getByRole('row', { name: /Tomáš Posudek \(vy\)/ })).toContainText('50');
    await expect(peers.getByRole('row', { name: /Karel Komisař/ })).toContainText('84');
    await expect(page.getByText('71,00')).toBeVisible();
    await expect(page.getByText('Velký rozptyl: 34 b.').first()).toBeVisible();
    expect(scoreReads.length, 'peer scores read once the own sheet is in').toBeGreaterThan(0);
    await expect(page.getByText(cs.declaration.fixed)).toBeVisible();
    await expectAccessible(page, 'application after scoring');
    await expectNoMissingMessages(page);
    await screenshot(page, 'commission-sheet');

    // The ranking: this application with its average, normalised score and spread flag; the others still hidden.
    await page.getByRole('navigation', { name: cs.crumbs.label }).getByRole('link', { name: CLOSED.callTitle }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pořadí žádostí: ${CLOSED.callTitle}`);
    const part1 = page.getByRole('table', { name: /Pořadí v okruhu 1/ });
    const row = part1.getByRole('row', { name: new RegExp(SCORED_TWICE.title) });
    await expect(row).toContainText('71,00');
    await expect(row).toContainText('Velký rozptyl: 34 b.');
    // Cells (the application is the row header): rank, average, normalised, scorers, spread, …
    await expect(row.getByRole('cell').nth(2)).toHaveText(/^\d+,\d{2}$/);
    await expect(row.getByRole('cell').nth(3)).toHaveText('3');
    await expect(part1.getByRole('row', { name: new RegExp(CLOSED.applications.conflict.title) })).toContainText(cs.ranking.hidden);
    await expectAccessible(page, 'commission ranking');
    await screenshot(page, 'commission-ranking');

    await page.getByRole('tab', { name: 'Okruh 2' }).click();
    const part2 = page.getByRole('table', { name: /Pořadí v okruhu 2/ });
    await expect(part2.getByRole('row', { name: new RegExp(UNSCORED.title) })).toContainText(cs.ranking.hidden);
    await expectNoMissingMessages(page);

    await page.goto('/commission');
    await expect(page.getByRole('row', { name: new RegExp(SCORED_TWICE.title) })).toContainText('ohodnoceno: 50 b.');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a member declaring a conflict of interest cannot score the application nor see its scores', async ({ page }) => {
    await signIn(page, DEMO.commission3);
    await openFromDesk(page, UNSCORED.title);
    await page.getByText(`Mám střet zájmů se žadatelem ${UNSCORED.organisation}`, { exact: true }).click();
    await page.getByLabel(cs.declaration.reason).fill('Jsem členem správní rady žadatele.');
    await page.getByRole('button', { name: cs.declaration.submit }).click();
    await expect(page.getByRole('status').filter({ hasText: cs.declaration.saved })).toBeVisible();
    await expect(page.getByText(cs.sheet.conflictDeclared)).toBeVisible();
    await expect(page.getByText(cs.peers.hiddenConflict)).toBeVisible();
    await expect(page.getByRole('button', { name: cs.sheet.submit })).toHaveCount(0);
    await expect(page.getByLabel(/^Body za kritérium/)).toHaveCount(0);
    await expectAccessible(page, 'application with a declared conflict');

    await page.goto('/commission');
    await expect(page.getByRole('row', { name: new RegExp(UNSCORED.title) })).toContainText(cs.state.conflict);
    await expectNoMissingMessages(page);
  });
  test('the chair reopens a member’s submitted sheet with a reason; the member sees why, the peers hidden again, and submits it anew', async ({ page, browser }) => {
    const reason = 'Body za K1 a K2 jsou zaměněné.';
    await signIn(page, DEMO.commission1);
    await openFromDesk(page, SCORED_TWICE.title);
    const chairSection = page.getByRole('region', { name: cs.chair.heading });
    await expect(chairSection).toBeVisible();
    const sheets = chairSection.getByRole('table', { name: cs.chair.caption });
    await expect(sheets.getByRole('row', { name: /Věra Hodnotitelová/ })).toContainText(cs.chair.stateSubmitted);
    // The chair's own sheet has no reopen button; another member's has.
    await expect(sheets.getByRole('row', { name: /Karel Komisař/ }).getByRole('button')).toHaveCount(0);
    await sheets.getByRole('button', { name: 'Znovu otevřít list: Věra Hodnotitelová' }).click();
    // No reason: refused next to the field.
    await page.getByRole('button', { name: cs.chair.confirm }).click();
    await expect(page.locator('.problem-summary')).toBeFocused();
    await page.getByLabel(cs.chair.reason).fill(reason);
    await page.getByRole('button', { name: cs.chair.confirm }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Hodnoticí list člena Věra Hodnotitelová je znovu otevřen.' })).toBeVisible();
    await expect(sheets.getByRole('row', { name: /Věra Hodnotitelová/ })).toContainText(cs.chair.stateDraft);
    await expect(sheets.getByRole('row', { name: /Věra Hodnotitelová/ })).toContainText(reason);
    await expectAccessible(page, 'chair after reopening a sheet');
    await expectNoMissingMessages(page);

    // The member: the reason, the peers hidden again, the sheet editable with its points; submitted anew.
    const context = await browser.newContext();
    const member = await context.newPage();
    try {
      await signIn(member, DEMO.commission2);
      await openFromDesk(member, SCORED_TWICE.title);
      await expect(member.getByText(cs.sheet.reopenedTitle)).toBeVisible();
      await expect(member.getByText(reason, { exact: false })).toBeVisible();
      await expect(member.getByText(cs.peers.hiddenUntilYours)).toBeVisible();
      await expect(member.getByText('Celkem 79 z 100 bodů')).toBeVisible();
      await expectAccessible(member, 'member with a reopened sheet');
      await member.getByRole('button', { name: cs.sheet.submit }).click();
      await expect(member.getByRole('status').filter({ hasText: cs.sheet.submittedState })).toBeVisible();
      await expect(member.getByRole('table', { name: cs.peers.caption })).toBeVisible();
      await expectNoMissingMessages(member);
    } finally {
      await context.close();
    }
  });
});
