import { assessDebtsPenalty, outstandingDebts, settlementDebts, type Debt } from './penalty';

/*
 * §22 for a settled grant, hand-computed. The contract's settlement deadline
 * is 31 January 2028 (2028 is a leap year: February has 29 days). Unspent
 * money (paid − spent) is due by it; what the review refuses (spent −
 * accepted) is due by the review's remedy deadline. The penalty is 1 ‰ a day
 * from the day after the due date to the day the money arrives, both
 * included; Σ(amount × days) / 1000 rounded down once; each debt capped at
 * its own late money; not levied at CZK 1,000 or less in total.
 */
const settlementDueOn = '2028-01-31';

describe('settlementDebts', () => {
  it('splits paid − accepted into the unspent money (settlement deadline) and the refused money (remedy deadline)', () => {
    // Paid 200,000, spent 150,000, accepted 120,000: unspent 50,000, refused 30,000.
    expect(settlementDebts({ paidCzk: 200_000, spentCzk: 150_000, acceptedCzk: 120_000, settlementDueOn, remedyDueOn: '2028-03-15' })).toEqual([
      { kind: 'unspent', owedCzk: 50_000, dueOn: '2028-01-31' },
      { kind: 'refused', owedCzk: 30_000, dueOn: '2028-03-15' },
    ]);
  });

  it('leaves out debts of nothing', () => {
    expect(settlementDebts({ paidCzk: 200_000, spentCzk: 150_000, acceptedCzk: 150_000, settlementDueOn, remedyDueOn: null })).toEqual([
      { kind: 'unspent', owedCzk: 50_000, dueOn: '2028-01-31' },
    ]);
    expect(settlementDebts({ paidCzk: 200_000, spentCzk: 200_000, acceptedCzk: 200_000, settlementDueOn, remedyDueOn: null })).toEqual([]);
  });

  it('a payment reversed after the settlement (paid 80,000 < spent 100,000, 70,000 accepted): nothing unspent, 10,000 refused — still paid − accepted', () => {
    expect(settlementDebts({ paidCzk: 80_000, spentCzk: 100_000, acceptedCzk: 70_000, settlementDueOn, remedyDueOn: '2028-03-15' })).toEqual([
      { kind: 'refused', owedCzk: 10_000, dueOn: '2028-03-15' },
    ]);
  });

  it('refuses impossible figures and a refusal without a remedy deadline', () => {
    expect(() => settlementDebts({ paidCzk: 100, spentCzk: 101, acceptedCzk: 101, settlementDueOn, remedyDueOn: '2028-03-15' })).toThrow(RangeError);
    expect(() => settlementDebts({ paidCzk: 100, spentCzk: 50, acceptedCzk: 51, settlementDueOn, remedyDueOn: null })).toThrow(RangeError);
    expect(() => settlementDebts({ paidCzk: 100, spentCzk: 50, acceptedCzk: 40, settlementDueOn, remedyDueOn: null })).toThrow(RangeError);
    expect(() => settlementDebts({ paidCzk: 100, spentCzk: 50, acceptedCzk: 50, settlementDueOn: '31.1.2028', remedyDueOn: null })).toThrow(RangeError);
  });
});

describe('outstandingDebts', () => {
  it('pays the earliest-due debt first', () => {
    // Remedy deadline 15 December 2027 before the settlement deadline: 60,000 returned pays the refused 30,000 first, then 30,000 of the unspent 50,000.
    const debts: Debt[] = [
      { kind: 'unspent', owedCzk: 50_000, dueOn: settlementDueOn },
      { kind: 'refused', owedCzk: 30_000, dueOn: '2027-12-15' },
    ];
    expect(outstandingDebts(debts, 60_000).map((d) => [d.kind, d.outstandingCzk])).toEqual([
      ['refused', 0],
      ['unspent', 20_000],
    ]);
  });
});

