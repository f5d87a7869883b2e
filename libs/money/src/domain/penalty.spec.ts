import fc from 'fast-check';
import { addDays } from '@app/core/domain';
import { assessPenalty, penaltyFor } from './penalty';

describe('penaltyFor (hand-computed)', () => {
  const due = '2028-03-21';

  it('is nothing for money returned on or before the due date', () => {
    expect(penaltyFor({ owedCzk: 100_000, dueOn: due, paidOn: '2028-03-21' })).toBe(0);
    expect(penaltyFor({ owedCzk: 100_000, dueOn: due, paidOn: '2028-03-01' })).toBe(0);
  });

  it('is not levied at CZK 1,000 or less: 100,000 owed, 10 days late → 1,000 → 0', () => {
    expect(penaltyFor({ owedCzk: 100_000, dueOn: due, paidOn: '2028-03-31' })).toBe(0);
  });

  it('is 1 per mille a day above that: 100,000 owed, 11 days late → 1,100', () => {
    expect(penaltyFor({ owedCzk: 100_000, dueOn: due, paidOn: '2028-04-01' })).toBe(1_100);
  });

  it('rounds down to whole CZK: 123,457 × 11 ‰ = 1,358.027 → 1,358', () => {
    expect(penaltyFor({ owedCzk: 123_457, dueOn: due, paidOn: '2028-04-01' })).toBe(1_358);
  });

  it('rounds down also just below a crown: 99,999 × 11 ‰ = 1,099.989 → 1,099', () => {
    expect(penaltyFor({ owedCzk: 99_999, dueOn: due, paidOn: '2028-04-01' })).toBe(1_099);
  });

  it('is capped at the amount owed: 20,000 owed, 2,000 days late → 40,000 → 20,000', () => {
    expect(penaltyFor({ owedCzk: 20_000, dueOn: due, paidOn: addDays(due, 2_000) })).toBe(20_000);
  });

  it('reaches the cap after exactly 1,000 days', () => {
    expect(penaltyFor({ owedCzk: 20_000, dueOn: due, paidOn: addDays(due, 999) })).toBe(19_980);
    expect(penaltyFor({ owedCzk: 20_000, dueOn: due, paidOn: addDays(due, 1_000) })).toBe(20_000);
  });

  it('counts calendar days across a leap day and the year end', () => {
    // 2028-02-28 → 2028-03-01 is 2 days (29 February).
    expect(penaltyFor({ owedCzk: 600_000, dueOn: '2028-02-28', paidOn: '2028-03-01' })).toBe(1_200);
    // 2027-12-31 → 2028-01-03 is 3 days.
    expect(penaltyFor({ owedCzk: 500_000, dueOn: '2027-12-31', paidOn: '2028-01-03' })).toBe(1_500);
  });

  it('never levies on CZK 1,000 or less owed, whatever the delay', () => {
    expect(penaltyFor({ owedCzk: 1_000, dueOn: due, paidOn: addDays(due, 5_000) })).toBe(0);
    expect(penaltyFor({ owedCzk: 0, dueOn: due, paidOn: addDays(due, 5_000) })).toBe(0);
    expect(penaltyFor({ owedCzk: 1_001, dueOn: due, paidOn: addDays(due, 5_000) })).toBe(1_001);
  });

  it('refuses malformed input', () => {
    expect(() => penaltyFor({ owedCzk: -1, dueOn: due, paidOn: due })).toThrow(RangeError);
    expect(() => penaltyFor({ owedCzk: 1.5, dueOn: due, paidOn: due })).toThrow(RangeError);
    expect(() => penaltyFor({ owedCzk: 100, dueOn: '2028-02-30', paidOn: due })).toThrow(RangeError);
    expect(() => penaltyFor({ owedCzk: 100, dueOn: due, paidOn: '21.3.2028' })).toThrow(RangeError);
  });
});

