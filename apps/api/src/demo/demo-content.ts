import type { ApplicationContent } from '@app/applications';
import type { CallCommand } from '@app/calls';
import { DEMO_STAGES, type DemoStageName } from './demo-data';

/** The terms of a demo call that do not depend on the day the demo is loaded. */
export type DemoCallTerms = Omit<CallCommand, 'programmeId' | 'title' | 'announcedOn' | 'submissionOpensAt' | 'submissionClosesAt' | 'decisionDueOn' | 'settlementDueOn'>;

export interface DemoProgramme {
  /** The programme's name for its year. */
  name(year: number): string;
  appropriationCzk: number;
  terms: DemoCallTerms;
}

export const DEMO_CRITERIA: CallCommand['criteria'] = [
  { code: 'K1', name: 'Soulad s Koncepcí HMP pro oblast integrace cizinců', maxPoints: 30 },
  { code: 'K2', name: 'Potřebnost a cílová skupina', maxPoints: 20 },
  { code: 'K3', name: 'Přiměřenost rozpočtu', maxPoints: 20 },
  { code: 'K4', name: 'Zkušenosti a kapacita žadatele', maxPoints: 15 },
  { code: 'K5', name: 'Udržitelnost a spolupráce', maxPoints: 15 },
];

export const DEMO_PROGRAMMES: Record<DemoStageName, DemoProgramme> = {
  open: {
    name: (year) => `Program podpory aktivit integrace cizinců na území hl. m. Prahy pro rok ${year}`,
    appropriationCzk: 4_000_000,
    terms: {
      eligibleApplicantKinds: ['ngo', 'district'],
      // Activities and publications.
      eligibleMeasureCodes: ['13.II', '16.I', '16.II', '17.II', '21.III', '22.I', '25.I', '25.II', '31.I', '32.I', '33.I', '33.II'],
      maxApplicationsPerOrganisation: 3,
      minScore: 60,
      quorum: 3,
      maxRequestShareOfCostsPct: 70,
      parts: [
        { code: '1', name: 'Aktivity (kulturní, sociální, vzdělávací, jazyková příprava, komunitní práce)', allocationCzk: 3_400_000, minRequestCzk: 50_000, maxRequestCzk: 600_000 },
        { code: '2', name: 'Publikační činnost', allocationCzk: 600_000, minRequestCzk: 20_000, maxRequestCzk: 150_000 },
      ],
      criteria: DEMO_CRITERIA,
    },
  },
  closed: {
    name: (year) => `Program podpory jazykové přípravy cizinců na území hl. m. Prahy pro rok ${year}`,
    appropriationCzk: 2_000_000,
    terms: {
      eligibleApplicantKinds: ['ngo', 'district'],
      eligibleMeasureCodes: ['17.II', '21.I', '21.II', '21.III', '21.IV', '22.I', '25.I', '25.II', '32.II'],
      maxApplicationsPerOrganisation: 2,
      minScore: 60,
      quorum: 2,
      maxRequestShareOfCostsPct: 70,
      parts: [
        { code: '1', name: 'Jazykové kurzy a sociokulturní orientace dospělých', allocationCzk: 1_300_000, minRequestCzk: 30_000, maxRequestCzk: 300_000 },
        { code: '2', name: 'Podpora dětí a žáků s odlišným mateřským jazykem', allocationCzk: 700_000, minRequestCzk: 30_000, maxRequestCzk: 200_000 },
      ],
      criteria: DEMO_CRITERIA,
    },
  },
  scored: {
    name: (year) => `Program podpory poradenství a tlumočení pro cizince na území hl. m. Prahy pro rok ${year}`,
    appropriationCzk: 600_000,
    terms: {
      eligibleApplicantKinds: ['ngo', 'district'],
      eligibleMeasureCodes: ['13.III', '16.I', '16.II', '17.I', '32.I', '32.II'],
      maxApplicationsPerOrganisation: 2,
      minScore: 60,
      quorum: 2,
      maxRequestShareOfCostsPct: 70,
      parts: [{ code: '1', name: 'Sociální a právní poradenství, komunitní tlumočení', allocationCzk: 600_000, minRequestCzk: 30_000, maxRequestCzk: 300_000 }],
      criteria: DEMO_CRITERIA,
    },
  },
  decided: {
    name: (year) => `Program podpory komunitních a sousedských aktivit s cizinci na území hl. m. Prahy pro rok ${year}`,
    appropriationCzk: 1_200_000,
    terms: {
      eligibleApplicantKinds: ['ngo', 'district'],
      eligibleMeasureCodes: ['13.II', '13.III', '16.I', '16.II', '31.I', '32.I', '33.I', '33.II'],
      maxApplicationsPerOrganisation: 2,
      minScore: 60,
      quorum: 2,
      maxRequestShareOfCostsPct: 70,
      parts: [{ code: '1', name: 'Komunitní, kulturní a dobrovolnické aktivity', allocationCzk: 1_200_000, minRequestCzk: 20_000, maxRequestCzk: 400_000 }],
      criteria: DEMO_CRITERIA,
    },
  },
};

