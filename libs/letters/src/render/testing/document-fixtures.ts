import type { ResolutionAnnex } from '../../documents/resolution-annex';
import type { CommissionMinutes } from '../../domain/commission-minutes';

/** Test data: the minutes of a call with two parts, three members (one conflict), as CommissionMinutesService builds them. */
export function minutesFixture(): CommissionMinutes {
  const members = [
    { userId: '00000000-0000-4000-8000-000000000001', name: 'Jana Dvořáková', chair: true },
    { userId: '00000000-0000-4000-8000-000000000002', name: 'Petr Šťastný', chair: false },
    { userId: '00000000-0000-4000-8000-000000000003', name: 'Zdeňka Říhová', chair: false },
  ];
  const scored = (a: number, b: number | null, c: number) => [
    { memberId: members[0].userId, totalPoints: a, state: 'scored' as const },
    b === null ? { memberId: members[1].userId, totalPoints: null, state: 'conflict' as const } : { memberId: members[1].userId, totalPoints: b, state: 'scored' as const },
    { memberId: members[2].userId, totalPoints: c, state: 'scored' as const },
  ];
  return {
    call: { id: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', title: 'Integrace cizinců 2027', programmeCode: 'INT', programmeName: 'Program podpory aktivit v oblasti integrace cizinců', year: 2027 },
    rankingMethod: 'average',
    quorum: 2,
    minScore: 50,
    maxTotal: 100,
    evaluationClosedAt: '2027-03-02T14:30:00.000Z',
    members,
    parts: [
      {
        code: '1',
        name: 'Vzdělávací aktivity',
        allocationCzk: 300_000,
        proposedCzk: 300_000,
        fundingLine: { lastFundedRank: 2, remainingCzk: 0 },
        applications: [
          {
            applicationId: 'a1',
            referenceNumber: 'INT27-1-0001',
            applicantName: 'Poradna pro integraci cizinců, z. ú.',
            ico: '26612933',
            title: 'Čeština pro rodiče dětí s odlišným mateřským jazykem',
            status: 'recommended',
            requestedCzk: 200_000,
            scores: scored(90, 80, 85),
            scorers: 3,
            averageScore: 85,
            normalisedScore: 86.5,
            rank: 1,
            recommended: true,
            proposedCzk: 200_000,
            funded: true,
            conflicts: [],
          },
          {
            applicationId: 'a2',
            referenceNumber: 'INT27-1-0002',
            applicantName: 'Žižkovská škola „Ůsměv“, o. p. s.',
            ico: '12345678',
            title: 'Doučování',
            status: 'recommended',
            requestedCzk: 150_000,
            scores: scored(70, null, 66),
            scorers: 2,
            averageScore: 68,
            normalisedScore: 67.25,
            rank: 2,
            recommended: true,
            proposedCzk: 100_000,
            funded: true,
            conflicts: [{ memberId: members[1].userId, name: 'Petr Šťastný', kind: 'declared', reason: 'Člen správní rady žadatele' }],
          },
          {
            applicationId: 'a3',
            referenceNumber: 'INT27-1-0003',
            applicantName: 'Spolek Ďáblice',
            ico: '87654321',
            title: 'Letní tábor',
            status: 'recommended',
            requestedCzk: 90_000,
            scores: scored(60, 55, 58),
            scorers: 3,
            averageScore: 57.67,
            normalisedScore: 56,
            rank: 3,
            recommended: true,
            proposedCzk: 0,
            funded: false,
            conflicts: [],
          },
        ],
      },
      {
        code: '2',
        name: 'Komunitní práce',
        allocationCzk: 1_250_000,
        proposedCzk: 0,
        fundingLine: { lastFundedRank: null, remainingCzk: 1_250_000 },
        applications: [
          {
            applicationId: 'a4',
            referenceNumber: 'INT27-2-0004',
            applicantName: 'Komunitní centrum Kotlářka',
            ico: '11223344',
            title: 'Sousedské večery',
            status: 'not_recommended',
            requestedCzk: 400_000,
            scores: scored(30, 40, 35),
            scorers: 3,
            averageScore: 35,
            normalisedScore: 36.1,
            rank: 1,
            recommended: false,
            proposedCzk: null,
            funded: false,
            conflicts: [],
          },
        ],
      },
    ],
  };
}

/** Test data: an annex of a Council resolution on a call with two parts. */
export function annexFixture(over: Partial<ResolutionAnnex> = {}): ResolutionAnnex {
  return {
    resolutionId: '5c0a7d6e-1f2b-4c3d-9e8f-7a6b5c4d3e2f',
    version: 3,
    body: 'council',
    status: 'adopted',
    resolutionNumber: 'UR 1234',
    resolutionDate: '2027-03-15',
    call: { id: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', title: 'Integrace cizinců 2027', programmeCode: 'INT', programmeName: 'Program podpory aktivit v oblasti integrace cizinců', year: 2027 },
    evaluationClosedAt: '2027-03-02T14:30:00.000Z',
    parts: [
      {
        partId: 'p1',
        code: '1',
        name: 'Vzdělávací aktivity',
        allocationCzk: 300_000,
        lines: [
          { position: 1, applicationId: 'a1', referenceNumber: 'INT27-1-0001', applicantName: 'Poradna pro integraci cizinců, z. ú.', ico: '26612933', projectTitle: 'Čeština pro rodiče', requestedCzk: 200_000, proposedCzk: 200_000, outcome: 'approved', awardedCzk: 185_000, reason: 'Krácení o nezpůsobilé náklady na občerstvení' },
          { position: 2, applicationId: 'a2', referenceNumber: 'INT27-1-0002', applicantName: 'Žižkovská škola, o. p. s.', ico: '12345678', projectTitle: 'Doučování', requestedCzk: 150_000, proposedCzk: 100_000, outcome: 'approved', awardedCzk: 100_000, reason: null },
          { position: 3, applicationId: 'a3', referenceNumber: 'INT27-1-0003', applicantName: 'Spolek Ďáblice', ico: '87654321', projectTitle: 'Letní tábor', requestedCzk: 90_000, proposedCzk: 0, outcome: 'rejected', awardedCzk: null, reason: 'Pod hranicí financování (vyčerpána alokace části)' },
        ],
        totals: { lines: 3, approved: 2, rejected: 1, ineligible: 0, requestedCzk: 440_000, proposedCzk: 300_000, awardedCzk: 285_000 },
      },
      {
        partId: 'p2',
        code: '2',
        name: 'Komunitní práce',
        allocationCzk: 1_250_000,
        lines: [
          { position: 4, applicationId: 'a4', referenceNumber: 'INT27-2-0004', applicantName: 'Komunitní centrum Kotlářka', ico: '11223344', projectTitle: 'Sousedské večery', requestedCzk: 400_000, proposedCzk: null, outcome: 'rejected', awardedCzk: null, reason: 'Nedoporučeno Komisí DOT (35 bodů)' },
          { position: 5, applicationId: 'a5', referenceNumber: 'INT27-2-0005', applicantName: 'Nadační fond „Rovnost“', ico: '99887766', projectTitle: 'Právní poradna', requestedCzk: 1_000_000, proposedCzk: null, outcome: 'ineligible', awardedCzk: null, reason: 'Žadatel nemá sídlo na území hlavního města Prahy.' },
        ],
        totals: { lines: 2, approved: 0, rejected: 1, ineligible: 1, requestedCzk: 1_400_000, proposedCzk: 0, awardedCzk: 0 },
      },
    ],
    totals: { lines: 5, approved: 2, rejected: 2, ineligible: 1, requestedCzk: 1_840_000, proposedCzk: 300_000, awardedCzk: 285_000 },
    ...over,
  };
}