describe('assessDebtsPenalty (hand-computed)', () => {
  const unspent = (owedCzk: number): Debt => ({ kind: 'unspent', owedCzk, dueOn: settlementDueOn });

  it('unspent money returned after the settlement deadline: from 1 February', () => {
    // 50,000 back on 1 March 2028: 1 February … 1 March = 29 + 1 = 30 days; 50,000 × 30 / 1000 = 1,500.
    const a = assessDebtsPenalty({ debts: [unspent(50_000)], returns: [{ amountCzk: 50_000, receivedOn: '2028-03-01' }], asOf: '2028-03-10' });
    expect(a).toMatchObject({ penaltyCzk: 1_500, computedCzk: 1_500, lateCzk: 50_000, outstandingCzk: 0, final: true });
    expect(a.debts[0].portions).toEqual([{ amountCzk: 50_000, receivedOn: '2028-03-01', daysLate: 30 }]);
  });

  it('a late settlement with its unspent money sent back with it on 1 March: the same 1,500, though the review comes later', () => {
    // The review on 10 March accepts everything spent (nothing refused): only the unspent debt, 30 days late → 1,500.
    const debts = settlementDebts({ paidCzk: 200_000, spentCzk: 150_000, acceptedCzk: 150_000, settlementDueOn, remedyDueOn: null });
    expect(assessDebtsPenalty({ debts, returns: [{ amountCzk: 50_000, receivedOn: '2028-03-01' }], asOf: '2028-03-10' }).penaltyCzk).toBe(1_500);
  });

  it('unspent money returned by the deadline carries nothing, whenever the settlement is reviewed', () => {
    // 50,000 back on 31 January, the due date itself: 0 days.
    const a = assessDebtsPenalty({ debts: [unspent(50_000)], returns: [{ amountCzk: 50_000, receivedOn: '2028-01-31' }], asOf: '2028-06-30' });
    expect(a).toMatchObject({ penaltyCzk: 0, computedCzk: 0, lateCzk: 0, final: true });
  });

  it('unspent and refused money returned together: each late from its own deadline', () => {
    // Paid 200,000, spent 120,000, accepted 100,000 on 25 January; remedy deadline 25 January + 30 = 24 February.
    // 100,000 back on 5 March pays the unspent 80,000 (due 31 January) and the refused 20,000 (due 24 February):
    //   80,000 × (29 + 5 = 34 days) = 2,720,000
    //   20,000 × (5 + 5 = 10 days)  =   200,000
    //   2,920,000 / 1000 = 2,920.
    // (With everything due on the remedy deadline: 100,000 × 10 = 1,000 → not levied.)
    const debts = settlementDebts({ paidCzk: 200_000, spentCzk: 120_000, acceptedCzk: 100_000, settlementDueOn, remedyDueOn: '2028-02-24' });
    const a = assessDebtsPenalty({ debts, returns: [{ amountCzk: 100_000, receivedOn: '2028-03-05' }], asOf: '2028-03-05' });
    expect(a).toMatchObject({ penaltyCzk: 2_920, computedCzk: 2_920, lateCzk: 100_000, final: true });
    expect(a.debts.map((d) => [d.kind, d.perMilleDays, d.lateCzk])).toEqual([
      ['unspent', 2_720_000, 80_000],
      ['refused', 200_000, 20_000],
    ]);
  });

  it('money sent back early pays the debt due first; the other runs from its own deadline', () => {
    // Refused 20,000 due 15 December 2027, unspent 50,000 due 31 January 2028.
    // 20,000 on 4 January → refused, 16 + 4 = 20 days late: 400,000; 50,000 on 31 January → unspent, in time.
    // 400 → not levied (≤ CZK 1,000).
    const debts: Debt[] = [unspent(50_000), { kind: 'refused', owedCzk: 20_000, dueOn: '2027-12-15' }];
    const a = assessDebtsPenalty({
      debts,
      returns: [
        { amountCzk: 50_000, receivedOn: '2028-01-31' },
        { amountCzk: 20_000, receivedOn: '2028-01-04' },
      ],
      asOf: '2028-02-01',
    });
    expect(a).toMatchObject({ penaltyCzk: 0, computedCzk: 400, lateCzk: 20_000 });
    expect(a.debts.map((d) => [d.kind, d.portions])).toEqual([
      ['refused', [{ amountCzk: 20_000, receivedOn: '2028-01-04', daysLate: 20 }]],
      ['unspent', [{ amountCzk: 50_000, receivedOn: '2028-01-31', daysLate: 0 }]],
    ]);
  });

  it('the CZK 1,000 threshold is on the total: two debts under it each are levied together', () => {
    // Unspent 20,000 back on 1 March: 30 days → 600,000; refused 20,000 due 24 February, back on 20 March: 5 + 20 = 25 days → 500,000.
    // 1,100,000 / 1000 = 1,100 > 1,000 → levied.
    const debts: Debt[] = [unspent(20_000), { kind: 'refused', owedCzk: 20_000, dueOn: '2028-02-24' }];
    const a = assessDebtsPenalty({
      debts,
      returns: [
        { amountCzk: 20_000, receivedOn: '2028-03-01' },
        { amountCzk: 20_000, receivedOn: '2028-03-20' },
      ],
      asOf: '2028-03-20',
    });
    expect(a).toMatchObject({ penaltyCzk: 1_100, computedCzk: 1_100 });
  });

  it('caps each debt at its own late money', () => {
    const debts: Debt[] = [unspent(10_000), { kind: 'refused', owedCzk: 5_000, dueOn: '2028-02-24' }];
    const a = assessDebtsPenalty({
      debts,
      returns: [
        { amountCzk: 5_000, receivedOn: '2028-06-03' },
        { amountCzk: 10_000, receivedOn: '2032-03-10' },
      ],
      asOf: '2032-03-10',
    });
    // Unspent 10,000 due 31 January 2028, refused 5,000 due 24 February 2028. Earliest due first: the 5,000 of 3 June 2028 pays
    // unspent (124 days: 29 + 31 + 30 + 31 + 3); the 10,000 of 10 March 2032 pays the other 5,000 unspent and the 5,000 refused.
    //   unspent: 5,000 × 124 + 5,000 × 1,500 = 620,000 + 7,500,000 = 8,120,000 → 8,120, under its cap of 10,000
    //   refused: 5,000 × 1,476 (24 February 2028 → 10 March 2032) = 7,380,000 → 7,380, capped at its 5,000
    //   8,120 + 5,000 = 13,120 (one cap on the whole 15,000 would have let 15,500 through as 15,000).
    expect(a.debts.map((d) => [d.kind, d.perMilleDays, d.lateCzk])).toEqual([
      ['unspent', 8_120_000, 10_000],
      ['refused', 7_380_000, 5_000],
    ]);
    expect(a).toMatchObject({ computedCzk: 8_120 + 5_000, penaltyCzk: 13_120 });
  });

  it('counts money still missing up to the assessment day, provisionally', () => {
    // Unspent 50,000 nothing back by 10 March: 1 February … 10 March = 29 + 10 = 39 days → 1,950.
    const a = assessDebtsPenalty({ debts: [unspent(50_000)], returns: [], asOf: '2028-03-10' });
    expect(a).toMatchObject({ penaltyCzk: 1_950, outstandingCzk: 50_000, final: false });
  });
});
