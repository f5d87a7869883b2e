import fc from 'fast-check';
import { checkMayPropose, checkProposalAdjustment, proposeFunding } from './funding-line';

const item = (id: string, requestedCzk: number, recommended = true) => ({ id, requestedCzk, recommended });

describe('proposeFunding', () => {
  it('proposes the request down the ranking until the allocation is used (hand-computed)', () => {
    const ranked = [item('A', 40_000), item('B', 50_000), item('C', 30_000), item('D', 20_000), item('E', 60_000, false)];
    const line = proposeFunding(ranked, 100_000);
    expect(line.items.map((i) => [i.id, i.proposedCzk])).toEqual([
      ['A', 40_000],
      ['B', 50_000],
      ['C', 10_000], // at the line: what is left
      ['D', 0], // recommended, below the line
      ['E', null], // not recommended: no proposal
    ]);
    expect(line).toMatchObject({ proposedTotalCzk: 100_000, remainingCzk: 0 });
  });

  it('leaves the rest of the allocation when the requests are covered', () => {
    const line = proposeFunding([item('A', 40_000), item('B', 50_000, false)], 100_000);
    expect(line.items.map((i) => i.proposedCzk)).toEqual([40_000, null]);
    expect(line).toMatchObject({ proposedTotalCzk: 40_000, remainingCzk: 60_000 });
  });

  it('does not skip down to a smaller request once the line is reached', () => {
    const line = proposeFunding([item('A', 90_000), item('B', 20_000), item('C', 5_000)], 100_000);
    expect(line.items.map((i) => i.proposedCzk)).toEqual([90_000, 10_000, 0]);
  });

  it('handles an empty part and an empty allocation', () => {
    expect(proposeFunding([], 100_000)).toEqual({ items: [], proposedTotalCzk: 0, remainingCzk: 100_000 });
    expect(proposeFunding([item('A', 1)], 0).items[0].proposedCzk).toBe(0);
  });

  it('keeps the caller\'s fields', () => {
    expect(proposeFunding([item('A', 5)], 10).items[0]).toEqual({ id: 'A', requestedCzk: 5, recommended: true, proposedCzk: 5 });
  });

  it('rejects amounts that are not whole CZK', () => {
    expect(() => proposeFunding([], -1)).toThrow(RangeError);
    expect(() => proposeFunding([], 10.5)).toThrow(RangeError);
    expect(() => proposeFunding([item('A', -5)], 10)).toThrow(RangeError);
  });

  const ranked = fc.array(fc.record({ requestedCzk: fc.integer({ min: 0, max: 2_000_000 }), recommended: fc.boolean() }), { maxLength: 40 });
  const allocation = fc.integer({ min: 0, max: 20_000_000 });

  it('never exceeds the allocation nor any request, and uses all it can', () => {
    fc.assert(
      fc.property(ranked, allocation, (items, allocationCzk) => {
        const line = proposeFunding(items, allocationCzk);
        const proposed = line.items.map((i) => i.proposedCzk ?? 0);
        const sum = proposed.reduce((a, b) => a + b, 0);
        expect(sum).toBe(line.proposedTotalCzk);
        expect(sum).toBeLessThanOrEqual(allocationCzk);
        expect(line.remainingCzk).toBe(allocationCzk - sum);
        line.items.forEach((i) => {
          if (!i.recommended) expect(i.proposedCzk).toBeNull();
          else expect(i.proposedCzk).toBeGreaterThanOrEqual(0);
          expect(i.proposedCzk ?? 0).toBeLessThanOrEqual(i.requestedCzk);
        });
        const recommendedTotal = items.filter((i) => i.recommended).reduce((a, i) => a + i.requestedCzk, 0);
        expect(sum).toBe(Math.min(allocationCzk, recommendedTotal));
      }),
    );
  });

  it('funds in rank order: after a recommended application short of its request, the rest get nothing', () => {
    fc.assert(
      fc.property(ranked, allocation, (items, allocationCzk) => {
        const recommended = proposeFunding(items, allocationCzk).items.filter((i) => i.recommended);
        const short = recommended.findIndex((i) => i.proposedCzk! < i.requestedCzk);
        if (short >= 0) recommended.slice(short + 1).forEach((i) => expect(i.proposedCzk).toBe(0));
      }),
    );
  });

  it('every proposal it makes passes checkProposalAdjustment', () => {
    fc.assert(
      fc.property(ranked, allocation, (items, allocationCzk) => {
        const line = proposeFunding(items, allocationCzk);
        line.items.forEach((i) => {
          if (i.proposedCzk === null) return;
          const others = line.proposedTotalCzk - i.proposedCzk;
          expect(
            checkProposalAdjustment({ proposedCzk: i.proposedCzk, requestedCzk: i.requestedCzk, allocationCzk, otherProposalsSumCzk: others }),
          ).toEqual([]);
        });
      }),
    );
  });
});

describe('checkProposalAdjustment', () => {
  const base = { proposedCzk: 50_000, requestedCzk: 80_000, allocationCzk: 1_000_000, otherProposalsSumCzk: 900_000 };

  it('accepts a proposal within the request and the allocation, up to both limits', () => {
    expect(checkProposalAdjustment(base)).toEqual([]);
    expect(checkProposalAdjustment({ ...base, proposedCzk: 80_000, otherProposalsSumCzk: 920_000 })).toEqual([]);
    expect(checkProposalAdjustment({ ...base, proposedCzk: 0 })).toEqual([]);
  });

  it('refuses more than was requested', () => {
    expect(checkProposalAdjustment({ ...base, proposedCzk: 80_001, otherProposalsSumCzk: 0 })).toEqual([
      { code: 'PROPOSAL_EXCEEDS_REQUEST', field: 'proposedCzk', message: 'The proposed CZK 80,001 is more than the CZK 80,000 requested.' },
    ]);
  });

  it('refuses to take the part over its allocation, saying how much is left', () => {
    expect(checkProposalAdjustment({ ...base, proposedCzk: 80_000, otherProposalsSumCzk: 930_000 })).toEqual([
      {
        code: 'ALLOCATION_EXCEEDED',
        field: 'proposedCzk',
        message:
          "With the other proposals of CZK 930,000, the proposed CZK 80,000 would exceed the part's allocation of CZK 1,000,000; at most CZK 70,000 can be proposed.",
      },
    ]);
  });

  it('reports both at once, the request first', () => {
    expect(checkProposalAdjustment({ ...base, proposedCzk: 150_000 }).map((v) => v.code)).toEqual(['PROPOSAL_EXCEEDS_REQUEST', 'ALLOCATION_EXCEEDED']);
  });

  it('says nothing is left when the others already exceed the allocation', () => {
    const [v] = checkProposalAdjustment({ ...base, proposedCzk: 1, otherProposalsSumCzk: 1_000_001 });
    expect(v.message).toMatch(/at most CZK 0 can be proposed/);
  });

  it.each([[-1], [0.5], [Number.NaN]])('refuses %p as malformed', (proposedCzk) => {
    expect(checkProposalAdjustment({ ...base, proposedCzk })).toEqual([
      { code: 'VALIDATION_FAILED', field: 'proposedCzk', message: 'The proposal must be a whole, non-negative number of CZK.' },
    ]);
  });
});

describe('checkMayPropose', () => {
  it('proposes funding for eligible applications only', () => {
    expect(checkMayPropose('eligible')).toEqual([]);
    expect(checkMayPropose('submitted')).toEqual([
      { code: 'INVALID_STATUS_TRANSITION', message: 'Only an eligible application can be proposed funding; this one is submitted.' },
    ]);
  });
});
