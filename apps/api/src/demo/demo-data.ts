/*
 * Who and what the demo contains, by stable names: the portal's browser tests
 * find a stage's call and applications by these titles and log in with these
 * logins. No imports, so any TypeScript project (apps/web included) can read it.
 * The applications' full content (budgets, measures, periods) is in demo-content.ts.
 */

export const DEMO_PASSWORD_DEFAULT = 'prague-demo-2027';

export const DEMO_ADMIN_LOGIN = 'admin@demo.praha.eu';

export const DEMO_STAFF = [
  { login: 'officer@demo.praha.eu', fullName: 'Olga Úřednická (NMF)', role: 'officer' },
  { login: 'commission1@demo.praha.eu', fullName: 'Karel Komisař', role: 'commission' },
  { login: 'commission2@demo.praha.eu', fullName: 'Věra Hodnotitelová', role: 'commission' },
  { login: 'commission3@demo.praha.eu', fullName: 'Tomáš Posudek', role: 'commission' },
  { login: 'budget@demo.praha.eu', fullName: 'Božena Rozpočtová (BUD)', role: 'budget' },
] as const;

/** The DOT Commission of the demo's calls, in this order; the first one chairs it. */
export const DEMO_COMMISSION = ['commission1@demo.praha.eu', 'commission2@demo.praha.eu', 'commission3@demo.praha.eu'] as const;
export type DemoCommissionLogin = (typeof DEMO_COMMISSION)[number];

/** Fictional organisations; the IČOs (99…) are valid by checksum, in a range no real register uses for Prague NGOs. */
export const DEMO_APPLICANTS = [
  {
    login: 'ngo1@demo.praha.eu',
    fullName: 'Jana Nováková',
    organisation: {
      kind: 'ngo',
      name: 'Most pro cizince, z. s.',
      ico: '99001012',
      legalForm: 'z. s.',
      address: { street: 'Žitná 1574/51', city: 'Praha 2', postalCode: '120 00' },
      bankAccount: '19-2000145399/0800',
    },
  },
  {
    login: 'ngo2@demo.praha.eu',
    fullName: 'Petr Svoboda',
    organisation: {
      kind: 'ngo',
      name: 'Komunitní centrum Vltava, o. p. s.',
      ico: '99001021',
      legalForm: 'o. p. s.',
      address: { street: 'Sokolovská 21', city: 'Praha 8', postalCode: '186 00' },
      bankAccount: '034278-0727558021/0100',
    },
  },
  {
    login: 'district@demo.praha.eu',
    fullName: 'Marie Dvořáková',
    organisation: {
      kind: 'district',
      name: 'Městská část Praha 99 (demo)',
      ico: '99001039',
      address: { street: 'Náměstí Míru 1', city: 'Praha 99', postalCode: '199 00' },
    },
  },
  {
    login: 'ngo3@demo.praha.eu',
    fullName: 'Lucie Horáková',
    organisation: {
      kind: 'ngo',
      name: 'Jižní spojka, z. ú.',
      ico: '99001047',
      legalForm: 'z. ú.',
      address: { street: 'Hviezdoslavova 1600/10', city: 'Praha 11', postalCode: '149 00' },
      bankAccount: '2701000133/2010',
    },
  },
  {
    login: 'ngo4@demo.praha.eu',
    fullName: 'Olena Kovalenko',
    organisation: {
      kind: 'ngo',
      name: 'Nadační fond Nový domov',
      ico: '99001055',
      legalForm: 'nadační fond',
      address: { street: 'Karlovo náměstí 5', city: 'Praha 2', postalCode: '120 00' },
      bankAccount: '2701000168/2010',
    },
  },
] as const;
export type DemoApplicantLogin = (typeof DEMO_APPLICANTS)[number]['login'];

/** The statuses the demo's applications are left in (a subset of the API's application statuses). */
export type DemoApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'correction_requested'
  | 'eligible'
  | 'ineligible'
  | 'rejected'
  | 'contracted'
  | 'settlement_submitted'
  | 'settled'
  | 'closed';

export interface DemoApplicationDescription {
  readonly title: string;
  readonly login: DemoApplicantLogin;
  readonly organisation: string;
  readonly partCode: string;
  readonly status: DemoApplicationStatus;
  /** What the application shows in the demo, and who can act on it. */
  readonly note: string;
  /** The members' score sheets (total points of 100) and declared conflicts; a member not listed has not declared. */
  readonly sheets?: Readonly<Partial<Record<DemoCommissionLogin, number | 'conflict'>>>;
  /** The grant's money as loaded (GET /applications/:id `money`). */
  readonly money?: { readonly awardedCzk: number; readonly paidCzk: number; readonly returnedCzk: number; readonly returnDueCzk: number };
}