describe('assessPenalty (returns in parts)', () => {
  const dueOn = '2028-03-21';

  it('charges each part for its own delay and rounds once (hand-computed)', () => {
    // 60,000 on time; 30,000 5 days late; 10,000 40 days late:
    // (30,000 × 5 + 10,000 × 40) / 1000 = (150,000 + 400,000) / 1000 = 550 → under the threshold.
    const small = assessPenalty({
      owedCzk: 100_000,
      dueOn,
      returns: [
        { amountCzk: 60_000, receivedOn: '2028-03-20' },
        { amountCzk: 30_000, receivedOn: '2028-03-26' },
        { amountCzk: 10_000, receivedOn: '2028-04-30' },
      ],
      asOf: '2028-05-01',
    });
    expect(small).toEqual({
      penaltyCzk: 0,
      computedCzk: 550,
      lateCzk: 40_000,
      outstandingCzk: 0,
      final: true,
      portions: [
        { amountCzk: 60_000, receivedOn: '2028-03-20', daysLate: 0 },
        { amountCzk: 30_000, receivedOn: '2028-03-26', daysLate: 5 },
        { amountCzk: 10_000, receivedOn: '2028-04-30', daysLate: 40 },
      ],
    });

    // 10,999 × 50 + 20,999 × 30 = 549,950 + 629,970 = 1,179,920 → 1,179.92 → 1,179
    // (rounding each part down first would lose a crown: 549 + 629 = 1,178).
    const parts = assessPenalty({
      owedCzk: 31_998,
      dueOn,
      returns: [
        { amountCzk: 10_999, receivedOn: '2028-05-10' },
        { amountCzk: 20_999, receivedOn: '2028-04-20' },
      ],
      asOf: '2028-06-01',
    });
    expect(parts).toMatchObject({ computedCzk: 1_179, penaltyCzk: 1_179, lateCzk: 31_998 });
    expect(parts.portions).toEqual([
      { amountCzk: 20_999, receivedOn: '2028-04-20', daysLate: 30 },
      { amountCzk: 10_999, receivedOn: '2028-05-10', daysLate: 50 },
    ]);
  });

  it('caps at the money withheld late, not at everything that was owed', () => {
    // 90,000 on time, 10,000 2,000 days late: 20,000 computed, capped at the 10,000 withheld.
    const a = assessPenalty({
      owedCzk: 100_000,
      dueOn,
      returns: [
        { amountCzk: 90_000, receivedOn: dueOn },
        { amountCzk: 10_000, receivedOn: addDays(dueOn, 2_000) },
      ],
      asOf: addDays(dueOn, 2_000),
    });
    expect(a).toMatchObject({ computedCzk: 10_000, penaltyCzk: 10_000, lateCzk: 10_000 });
  });

  it('counts money still missing up to the day of the assessment, provisionally', () => {
    const a = assessPenalty({ owedCzk: 100_000, dueOn, returns: [{ amountCzk: 40_000, receivedOn: '2028-03-21' }], asOf: '2028-04-10' });
    // 60,000 × 20 days = 1,200.
    expect(a).toMatchObject({ penaltyCzk: 1_200, outstandingCzk: 60_000, final: false });
    expect(a.portions[1]).toEqual({ amountCzk: 60_000, receivedOn: null, daysLate: 20 });
    expect(assessPenalty({ owedCzk: 100_000, dueOn, returns: [], asOf: '2028-03-01' })).toMatchObject({ penaltyCzk: 0, outstandingCzk: 100_000, final: false });
  });

  it('ignores what was returned beyond the amount owed', () => {
    const a = assessPenalty({
      owedCzk: 100_000,
      dueOn,
      returns: [
        { amountCzk: 80_000, receivedOn: '2028-04-01' },
        { amountCzk: 50_000, receivedOn: '2028-04-11' },
        { amountCzk: 5_000, receivedOn: '2028-04-20' },
      ],
      asOf: '2028-05-01',
    });
    // 80,000 × 11 + 20,000 × 21 = 880,000 + 420,000 → 1,300.
    expect(a.portions.map((p) => p.amountCzk)).toEqual([80_000, 20_000]);
    expect(a.computedCzk).toBe(1_300);
  });

  it('refuses malformed returns', () => {
    expect(() => assessPenalty({ owedCzk: 100, dueOn, returns: [{ amountCzk: 0, receivedOn: dueOn }], asOf: dueOn })).toThrow(RangeError);
    expect(() => assessPenalty({ owedCzk: 100, dueOn, returns: [{ amountCzk: 10, receivedOn: 'x' }], asOf: dueOn })).toThrow(RangeError);
    expect(() => assessPenalty({ owedCzk: 100, dueOn, returns: [], asOf: '' })).toThrow(RangeError);
  });

  it('matches the formula exactly and stays within its bounds (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.array(fc.record({ pct: fc.integer({ min: 1, max: 60 }), days: fc.integer({ min: -30, max: 3_000 }) }), { maxLength: 6 }),
        (owedCzk, parts) => {
          let left = owedCzk;
          const returns = parts
            .map(({ pct, days }) => {
              const amountCzk = Math.max(1, Math.floor((owedCzk * pct) / 100));
              return { amountCzk, receivedOn: addDays(dueOn, days) };
            })
            .filter((r) => r.amountCzk > 0);
          const a = assessPenalty({ owedCzk, dueOn, returns, asOf: addDays(dueOn, 3_000) });

          // The same figure from the definition, in bigints.
          let sum = 0n;
          let late = 0;
          for (const r of [...returns].sort((x, y) => x.receivedOn.localeCompare(y.receivedOn))) {
            const amount = Math.min(r.amountCzk, left);
            left -= amount;
            const days = Math.max(0, Math.round((Date.parse(r.receivedOn) - Date.parse(dueOn)) / 86_400_000));
            if (days > 0) {
              sum += BigInt(amount) * BigInt(days);
              late += amount;
            }
          }
          if (left > 0) {
            sum += BigInt(left) * 3_000n;
            late += left;
          }
          const expected = Math.min(Number(sum / 1000n), late);
          expect(a.computedCzk).toBe(expected);
          expect(a.penaltyCzk).toBe(expected > 1_000 ? expected : 0);
          expect(a.penaltyCzk).toBeLessThanOrEqual(owedCzk);
          expect(a.portions.reduce((s, p) => s + p.amountCzk, 0)).toBe(owedCzk);
        },
      ),
    );
  });

  it('grows with the delay (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.nat(4_000), fc.nat(4_000), (owedCzk, d1, d2) => {
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(penaltyFor({ owedCzk, dueOn, paidOn: addDays(dueOn, early) })).toBeLessThanOrEqual(
          penaltyFor({ owedCzk, dueOn, paidOn: addDays(dueOn, late) }),
        );
      }),
    );
  });
});