/** An application's content without its title; the period is given as month-day, in the call's programme year. */
export type DemoContent = Omit<ApplicationContent, 'title' | 'startDate' | 'endDate'> & { period: [string, string] };

type ContentOf<S extends DemoStageName> = Record<keyof (typeof DEMO_STAGES)[S]['applications'], DemoContent>;

const contact = (name: string, email: string, phone: string) => ({ name, email, phone });
const line = (category: string, description: string, totalCzk: number, requestedCzk: number) => ({ category, description, totalCzk, requestedCzk });

export const DEMO_CONTENT: { [S in DemoStageName]: ContentOf<S> } = {
  open: {
    submitted: {
      summary: 'Pravidelná komunitní setkání cizinců a majority s kulturním programem.',
      justification: 'Podpora vzájemného poznání a soužití v lokalitě s vysokým podílem cizinců (opatření 33.I).',
      primaryMeasureCode: '33.I',
      measureCodes: ['33.I', '33.II', '13.II'],
      targetGroups: ['cizinci z třetích zemí', 'majoritní společnost'],
      districts: ['Praha 8'],
      period: ['03-01', '11-30'],
      budgetLines: [
        line('Osobní náklady', 'Komunitní pracovnice, 0,3 úvazku', 180_000, 120_000),
        line('Služby', 'Kulturní program a tlumočení', 90_000, 60_000),
      ],
      otherFundingCzk: 40_000,
      contactPerson: contact('Petr Svoboda', 'petr.svoboda@example.org', '+420 602 345 678'),
    },
    draft: {
      summary: 'Odpolední kurzy češtiny pro rodiče a doprovodné setkání se školou.',
      justification: 'Rodiče dětí cizinců potřebují češtinu pro komunikaci se školou (opatření 21.III a 25.I Koncepce).',
      primaryMeasureCode: '25.I',
      measureCodes: ['25.I', '21.III'],
      targetGroups: ['rodiče dětí cizinců', 'děti s odlišným mateřským jazykem'],
      districts: ['Praha 2', 'Praha 3'],
      period: ['02-01', '12-15'],
      budgetLines: [
        line('Osobní náklady', 'Lektorka češtiny jako cizího jazyka, 240 hodin', 264_000, 180_000),
        line('Materiál', 'Učebnice a pracovní listy', 36_000, 25_000),
        line('Pronájem', 'Učebna', 60_000, 40_000),
      ],
      otherFundingCzk: 70_000,
      contactPerson: contact('Jana Nováková', 'jana.novakova@example.org', '+420 601 234 567'),
    },
    publicationDraft: {
      summary: 'Tištěný a online průvodce úřady, školami, lékaři a poradnami v Praze 11 v pěti jazycích.',
      justification: 'Nově příchozí cizinci nevědí, kam se obrátit; průvodce naplňuje opatření 32.I (informační materiály pro cizince).',
      primaryMeasureCode: '32.I',
      measureCodes: ['32.I', '31.I'],
      targetGroups: ['nově příchozí cizinci'],
      districts: ['Praha 11'],
      period: ['03-01', '10-31'],
      budgetLines: [
        line('Služby', 'Překlady do ukrajinštiny, vietnamštiny, ruštiny, angličtiny a mongolštiny', 60_000, 42_000),
        line('Tisk', 'Tisk 3 000 výtisků', 40_000, 28_000),
      ],
      otherFundingCzk: 30_000,
      contactPerson: contact('Lucie Horáková', 'lucie.horakova@example.org', '+420 603 111 222'),
    },
  },
  closed: {
    scoredTwice: {
      summary: 'Kurzy češtiny s hlídáním dětí pro matky na rodičovské dovolené, dvakrát týdně dopoledne.',
      justification: 'Matky malých dětí jsou z běžných kurzů vyloučeny; hlídání dětí jim umožní učit se (opatření 25.I).',
      primaryMeasureCode: '25.I',
      measureCodes: ['25.I', '25.II'],
      targetGroups: ['matky na rodičovské dovolené', 'cizinci z třetích zemí'],
      districts: ['Praha 2', 'Praha 10'],
      period: ['02-01', '11-30'],
      budgetLines: [
        line('Osobní náklady', 'Lektorka, 200 hodin', 220_000, 150_000),
        line('Pronájem', 'Učebna a herna', 40_000, 25_000),
        line('Služby', 'Hlídání dětí během kurzu', 50_000, 30_000),
      ],
      otherFundingCzk: 60_000,
      contactPerson: contact('Jana Nováková', 'jana.novakova@example.org', '+420 601 234 567'),
    },
    conflict: {
      summary: 'Čtyřdenní adaptační kurzy pro nově příchozí: život v Praze, úřady, práce, zdravotní péče.',
      justification: 'Sociokulturní orientace hned po příchodu předchází problémům (opatření 25.II a 17.II).',
      primaryMeasureCode: '25.II',
      measureCodes: ['25.II', '17.II'],
      targetGroups: ['nově příchozí cizinci', 'držitelé dočasné ochrany'],
      districts: ['Praha 2', 'Praha 5'],
      period: ['03-01', '12-15'],
      budgetLines: [
        line('Osobní náklady', 'Lektoři kurzů, 12 běhů', 180_000, 120_000),
        line('Služby', 'Tlumočení do ukrajinštiny a ruštiny', 60_000, 40_000),
      ],
      otherFundingCzk: 80_000,
      contactPerson: contact('Olena Kovalenko', 'olena.kovalenko@example.org', '+420 604 222 333'),
    },
    scoredOnce: {
      summary: 'Doučování češtiny jako druhého jazyka pro žáky s odlišným mateřským jazykem ve třech základních školách městské části.',
      justification: 'Žáci s nulovou znalostí češtiny potřebují intenzivní podporu nad rámec výuky (opatření 21.II a 21.III).',
      primaryMeasureCode: '21.II',
      measureCodes: ['21.II', '21.III'],
      targetGroups: ['žáci s odlišným mateřským jazykem'],
      districts: ['Praha 99'],
      period: ['01-15', '12-15'],
      budgetLines: [
        line('Osobní náklady', 'Lektoři doučování, 3 školy', 200_000, 130_000),
        line('Materiál', 'Učební pomůcky', 30_000, 20_000),
      ],
      otherFundingCzk: 80_000,
      contactPerson: contact('Marie Dvořáková', 'marie.dvorakova@example.org', '+420 605 333 444'),
    },
    unscored: {
      summary: 'Kroužky češtiny hrou pro předškolní děti cizinců v mateřských školách a komunitním centru.',
      justification: 'Čeština před nástupem do školy usnadní start (opatření 21.I, volný čas 22.I).',
      primaryMeasureCode: '21.I',
      measureCodes: ['21.I', '22.I'],
      targetGroups: ['předškolní děti cizinců'],
      districts: ['Praha 11'],
      period: ['02-01', '06-30'],
      budgetLines: [
        line('Osobní náklady', 'Lektorka kroužků', 120_000, 80_000),
        line('Materiál', 'Hry a pomůcky', 25_000, 15_000),
      ],
      otherFundingCzk: 50_000,
      contactPerson: contact('Lucie Horáková', 'lucie.horakova@example.org', '+420 603 111 222'),
    },
    correction: {
      summary: 'Kurz odborné češtiny pro pracovníky v sociálních službách z řad cizinců.',
      justification: 'Poskytovatelé sociálních služeb hledají pracovníky se znalostí jazyků klientů; chybí jim odborná čeština (opatření 25.II).',
      primaryMeasureCode: '25.II',
      measureCodes: ['25.II', '32.II'],
      targetGroups: ['cizinci pracující v sociálních službách'],
      districts: ['Praha 8'],
      period: ['03-01', '11-30'],
      budgetLines: [
        line('Osobní náklady', 'Lektorka odborné češtiny, 120 hodin', 150_000, 100_000),
        line('Materiál', 'Skripta', 20_000, 12_000),
      ],
      otherFundingCzk: 58_000,
      contactPerson: contact('Petr Svoboda', 'petr.svoboda@example.org', '+420 602 345 678'),
    },
    awaitingCheck: {
      summary: 'Dvoutýdenní letní příměstský kemp s výukou češtiny pro děti cizinců.',
      justification: 'Děti o prázdninách češtinu zapomínají; kemp spojuje výuku s volným časem (opatření 22.I a 21.III).',
      primaryMeasureCode: '22.I',
      measureCodes: ['22.I', '21.III'],
      targetGroups: ['děti cizinců ve věku 7–12 let'],
      districts: ['Praha 2'],
      period: ['07-01', '08-31'],
      budgetLines: [
        line('Osobní náklady', 'Lektoři a vedoucí', 90_000, 60_000),
        line('Služby', 'Stravování a výlety', 80_000, 52_000),
      ],
      otherFundingCzk: 58_000,
      contactPerson: contact('Jana Nováková', 'jana.novakova@example.org', '+420 601 234 567'),
    },
    awaitingCheckToo: {
      summary: 'Týdenní konverzační kluby češtiny s dobrovolníky v pobočkách Městské knihovny.',
      justification: 'Konverzace s rodilými mluvčími doplňuje kurzy a propojuje cizince s majoritou (opatření 25.I a 17.II).',
      primaryMeasureCode: '25.I',
      measureCodes: ['25.I', '17.II'],
      targetGroups: ['dospělí cizinci'],
      districts: ['Praha 4', 'Praha 11'],
      period: ['02-01', '12-15'],
      budgetLines: [
        line('Osobní náklady', 'Koordinace klubů', 70_000, 45_000),
        line('Služby', 'Školení dobrovolníků', 30_000, 20_000),
      ],
      otherFundingCzk: 35_000,
      contactPerson: contact('Lucie Horáková', 'lucie.horakova@example.org', '+420 603 111 222'),
    },
  },
  scored: {
    leading: {
      summary: 'Bezplatná sociálně-právní poradna pro cizince: pobytové otázky, zaměstnání, bydlení, zdravotní pojištění; čtyři dny v týdnu.',
      justification: 'Cizinci v Praze 8 a 9 nemají dostupné poradenství ve svém jazyce (opatření 16.II a 17.I Koncepce).',
      primaryMeasureCode: '16.II',
      measureCodes: ['16.II', '17.I'],
      targetGroups: ['cizinci z třetích zemí', 'držitelé dočasné ochrany'],
      districts: ['Praha 8', 'Praha 9'],
      period: ['01-15', '12-31'],
      budgetLines: [
        line('Osobní náklady', 'Sociální pracovnice a právník, 1,2 úvazku', 300_000, 200_000),
        line('Pronájem', 'Poradna v Libni', 60_000, 40_000),
      ],
      otherFundingCzk: 120_000,
      contactPerson: contact('Petr Svoboda', 'petr.svoboda@example.org', '+420 602 345 678'),
    },
    runnerUp: {
      summary: 'Komunitní tlumočníci do ukrajinštiny, vietnamštiny a ruštiny na úřadě městské části, dvě odpoledne v týdnu.',
      justification: 'Cizinci nerozumějí úředním postupům a úřad nemá tlumočníky (opatření 16.I a 13.III).',
      primaryMeasureCode: '16.I',
      measureCodes: ['16.I', '13.III'],
      targetGroups: ['cizinci žijící v MČ Praha 99'],
      districts: ['Praha 99'],
      period: ['02-01', '12-15'],
      budgetLines: [line('Osobní náklady', 'Komunitní tlumočníci, 3 jazyky, 400 hodin', 220_000, 150_000)],
      otherFundingCzk: 70_000,
      contactPerson: contact('Marie Dvořáková', 'marie.dvorakova@example.org', '+420 605 333 444'),
    },
    belowMinimum: {
      summary: 'Telefonická linka s poradenstvím v ukrajinštině, večer a o víkendech.',
      justification: 'Uprchlíci z Ukrajiny potřebují rychlou první informaci (opatření 17.I).',
      primaryMeasureCode: '17.I',
      measureCodes: ['17.I'],
      targetGroups: ['držitelé dočasné ochrany'],
      districts: ['Praha 2'],
      period: ['03-01', '12-31'],
      budgetLines: [
        line('Osobní náklady', 'Operátorky linky', 150_000, 100_000),
        line('Služby', 'Telefonní služby', 20_000, 12_000),
      ],
      otherFundingCzk: 58_000,
      contactPerson: contact('Olena Kovalenko', 'olena.kovalenko@example.org', '+420 604 222 333'),
    },
  },
  decided: {
    closed: {
      summary: 'Komunitní zahrada, kde cizinci a sousedé společně pěstují a pořádají sousedské akce.',
      justification: 'Společná práce propojuje sousedy (opatření 33.I a 33.II).',
      primaryMeasureCode: '33.I',
      measureCodes: ['33.I', '33.II'],
      targetGroups: ['cizinci z třetích zemí', 'sousedé'],
      districts: ['Praha 3'],
      period: ['03-01', '05-31'],
      budgetLines: [
        line('Materiál', 'Vyvýšené záhony, nářadí, osivo', 40_000, 28_000),
        line('Služby', 'Tři sousedské slavnosti', 30_000, 20_000),
      ],
      otherFundingCzk: 22_000,
      contactPerson: contact('Jana Nováková', 'jana.novakova@example.org', '+420 601 234 567'),
    },
    settlementForReview: {
      summary: 'Provoz komunitního centra pro rodiny cizinců: poradenství, kroužky, setkávání.',
      justification: 'Rodiny cizinců v Karlíně potřebují místo pro setkávání a terénní podporu (opatření 16.II a 33.I).',
      primaryMeasureCode: '16.II',
      measureCodes: ['16.II', '33.I', '13.II'],
      targetGroups: ['rodiny cizinců'],
      districts: ['Praha 8'],
      period: ['03-01', '06-15'],
      budgetLines: [
        line('Osobní náklady', 'Komunitní pracovníci', 240_000, 170_000),
        line('Pronájem', 'Prostory centra', 80_000, 56_000),
        line('Služby', 'Tlumočení a kulturní program', 40_000, 24_000),
      ],
      otherFundingCzk: 110_000,
      contactPerson: contact('Petr Svoboda', 'petr.svoboda@example.org', '+420 602 345 678'),
    },
    overdueReturn: {
      summary: 'Jednodenní festival kultur komunit žijících na Jižním Městě s hudbou, jídlem a dílnami.',
      justification: 'Festival představuje komunity sousedům a posiluje soužití (opatření 33.I a 31.I).',
      primaryMeasureCode: '33.I',
      measureCodes: ['33.I', '31.I'],
      targetGroups: ['komunity cizinců', 'obyvatelé Jižního Města'],
      districts: ['Praha 11'],
      period: ['02-01', '04-30'],
      budgetLines: [
        line('Služby', 'Kulturní program a technika', 150_000, 105_000),
        line('Pronájem', 'Pódium a stany', 60_000, 42_000),
        line('Propagace', 'Plakáty a sociální sítě', 50_000, 33_000),
      ],
      otherFundingCzk: 80_000,
      contactPerson: contact('Lucie Horáková', 'lucie.horakova@example.org', '+420 603 111 222'),
    },
    awaitingPublication: {
      summary: 'Dobrovolnické centrum městské části: nábor, školení a koordinace dobrovolníků pro práci s cizinci.',
      justification: 'Dobrovolníci doplňují kapacitu úřadu i neziskových organizací (opatření 33.II a 13.II).',
      primaryMeasureCode: '33.II',
      measureCodes: ['33.II', '13.II'],
      targetGroups: ['dobrovolníci', 'cizinci žijící v MČ'],
      districts: ['Praha 99'],
      period: ['05-01', '12-15'],
      budgetLines: [
        line('Osobní náklady', 'Koordinátorka dobrovolníků', 300_000, 210_000),
        line('Služby', 'Školení dobrovolníků', 80_000, 56_000),
        line('Materiál', 'Vybavení centra', 50_000, 34_000),
      ],
      otherFundingCzk: 130_000,
      contactPerson: contact('Marie Dvořáková', 'marie.dvorakova@example.org', '+420 605 333 444'),
    },
    secondInstalment: {
      summary: 'Mentoři z řad studentů provázejí mladé cizince při studiu a hledání práce.',
      justification: 'Mladí cizinci bez sítě kontaktů potřebují průvodce (opatření 33.II a 16.I).',
      primaryMeasureCode: '33.II',
      measureCodes: ['33.II', '16.I'],
      targetGroups: ['mladí cizinci 15–26 let'],
      districts: ['Praha 2', 'Praha 6'],
      period: ['03-01', '12-15'],
      budgetLines: [
        line('Osobní náklady', 'Koordinace a supervize mentorů', 220_000, 150_000),
        line('Služby', 'Školení mentorů a společné akce', 70_000, 50_000),
      ],
      otherFundingCzk: 90_000,
      contactPerson: contact('Olena Kovalenko', 'olena.kovalenko@example.org', '+420 604 222 333'),
    },
    rejected: {
      summary: 'Kurzy vaření, na kterých cizinci učí sousedy kuchyni své země.',
      justification: 'Společné vaření jako příležitost k setkání (opatření 33.I).',
      primaryMeasureCode: '33.I',
      measureCodes: ['33.I'],
      targetGroups: ['cizinci', 'sousedé'],
      districts: ['Praha 2'],
      period: ['04-01', '10-31'],
      budgetLines: [
        line('Materiál', 'Suroviny', 50_000, 35_000),
        line('Služby', 'Pronájem kuchyně', 40_000, 25_000),
      ],
      otherFundingCzk: 30_000,
      contactPerson: contact('Jana Nováková', 'jana.novakova@example.org', '+420 601 234 567'),
    },
    ineligible: {
      summary: 'Tlumočníci pro rodiče cizince na třídních schůzkách a konzultacích ve školách.',
      justification: 'Rodiče bez češtiny nerozumí škole (opatření 16.I).',
      primaryMeasureCode: '16.I',
      measureCodes: ['16.I'],
      targetGroups: ['rodiče dětí cizinců'],
      districts: ['Praha 8'],
      period: ['02-01', '06-30'],
      budgetLines: [line('Služby', 'Komunitní tlumočníci', 60_000, 40_000)],
      otherFundingCzk: 20_000,
      contactPerson: contact('Petr Svoboda', 'petr.svoboda@example.org', '+420 602 345 678'),
    },
  },
};

/** The district registers without an account and asks for this one (its budget account) before its contract; an officer confirms it. */
export const DISTRICT_CONTRACT_ACCOUNT = '27-2701000336/0710';
