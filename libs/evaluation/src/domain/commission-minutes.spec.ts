import { commissionMinutes, type MinutesApplication, type MinutesInputs } from './commission-minutes';
import type { SheetTotal } from './normalisation';
import { rankingBoard, type BoardTerms } from './ranking-board';

const TERMS: BoardTerms = { rankingMethod: 'average', quorum: 2, minScore: 50, maxTotal: 100 };
const CHAIR = { userId: 'm-chair', name: 'Zuzana Adamová', chair: true };
const BOB = { userId: 'm-bob', name: 'Bohumil Černý', chair: false };
const ANNA = { userId: 'm-anna', name: 'Anna Šimková', chair: false };

function application(ref: number, partCode: string, requestedCzk: number, proposedCzk: number | null): MinutesApplication {
  return {
    applicationId: `a${ref}`,
    partCode,
    referenceNumber: `INT27-${partCode}-${String(ref).padStart(4, '0')}`,
    submittedAt: new Date(Date.UTC(2027, 1, 1, 8, ref)),
    applicantName: `Spolek ${ref}`,
    ico: String(10_000_000 + ref),
    title: `Projekt ${ref}`,
    status: proposedCzk === null ? 'not_recommended' : 'recommended',
    requestedCzk,
    proposedCzk,
  };
}

const sheet = (applicationId: string, memberId: string, total: number): SheetTotal => ({ applicationId, memberId, total });

function inputs(): MinutesInputs {
  const applications = [application(1, '1', 100_000, 100_000), application(2, '1', 80_000, 50_000), application(3, '1', 60_000, 0), application(4, '2', 40_000, null)];
  const sheets = [
    sheet('a1', CHAIR.userId, 90), sheet('a1', BOB.userId, 80), sheet('a1', ANNA.userId, 70),
    // Bob declared a conflict with a2: no sheet.
    sheet('a2', CHAIR.userId, 60), sheet('a2', ANNA.userId, 64),
    sheet('a3', CHAIR.userId, 55), sheet('a3', BOB.userId, 51), sheet('a3', ANNA.userId, 50),
    // Anna is affiliated with a4's applicant: the ranking leaves her sheet out, and so do the minutes.
    sheet('a4', CHAIR.userId, 30), sheet('a4', BOB.userId, 41),
  ];
  return {
    call: { id: 'c1', title: 'Integrace 2027', programmeCode: 'INT', programmeName: 'Integrace cizinců', year: 2027 },
    terms: TERMS,
    evaluationClosedAt: new Date('2027-03-02T14:30:00Z'),
    parts: [
      { code: '1', name: 'Vzdělávání', allocationCzk: 150_000 },
      { code: '2', name: 'Komunita', allocationCzk: 90_000 },
    ],
    members: [ANNA, BOB, CHAIR],
    board: rankingBoard(applications, sheets, TERMS, ['1', '2']),
    sheets,
    conflicts: [
      { applicationId: 'a2', memberId: BOB.userId, kind: 'declared', reason: 'Předseda spolku' },
      { applicationId: 'a4', memberId: ANNA.userId, kind: 'automatic', reason: null },
      // Declared and also affiliated: one conflict, the automatic one.
      { applicationId: 'a4', memberId: ANNA.userId, kind: 'declared', reason: 'Členka spolku' },
      // A former member's declaration is left out.
      { applicationId: 'a1', memberId: 'm-gone', kind: 'declared', reason: null },
    ],
  };
}

describe('commissionMinutes', () => {
  const minutes = commissionMinutes(inputs());
  const [part1, part2] = minutes.parts;

  it('puts the chair first, then the members by full name (Czech order)', () => {
    expect(minutes.members.map((m) => m.name)).toEqual(['Zuzana Adamová', 'Anna Šimková', 'Bohumil Černý']);
    expect(minutes.evaluationClosedAt).toBe('2027-03-02T14:30:00.000Z');
  });

  it('takes the ranking board’s figures: averages, ranks and recommendations', () => {
    expect(part1.applications.map((a) => [a.referenceNumber, a.averageScore, a.scorers, a.rank, a.recommended])).toEqual([
      ['INT27-1-0001', 80, 3, 1, true],
      ['INT27-1-0002', 62, 2, 2, true],
      ['INT27-1-0003', 52, 3, 3, true],
    ]);
    expect(part2.applications.map((a) => [a.referenceNumber, a.averageScore, a.scorers, a.rank, a.recommended])).toEqual([['INT27-2-0004', 35.5, 2, 1, false]]);
    const board = inputs().board;
    expect(part1.applications.map((a) => a.normalisedScore)).toEqual(board.get('1')!.map((r) => r.normalisedScore));
  });

  it('gives each member’s counted total, or conflict, or none, in the members’ order', () => {
    expect(part1.applications[0].scores.map((s) => s.totalPoints)).toEqual([90, 70, 80]);
    expect(part1.applications[1].scores).toEqual([
      { memberId: CHAIR.userId, totalPoints: 60, state: 'scored' },
      { memberId: ANNA.userId, totalPoints: 64, state: 'scored' },
      { memberId: BOB.userId, totalPoints: null, state: 'conflict' },
    ]);
    expect(part2.applications[0].scores.map((s) => s.state)).toEqual(['scored', 'conflict', 'scored']);
  });

  it('lists the conflicts per application, declared and automatic, without former members', () => {
    expect(part1.applications[0].conflicts).toEqual([]);
    expect(part1.applications[1].conflicts).toEqual([{ memberId: BOB.userId, name: 'Bohumil Černý', kind: 'declared', reason: 'Předseda spolku' }]);
    expect(part2.applications[0].conflicts).toEqual([{ memberId: ANNA.userId, name: 'Anna Šimková', kind: 'automatic', reason: null }]);
  });

  it('draws the funding line of each part: the last rank proposed an amount, what is left of the allocation', () => {
    expect(part1.proposedCzk).toBe(150_000);
    expect(part1.fundingLine).toEqual({ lastFundedRank: 2, remainingCzk: 0 });
    expect(part1.applications.map((a) => [a.proposedCzk, a.funded])).toEqual([[100_000, true], [50_000, true], [0, false]]);
    expect(part2.proposedCzk).toBe(0);
    expect(part2.fundingLine).toEqual({ lastFundedRank: null, remainingCzk: 90_000 });
  });
});