export interface DemoStageDescription {
  /** The programme's code: the reference numbers are `<code>-<year>-0001`. */
  readonly programmeCode: string;
  readonly callTitle: string;
  readonly applications: Readonly<Record<string, DemoApplicationDescription>>;
}

type Applicant = typeof DEMO_APPLICANTS;
const owner = <I extends 0 | 1 | 2 | 3 | 4>(i: I): { login: Applicant[I]['login']; organisation: Applicant[I]['organisation']['name'] } => ({
  login: DEMO_APPLICANTS[i].login,
  organisation: DEMO_APPLICANTS[i].organisation.name,
});
const NGO1 = owner(0);
const NGO2 = owner(1);
const DISTRICT = owner(2);
const NGO3 = owner(3);
const NGO4 = owner(4);

/**
 * The demo's four calls, one per stage of a call's life, with their
 * applications by a stable key. `open`: the submission window is open now.
 * `closed`: the window has closed; formal check and scoring under way.
 * `scored`: checked and scored by the whole commission; the officer proposes
 * the amounts, closes the evaluation and records the decisions.
 * `decided`: evaluated and decided months ago; grants contracted, paid, settled.
 */
export const DEMO_STAGES = {
  open: {
    programmeCode: 'INT',
    callTitle: 'Výzva k podávání žádostí o dotace na aktivity integrace cizinců',
    applications: {
      submitted: {
        ...NGO2,
        title: 'Sousedské večery: komunitní setkávání v Karlíně',
        partCode: '1',
        status: 'submitted',
        note: 'submitted in the open call (reference number INT-<year>-0001); the formal check starts when the window closes',
      },
      draft: {
        ...NGO1,
        title: 'Čeština pro rodiče dětí s odlišným mateřským jazykem',
        partCode: '1',
        status: 'draft',
        note: 'a draft ngo1 can finish and submit while the window is open',
      },
      publicationDraft: {
        ...NGO3,
        title: 'Průvodce službami pro cizince na Jižním Městě',
        partCode: '2',
        status: 'draft',
        note: 'a draft for Part 2 (publications) ngo3 can submit while the window is open',
      },
    },
  },
  closed: {
    programmeCode: 'JAZ',
    callTitle: 'Výzva k podávání žádostí o dotace na jazykovou přípravu cizinců',
    applications: {
      scoredTwice: {
        ...NGO1,
        title: 'Čeština pro maminky na rodičovské dovolené',
        partCode: '1',
        status: 'eligible',
        note: 'eligible; scored by commission1 and commission2 (quorum reached), commission3 can still score',
        sheets: { 'commission1@demo.praha.eu': 84, 'commission2@demo.praha.eu': 79 },
      },
      conflict: {
        ...NGO4,
        title: 'Adaptační kurzy pro nově příchozí',
        partCode: '1',
        status: 'eligible',
        note: 'eligible; scored by commission1, commission2 declared a conflict of interest, commission3 can score',
        sheets: { 'commission1@demo.praha.eu': 71, 'commission2@demo.praha.eu': 'conflict' },
      },
      scoredOnce: {
        ...DISTRICT,
        title: 'Doučování češtiny pro žáky základních škol v MČ Praha 99',
        partCode: '2',
        status: 'eligible',
        note: 'eligible; scored by commission1 only, commission2 and commission3 can score',
        sheets: { 'commission1@demo.praha.eu': 88 },
      },
      unscored: {
        ...NGO3,
        title: 'Kroužky češtiny hrou pro předškoláky',
        partCode: '2',
        status: 'eligible',
        note: 'eligible; no member has scored it yet',
        sheets: {},
      },
      correction: {
        ...NGO2,
        title: 'Čeština pro pracovníky v sociálních službách',
        partCode: '1',
        status: 'correction_requested',
        note: 'returned for correction (two defects, due in 10 days): ngo2 can edit and resubmit it',
      },
      awaitingCheck: {
        ...NGO1,
        title: 'Letní jazykový kemp pro děti cizinců',
        partCode: '2',
        status: 'submitted',
        note: 'submitted, waiting for the officer’s formal check',
      },
      awaitingCheckToo: {
        ...NGO3,
        title: 'Konverzační kluby češtiny v knihovnách',
        partCode: '1',
        status: 'submitted',
        note: 'submitted, waiting for the officer’s formal check',
      },
    },
  },
  scored: {
    programmeCode: 'POR',
    callTitle: 'Výzva k podávání žádostí o dotace na poradenství a tlumočení pro cizince',
    applications: {
      leading: {
        ...NGO2,
        title: 'Sociálně-právní poradna pro cizince v Libni',
        partCode: '1',
        status: 'eligible',
        note: 'eligible, scored by the whole commission well above the minimum: recommended when the officer closes the evaluation',
        sheets: { 'commission1@demo.praha.eu': 88, 'commission2@demo.praha.eu': 85, 'commission3@demo.praha.eu': 91 },
      },
      runnerUp: {
        ...DISTRICT,
        title: 'Komunitní tlumočníci na úřadě MČ Praha 99',
        partCode: '1',
        status: 'eligible',
        note: 'eligible, scored above the minimum: recommended when the evaluation closes',
        sheets: { 'commission1@demo.praha.eu': 74, 'commission2@demo.praha.eu': 70, 'commission3@demo.praha.eu': 77 },
      },
      belowMinimum: {
        ...NGO4,
        title: 'Telefonická poradna v ukrajinštině',
        partCode: '1',
        status: 'eligible',
        note: 'eligible, scored below the minimum of 60 points: not recommended when the evaluation closes',
        sheets: { 'commission1@demo.praha.eu': 55, 'commission2@demo.praha.eu': 48, 'commission3@demo.praha.eu': 52 },
      },
    },
  },
  decided: {
    programmeCode: 'KOM',
    callTitle: 'Výzva k podávání žádostí o dotace na komunitní a sousedské aktivity s cizinci',
    applications: {
      closed: {
        ...NGO1,
        title: 'Sousedská zahrada na Žižkově',
        partCode: '1',
        status: 'closed',
        note: 'approved CZK 48,000 (contract under CZK 50,000: no publication), paid in full, settlement accepted in full: closed',
        sheets: { 'commission1@demo.praha.eu': 82, 'commission2@demo.praha.eu': 78, 'commission3@demo.praha.eu': 85 },
        money: { awardedCzk: 48_000, paidCzk: 48_000, returnedCzk: 0, returnDueCzk: 0 },
      },
      settlementForReview: {
        ...NGO2,
        title: 'Komunitní centrum pro rodiny cizinců v Karlíně',
        partCode: '1',
        status: 'settlement_submitted',
        note: 'approved CZK 250,000, contract published, paid in two instalments; settlement (CZK 246,800 spent) waits for the officer’s review',
        sheets: { 'commission1@demo.praha.eu': 90, 'commission2@demo.praha.eu': 88, 'commission3@demo.praha.eu': 86 },
        money: { awardedCzk: 250_000, paidCzk: 250_000, returnedCzk: 0, returnDueCzk: 0 },
      },
      overdueReturn: {
        ...NGO3,
        title: 'Festival kultur na Jižním Městě',
        partCode: '1',
        status: 'settled',
        note: 'paid CZK 180,000, CZK 140,000 accepted in the settlement review; of the CZK 40,000 to return CZK 15,000 arrived, CZK 25,000 is overdue (the budget department records it, with the §22 penalty)',
        sheets: { 'commission1@demo.praha.eu': 74, 'commission2@demo.praha.eu': 70, 'commission3@demo.praha.eu': 77 },
        money: { awardedCzk: 180_000, paidCzk: 180_000, returnedCzk: 15_000, returnDueCzk: 25_000 },
      },
      awaitingPublication: {
        ...DISTRICT,
        title: 'Dobrovolnické centrum MČ Praha 99',
        partCode: '1',
        status: 'contracted',
        note: 'approved CZK 300,000, contract signed recently and not yet published (over CZK 50,000: the officer publishes it); nothing paid yet',
        sheets: { 'commission1@demo.praha.eu': 80, 'commission2@demo.praha.eu': 84, 'commission3@demo.praha.eu': 79 },
        money: { awardedCzk: 300_000, paidCzk: 0, returnedCzk: 0, returnDueCzk: 0 },
      },
      secondInstalment: {
        ...NGO4,
        title: 'Mentoringový program pro mladé cizince',
        partCode: '1',
        status: 'contracted',
        note: 'approved CZK 200,000, contract published, first instalment of CZK 100,000 paid: the budget department pays the second',
        sheets: { 'commission1@demo.praha.eu': 68, 'commission2@demo.praha.eu': 72, 'commission3@demo.praha.eu': 'conflict' },
        money: { awardedCzk: 200_000, paidCzk: 100_000, returnedCzk: 0, returnDueCzk: 0 },
      },
      rejected: {
        ...NGO1,
        title: 'Kurzy vaření národních kuchyní',
        partCode: '1',
        status: 'rejected',
        note: 'below the minimum score (not recommended), rejected by the City Council with reasons; rejection letter',
        sheets: { 'commission1@demo.praha.eu': 45, 'commission2@demo.praha.eu': 52, 'commission3@demo.praha.eu': 40 },
      },
      ineligible: {
        ...NGO2,
        title: 'Tlumočení pro rodiče na třídních schůzkách',
        partCode: '1',
        status: 'ineligible',
        note: 'found ineligible in the formal check, with reasons; ineligibility letter',
      },
    },
  },
} as const satisfies Record<'open' | 'closed' | 'scored' | 'decided', DemoStageDescription>;

export type DemoStageName = keyof typeof DEMO_STAGES;
