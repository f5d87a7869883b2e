import type { ResolutionAnnex, ResolutionAnnexLine } from '../../documents/resolution-annex';

/**
 * The annex's columns in its CSV and XLSX exports: fixed Czech names (an
 * export format the Council's materials take, not a template), amounts in
 * whole CZK as numbers.
 */
export const ANNEX_COLUMNS = [
  'Pořadí',
  'Část',
  'Název části',
  'Registrační číslo',
  'Žadatel',
  'IČO',
  'Název projektu',
  'Požadováno (Kč)',
  'Návrh Komise DOT (Kč)',
  'Výsledek',
  'Přiděleno (Kč)',
  'Odůvodnění',
] as const;

/** The outcome of a line, as the annex writes it. */
export const ANNEX_OUTCOMES: Record<ResolutionAnnexLine['outcome'], string> = {
  approved: 'schváleno',
  rejected: 'zamítnuto',
  ineligible: 'nesplňuje podmínky',
};

export type AnnexCell = string | number | null;

/** The annex's lines as rows of ANNEX_COLUMNS, by part and position. */
export function annexRows(annex: ResolutionAnnex): AnnexCell[][] {
  return annex.parts.flatMap((part) =>
    part.lines.map((l) => [
      l.position,
      part.code,
      part.name,
      l.referenceNumber,
      l.applicantName,
      l.ico,
      l.projectTitle,
      l.requestedCzk,
      l.proposedCzk,
      ANNEX_OUTCOMES[l.outcome],
      l.awardedCzk,
      l.reason,
    ]),
  );
}
