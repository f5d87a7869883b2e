import { DEMO_PROGRAMMES } from '../../apps/api/src/demo/demo-content';
import { DEMO_STAGES } from '../../apps/api/src/demo/demo-data';
import { expect, expectAccessible, expectNoMissingMessages, screenshot, test } from './support/fixtures';

/*
 * Journey 1: someone without an account finds the open call, reads its terms
 * (parts and allocations, the window in Prague time, who may apply, the policy
 * measures it supports, the scoring criteria) and browses and searches the city's
 * integration policy. Nothing is changed.
 */

/** Whole CZK as the Czech portal prints it: "3 400 000 Kč" (the no-break spaces as any space). */
const czk = (amount: number) => new RegExp(`(^|[^\\d\\s])${amount.toLocaleString('en-US').replace(/,/g, '\\s')}\\sKč`);

const open = DEMO_STAGES.open;
const terms = DEMO_PROGRAMMES.open.terms;

test.describe('journey 1: the public reads the calls and the policy', () => {
  test('calls list → the open call with its parts, allocations, window, applicants, measures and criteria', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Výzvy k podávání žádostí o dotace');
    await expect(page).toHaveTitle(/^Výzvy k podávání žádostí o dotace \| /);
    const card = page.getByRole('list', { name: 'Vyhlášené výzvy' }).getByRole('listitem').filter({ hasText: open.callTitle });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText('otevřená');
    await expect(card).toContainText(czk(terms.parts.reduce((sum, p) => sum + p.allocationCzk, 0)));
    await expect(card).toContainText('(pražského času)');
    // The other demo calls are listed with their own state.
    await expect(page.getByRole('listitem').filter({ hasText: DEMO_STAGES.closed.callTitle })).toContainText('příjem ukončen');
    await expect(page.getByRole('link', { name: 'Registrace organizace' }).first()).toBeVisible();
    await expectAccessible(page, 'calls list');
    await expectNoMissingMessages(page);
    await screenshot(page, 'public-calls');

    await card.getByRole('link', { name: open.callTitle }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(open.callTitle);
    await expect(page).toHaveTitle(new RegExp(`^${open.callTitle} \\| `));

    const parts = page.getByRole('table', { name: /^Okruhy výzvy/ });
    for (const part of terms.parts) {
      const row = parts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: part.name }) });
      await expect(row).toContainText(czk(part.allocationCzk));
      await expect(row).toContainText(czk(part.minRequestCzk));
      await expect(row).toContainText(czk(part.maxRequestCzk));
    }

    const dates = page.getByRole('region', { name: 'Termíny' });
    await expect(dates).toContainText('Příjem žádostí začíná');
    await expect(dates).toContainText('Příjem žádostí končí');
    await expect(dates).toContainText('(pražského času)');
    await expect(dates).toContainText('Rozhodnutí nejpozději');

    const who = page.getByRole('region', { name: 'Kdo může žádat' });
    await expect(who.getByRole('listitem')).toHaveText([/^nestátní neziskové organizace se sídlem v Praze/, 'městské části hl. m. Prahy']);
    await expect(who).toContainText(`nejvýše tento počet žádostí: ${terms.maxApplicationsPerOrganisation}`);
    await expect(page.getByRole('region', { name: 'Podíl dotace na nákladech' })).toContainText(`nejvýše ${terms.maxRequestShareOfCostsPct} %`);

    const measures = page.getByRole('region', { name: 'Podporovaná opatření koncepce' });
    await expect(measures.getByRole('listitem')).toHaveCount(terms.eligibleMeasureCodes.length);
    for (const code of terms.eligibleMeasureCodes) await expect(measures.getByRole('link', { name: `Opatření ${code} v koncepci` })).toBeVisible();
    // The measures' texts come from the policy.
    await expect(measures.getByRole('listitem').filter({ hasText: '21.III' })).toContainText('afternoon courses');

    const criteria = page.getByRole('table', { name: /^Kritéria/ });
    for (const criterion of terms.criteria) {
      await expect(criteria.getByRole('row').filter({ has: page.getByRole('rowheader', { name: criterion.name }) })).toContainText(String(criterion.maxPoints));
    }
    await expect(criteria.getByRole('row').last()).toContainText(String(terms.criteria.reduce((sum, c) => sum + c.maxPoints, 0)));

    // Without an account the way in is to sign in or register.
    await expect(page.getByRole('link', { name: 'přihlaste' })).toHaveAttribute('href', /^\/login\?next=/);
    await expect(page.getByRole('link', { name: 'Vytvořit žádost' })).toHaveCount(0);
    await expectAccessible(page, 'call detail');
    await expectNoMissingMessages(page);
    await screenshot(page, 'public-call');

    // A measure leads to the policy, found by its code.
    await measures.getByRole('link', { name: 'Opatření 21.III v koncepci' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Koncepce hl. m. Prahy pro integraci cizinců');
    await expect(page.getByRole('searchbox', { name: 'Hledat v koncepci' })).toHaveValue('21.III');
    await expect(page.getByRole('status').filter({ hasText: 'Nalezená opatření' })).toHaveText('Nalezená opatření: 1');
    await expect(page.getByText('Opatření 21.III', { exact: true })).toBeVisible();
  });

  test('the policy: browse priority by priority, search by code or words with the count announced', async ({ page }) => {
    await page.goto('/policy');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Koncepce hl. m. Prahy pro integraci cizinců');
    const count = page.getByRole('status').filter({ hasText: /opatření/ });
    await expect(count).toHaveText('Všechna opatření koncepce: 75');
    const priorities = page.locator('.policy-tree summary');
    await expect(priorities).toHaveCount(5);

    // Browse: open priority 4 and read a sub-area, a sub-aim and a measure.
    const education = priorities.filter({ hasText: 'Priorita 4' });
    await expect(education).toHaveAttribute('aria-expanded', 'false');
    await education.click();
    await expect(education).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('heading', { level: 2, name: /^Oblast 4A:/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: /^Dílčí cíl 21:/ })).toBeVisible();
    await expect(page.getByText('Opatření 21.III', { exact: true })).toBeVisible();
    await expectAccessible(page, 'policy, a priority open');

    // Search as you type: by words, by code, nothing found.
    const search = page.getByRole('searchbox', { name: 'Hledat v koncepci' });
    await search.fill('volunteer');
    await expect(count).toHaveText(/^Nalezená opatření: [1-9]\d*$/);
    await expect(page.getByText('Opatření 33.II', { exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/policy\?q=volunteer$/);
    await search.fill('33.II');
    await expect(count).toHaveText('Nalezená opatření: 1');
    await expect(priorities).toHaveCount(1);
    await expect(priorities.first()).toHaveAttribute('aria-expanded', 'true');
    await search.fill('no such words anywhere');
    await expect(count).toHaveText('Nalezená opatření: 0');
    await expect(priorities).toHaveCount(0);
    await search.fill('');
    await expect(count).toHaveText('Všechna opatření koncepce: 75');
    await search.fill('language');
    await expect(count).toHaveText(/^Nalezená opatření: [1-9]\d*$/);
    await expectAccessible(page, 'policy search');
    await expectNoMissingMessages(page);
    await screenshot(page, 'public-policy');
  });

  test('an unknown call is the portal’s not-found page', async ({ page }) => {
    await page.goto('/calls/00000000-0000-4000-8000-000000000000');
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expectAccessible(page, 'unknown call');
  });
});
