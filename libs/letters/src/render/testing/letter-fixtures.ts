import type { LetterKind } from '../../domain/letter-kind';

/** Test data: `letter.data` as LetterRequests stores it (jsonb: bigint as a string, instants with an offset). */
export const LETTER_ID = '3f2a9c1e-5b7d-4e21-9a10-6c2f0d8e4b71';

const base = {
  recipient: { name: 'Poradna pro integraci cizinců, z. ú.', ico: '26612933', street: 'Žitná 1578/52', city: 'Praha 2', postalCode: '12000' },
  application: {
    id: '0b6a7c1e-8f3d-4a2b-9c5e-1d2f3a4b5c6d',
    referenceNumber: 'INT27-1-0042',
    title: 'Čeština pro rodiče dětí s odlišným mateřským jazykem',
    submittedAt: '2027-02-10T09:30:00.123456+01:00',
    requestedCzk: '200000',
  },
  part: { code: '1', name: 'Aktivity' },
  call: { id: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', title: 'Integrace cizinců 2027', settlementDueOn: '2028-01-31' },
  programme: { code: 'INT', name: 'Program podpory aktivit v oblasti integrace cizinců', year: 2027 },
  decidedAt: '2027-03-03T09:15:00+01:00',
};

const decisions: Record<LetterKind, Record<string, unknown>> = {
  approval: { outcome: 'approved', amountCzk: 185000, body: 'council', resolutionNumber: 'UR 1234', resolutionDate: '2027-03-01', reasons: [] },
  rejection: {
    outcome: 'rejected',
    amountCzk: null,
    body: 'assembly',
    resolutionNumber: 'UZ 57/12',
    resolutionDate: '2027-03-01',
    reasons: ['Projekt nedosáhl minimálního počtu bodů.', 'Alokace okruhu byla vyčerpána.'],
  },
  ineligible: { result: 'ineligible', reasons: ['Žadatel nemá sídlo na území hlavního města Prahy.'], correctionDueOn: null },
  correction_request: { result: 'correction_requested', reasons: ['Chybí výpis z evidence skutečných majitelů.', 'Rozpočet není podepsán.'], correctionDueOn: '2027-03-17' },
};

export function letterData(kind: LetterKind, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(base), decision: structuredClone(decisions[kind]), ...over };
}
