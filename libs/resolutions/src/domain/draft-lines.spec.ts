import { BELOW_FUNDING_LINE_REASON, compareAnnexOrder, defaultLine, draftResolutions, INELIGIBLE_REASON, NOT_RECOMMENDED_REASON, requiredBodies } from './draft-lines';
import type { DraftCandidate } from './resolution.types';

let seq = 0;
function candidate(over: Partial<DraftCandidate>): DraftCandidate {
  seq += 1;
  return {
    applicationId: `app-${seq}`,
    partId: 'p1',
    partCode: '1',
    ico: `0000000${seq % 10}`,
    referenceNumber: `INT-2027-${String(seq).padStart(4, '0')}`,
    commissionStatus: 'recommended',
    requestedCzk: 200_000,
    proposedCzk: 150_000,
    rank: seq,
    averageScore: 80,
    ineligibleReasons: [],
    ...over,
  };
}

describe('defaultLine', () => {
  it('approves a recommended application with its proposal', () => {
    expect(defaultLine({ commissionStatus: 'recommended', proposedCzk: 150_000, ineligibleReasons: [] })).toEqual({
      outcome: 'approved',
      amountCzk: 150_000,
      reason: null,
      deviationReason: null,
    });
  });

  it('rejects a recommended application below the funding line (no proposal, or 0) with that reason', () => {
    for (const proposedCzk of [null, 0]) {
      expect(defaultLine({ commissionStatus: 'recommended', proposedCzk, ineligibleReasons: [] })).toEqual({
        outcome: 'rejected',
        amountCzk: null,
        reason: BELOW_FUNDING_LINE_REASON,
        deviationReason: null,
      });
    }
  });

  it('rejects a not recommended application with the commission’s reason', () => {
    expect(defaultLine({ commissionStatus: 'not_recommended', proposedCzk: null, ineligibleReasons: [] })).toMatchObject({
      outcome: 'rejected',
      reason: NOT_RECOMMENDED_REASON,
    });
    expect(NOT_RECOMMENDED_REASON).toMatch(/^Nedoporučeno Komisí DOT/);
    expect(BELOW_FUNDING_LINE_REASON).toMatch(/^Pod hranicí financování/);
  });

  it('keeps an ineligible application ineligible with its formal check’s reasons (blank ones dropped)', () => {
    expect(defaultLine({ commissionStatus: 'ineligible', proposedCzk: null, ineligibleReasons: [' Chybí rozpočet. ', '', 'Po termínu.'] })).toEqual({
      outcome: 'ineligible',
      amountCzk: null,
      reason: 'Chybí rozpočet.; Po termínu.',
      deviationReason: null,
    });
    expect(defaultLine({ commissionStatus: 'ineligible', proposedCzk: null, ineligibleReasons: [] }).reason).toBe(INELIGIBLE_REASON);
  });
});

describe('compareAnnexOrder', () => {
  it('orders by part, then rank, unranked last, then reference number by value', () => {
    const lines = [
      { partCode: '2', rank: 1, referenceNumber: 'R-1' },
      { partCode: '1', rank: null, referenceNumber: 'R-10' },
      { partCode: '1', rank: null, referenceNumber: 'R-9' },
      { partCode: '1', rank: 2, referenceNumber: 'R-3' },
      { partCode: '1', rank: 1, referenceNumber: 'R-4' },
      { partCode: '10', rank: 1, referenceNumber: 'R-5' },
    ];
    expect([...lines].sort(compareAnnexOrder).map((l) => `${l.partCode}/${l.rank}/${l.referenceNumber}`)).toEqual([
      '1/1/R-4',
      '1/2/R-3',
      '1/null/R-9',
      '1/null/R-10',
      '2/1/R-1',
      '10/1/R-5',
    ]);
  });
});

describe('requiredBodies', () => {
  const terms = { yearTotalsCzk: new Map([['11111111', 700_000]]), resolutionDate: '2027-03-01' };

  it('gives a line to the Assembly when the IČO’s year total plus its earlier approved lines plus its amount is above the limit', () => {
    const bodies = requiredBodies(
      [
        { applicationId: 'a', ico: '11111111', outcome: 'approved', amountCzk: 300_000 }, // 700k + 300k = 1,000,000: still the Council's
        { applicationId: 'b', ico: '22222222', outcome: 'approved', amountCzk: 900_000 },
        { applicationId: 'c', ico: '11111111', outcome: 'approved', amountCzk: 1 }, // 1,000,001
        { applicationId: 'd', ico: '11111111', outcome: 'rejected', amountCzk: null },
        { applicationId: 'e', ico: '22222222', outcome: 'approved', amountCzk: 100_000 }, // 900k + 100k = 1,000,000
        { applicationId: 'f', ico: '22222222', outcome: 'approved', amountCzk: 50_000 },
      ],
      terms,
    );
    expect(Object.fromEntries(bodies)).toEqual({ a: 'council', b: 'council', c: 'assembly', d: 'council', e: 'council', f: 'assembly' });
  });

  it('uses the configured threshold', () => {
    const bodies = requiredBodies([{ applicationId: 'a', ico: '33333333', outcome: 'approved', amountCzk: 60_000 }], {
      ...terms,
      thresholdCzk: 50_000,
    });
    expect(bodies.get('a')).toBe('assembly');
  });
});

describe('draftResolutions', () => {
  it('splits the ordered lines between the Council and the Assembly, numbering each draft from 1', () => {
    const big = candidate({ partCode: '2', partId: 'p2', rank: 1, ico: '99999999', requestedCzk: 800_000, proposedCzk: 800_000 });
    const small = candidate({ partCode: '1', rank: 2, ico: '12345678' });
    const first = candidate({ partCode: '1', rank: 1, ico: '12345679', commissionStatus: 'not_recommended', proposedCzk: null });
    const ineligible = candidate({ partCode: '1', rank: null, ico: '12345670', commissionStatus: 'ineligible', proposedCzk: null, ineligibleReasons: ['Po termínu.'] });
    const split = draftResolutions([big, ineligible, small, first], { yearTotalsCzk: new Map([['99999999', 300_000]]), resolutionDate: '2027-03-01' });
    expect(split.council.map((l) => [l.applicationId, l.position, l.outcome])).toEqual([
      [first.applicationId, 1, 'rejected'],
      [small.applicationId, 2, 'approved'],
      [ineligible.applicationId, 3, 'ineligible'],
    ]);
    expect(split.assembly.map((l) => [l.applicationId, l.position, l.outcome, l.amountCzk])).toEqual([[big.applicationId, 1, 'approved', 800_000]]);
  });

  it('builds no Assembly draft when every approval fits the Council’s limit', () => {
    const split = draftResolutions([candidate({}), candidate({})], { yearTotalsCzk: new Map(), resolutionDate: '2027-03-01' });
    expect(split.assembly).toEqual([]);
    expect(split.council.map((l) => l.position)).toEqual([1, 2]);
  });
});
