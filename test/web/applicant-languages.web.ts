import type { APIRequestContext } from '@playwright/test';
import { DEMO_STAGES } from '../../apps/api/src/demo/demo-data';
import { expect, expectAccessible, expectNoMissingMessages, generateValidIco, screenshot, signIn, test } from './support/fixtures';

/*
 * The application form in Czech, English and Ukrainian, switched with the header's
 * language select: headings, labels, the budget summary, the measures and the
 * server's problems in each language, no message key missing, accessible in each.
 * The organisation is registered through the API for the test; the form's refused
 * submission stores nothing, and no demo record is changed.
 */

interface Call {
  id: string;
  title: string;
  year: number;
}

const password = 'jazyky-praha-2027';

async function setUp(request: APIRequestContext): Promise<{ call: Call; email: string }> {
  const stamp = Date.now();
  const email = `c1-languages-${stamp}@example.org`;
  const registered = await request.post('/api/v1/auth/register', {
    data: {
      organisation: {
        kind: 'ngo',
        name: `Jazykové centrum ${stamp % 100_000}, z. ú.`,
        ico: generateValidIco(1_000_000 + ((stamp + 1_700_000) % 7_000_000)),
        address: { street: 'Karlovo náměstí 3', city: 'Praha 2', postalCode: '120 00' },
      },
      user: { email, password, fullName: 'Olena Movna' },
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const { items } = (await (await request.get('/api/v1/calls?pageSize=50')).json()) as { items: Call[] };
  const call = items.find((c) => c.title === DEMO_STAGES.open.callTitle);
  expect(call, 'the demo has its open call').toBeDefined();
  return { call: call!, email };
}

const LANGUAGES = [
  {
    language: 'cs',
    h1: 'Nová žádost o dotaci',
    sections: ['Projekt', 'Kontaktní osoba', 'Rozpočet projektu', 'Opatření koncepce integrace', 'Uložení a podání'],
    labels: [/^Okruh výzvy/, /^Název projektu/, /^Zahájení projektu/, /^Cílové skupiny/, /^Financování z jiných zdrojů/],
    line: 'Položka 1',
    lineLabels: [/^Druh nákladu/, /^Celkové náklady/, /^Požadováno od města/],
    summary: 'Souhrn rozpočtu',
    measures: /^Opatření, kterým projekt slouží/,
    primary: /^Hlavní opatření/,
    buttons: ['Uložit koncept', 'Podat žádost', '+ Přidat položku rozpočtu'],
    dateHint: (year: number) => `Projekt musí proběhnout v roce ${year}.`,
    problems: 'Formulář obsahuje chyby',
    titleLink: 'Název projektu',
  },
  {
    language: 'en',
    h1: 'New grant application',
    sections: ['Project', 'Contact person', 'Project budget', 'Integration policy measures', 'Save and submit'],
    labels: [/^Part of the call/, /^Project title/, /^Project start/, /^Target groups/, /^Funding from other sources/],
    line: 'Line 1',
    lineLabels: [/^Type of cost/, /^Total cost/, /^Requested from the city/],
    summary: 'Budget summary',
    measures: /^Measures the project serves/,
    primary: /^Primary measure/,
    buttons: ['Save draft', 'Submit application', '+ Add a budget line'],
    dateHint: (year: number) => `The project must take place in ${year}.`,
    problems: 'The form has problems',
    titleLink: 'Project title',
  },
  {
    language: 'uk',
    h1: 'Нова заявка на грант',
    sections: ['Проєкт', 'Контактна особа', 'Бюджет проєкту', 'Заходи політики інтеграції', 'Збереження та подання'],
    labels: [/^Напрям конкурсу/, /^Назва проєкту/, /^Початок проєкту/, /^Цільові групи/, /^Фінансування з інших джерел/],
    line: 'Стаття 1',
    lineLabels: [/^Вид витрат/, /^Загальні витрати/, /^Запитано від міста/],
    summary: 'Підсумок бюджету',
    measures: /^Заходи, яким сприяє проєкт/,
    primary: /^Головний захід/,
    buttons: ['Зберегти чернетку', 'Подати заявку', '+ Додати статтю бюджету'],
    dateHint: (year: number) => `Проєкт має відбутися у ${year} році.`,
    problems: 'Форма містить помилки',
    titleLink: 'Назва проєкту',
  },
] as const;

test.describe('the application form in three languages', () => {
  test('cs, en and uk: headings, labels, summary, measures and the server’s problems, nothing missing, accessible', async ({ page, request }) => {
    const { call, email } = await setUp(request);
    await signIn(page, email, password);
    await page.goto(`/applicant/applications/new?callId=${call.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nová žádost o dotaci');

    for (const l of LANGUAGES) {
      await page.getByLabel(/^(Jazyk|Language|Мова)$/).selectOption(l.language);
      await expect(page.locator('html')).toHaveAttribute('lang', l.language);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(l.h1);
      await expect(page).toHaveTitle(new RegExp(`^${l.h1} \\| `));
      await expect(page.getByRole('heading', { level: 2 })).toHaveText([...l.sections]);
      for (const label of l.labels) await expect(page.getByLabel(label)).toBeVisible();
      const line = page.getByRole('group', { name: l.line });
      for (const label of l.lineLabels) await expect(line.getByLabel(label)).toBeVisible();
      await expect(page.getByTestId('budget-summary').getByRole('heading', { name: l.summary })).toBeVisible();
      await expect(page.getByRole('group', { name: l.measures }).getByRole('checkbox', { name: /^21\.III / })).toBeVisible();
      await expect(page.getByRole('group', { name: l.primary })).toBeVisible();
      for (const name of l.buttons) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
      await expect(page.getByText(l.dateHint(call.year)).first()).toBeVisible();
      await expectNoMissingMessages(page);
      await expectAccessible(page, `application form in ${l.language}`);

      // The server's answer in the same language, each problem linked to its field.
      await page.getByRole('button', { name: l.buttons[1], exact: true }).click();
      const problems = page.getByRole('alert').filter({ hasText: l.problems });
      await expect(problems).toBeVisible();
      await expect(problems.getByRole('link', { name: l.titleLink, exact: true })).toHaveAttribute('href', '#field-title');
      await expectNoMissingMessages(page);
      await expectAccessible(page, `application form with problems in ${l.language}`);
      if (l.language === 'uk') await screenshot(page, 'applicant-languages-uk');
    }
  });
});
