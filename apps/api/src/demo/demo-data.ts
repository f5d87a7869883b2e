import type { NewApplicationCommand, ApplicationContent } from '@app/applications/applications.service';
import type { CallCommand } from '@app/calls/calls.service';
import type { RegistrationCommand } from '@app/identity/identity.service';

/** Fictional organisations; the IČOs (99…) are valid by checksum, in a range no real register uses for Prague NGOs. */
export const DEMO_ORGANISATIONS: RegistrationCommand['organisation'][] = [
  {
    kind: 'ngo',
    name: 'Most pro cizince, z. s.',
    ico: '99001012',
    legalForm: 'z. s.',
    address: { street: 'Žitná 1574/51', city: 'Praha 2', postalCode: '120 00' },
    bankAccount: '19-2000145399/0800',
  },
  {
    kind: 'ngo',
    name: 'Komunitní centrum Vltava, o. p. s.',
    ico: '99001021',
    legalForm: 'o. p. s.',
    address: { street: 'Sokolovská 21', city: 'Praha 8', postalCode: '186 00' },
    bankAccount: '034278-0727558021/0100',
  },
  {
    kind: 'district',
    name: 'Městská část Praha 99 (demo)',
    ico: '99001039',
    address: { street: 'Náměstí Míru 1', city: 'Praha 99', postalCode: '199 00' },
  },
];

export const DEMO_CRITERIA: CallCommand['criteria'] = [
  { code: 'K1', name: 'Soulad s Koncepcí HMP pro oblast integrace cizinců', maxPoints: 30 },
  { code: 'K2', name: 'Potřebnost a cílová skupina', maxPoints: 20 },
  { code: 'K3', name: 'Přiměřenost rozpočtu', maxPoints: 20 },
  { code: 'K4', name: 'Zkušenosti a kapacita žadatele', maxPoints: 15 },
  { code: 'K5', name: 'Udržitelnost a spolupráce', maxPoints: 15 },
];

export const DEMO_PARTS: CallCommand['parts'] = [
  { code: '1', name: 'Okruh 1 — aktivity (kulturní, sociální, vzdělávací, jazyková příprava, komunitní práce)', allocationCzk: 3_400_000, minRequestCzk: 50_000, maxRequestCzk: 600_000 },
  { code: '2', name: 'Okruh 2 — publikační činnost', allocationCzk: 600_000, minRequestCzk: 20_000, maxRequestCzk: 150_000 },
];

/** Measures of the policy that the integration call supports (activities and publications). */
export const DEMO_MEASURES = ['13.II', '16.I', '16.II', '17.II', '21.III', '22.I', '25.I', '25.II', '31.I', '32.I', '33.I', '33.II'];

export function demoApplication(callId: string, year: number, variant: 'course' | 'community'): NewApplicationCommand {
  const content: ApplicationContent =
    variant === 'course'
      ? {
          title: 'Čeština pro rodiče dětí s odlišným mateřským jazykem',
          summary: 'Odpolední kurzy češtiny pro rodiče a doprovodné setkání se školou.',
          justification: 'Rodiče dětí cizinců potřebují češtinu pro komunikaci se školou (opatření 21.III a 25.I Koncepce).',
          primaryMeasureCode: '25.I',
          measureCodes: ['25.I', '21.III'],
          targetGroups: ['rodiče dětí cizinců', 'děti s odlišným mateřským jazykem'],
          districts: ['Praha 2', 'Praha 3'],
          startDate: `${year}-02-01`,
          endDate: `${year}-12-15`,
          budgetLines: [
            { category: 'Osobní náklady', description: 'Lektorka češtiny jako cizího jazyka, 240 hodin', totalCzk: 264_000, requestedCzk: 180_000 },
            { category: 'Materiál', description: 'Učebnice a pracovní listy', totalCzk: 36_000, requestedCzk: 25_000 },
            { category: 'Pronájem', description: 'Učebna', totalCzk: 60_000, requestedCzk: 40_000 },
          ],
          otherFundingCzk: 70_000,
          contactPerson: { name: 'Jana Nováková', email: 'jana.novakova@example.org', phone: '+420 601 234 567' },
        }
      : {
          title: 'Sousedské večery: komunitní setkávání v Karlíně',
          summary: 'Pravidelná komunitní setkání cizinců a majority s kulturním programem.',
          justification: 'Podpora vzájemného poznání a soužití v lokalitě s vysokým podílem cizinců (opatření 33.I).',
          primaryMeasureCode: '33.I',
          measureCodes: ['33.I', '33.II', '13.II'],
          targetGroups: ['cizinci z třetích zemí', 'majoritní společnost'],
          districts: ['Praha 8'],
          startDate: `${year}-03-01`,
          endDate: `${year}-11-30`,
          budgetLines: [
            { category: 'Osobní náklady', description: 'Komunitní pracovnice, 0,3 úvazku', totalCzk: 180_000, requestedCzk: 120_000 },
            { category: 'Služby', description: 'Kulturní program a tlumočení', totalCzk: 90_000, requestedCzk: 60_000 },
          ],
          otherFundingCzk: 40_000,
          contactPerson: { name: 'Petr Svoboda', email: 'petr.svoboda@example.org', phone: '+420 602 345 678' },
        };
  return { callId, partCode: '1', ...content };
}
