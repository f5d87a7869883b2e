import {
  accountBalances,
  allocationEntries,
  applicationAccount,
  appropriationEntries,
  availableAccount,
  balancesFrom,
  budgetMeasureEntries,
  checkCommitment,
  checkReversal,
  CITY_BUDGET,
  CITY_PENALTIES,
  commitmentEntries,
  entriesOf,
  isBalanced,
  type LedgerTransaction,
  negativeBalancesAfter,
  parseAccount,
  paymentEntries,
  penaltyEntries,
  penaltyPaymentEntries,
  releaseEntries,
  returnDueEntries,
  returnEntries,
  reversalOf,
  unallocatedAccount,
} from './ledger';

let seq = 0;
const at = (occurredOn = '2027-06-01', reference = 'ref') => ({ id: `t${++seq}`, occurredOn, reference });
const A = { partId: 'p1', applicationId: 'a1' };

/** A programme of CZK 5 m with part p1 of CZK 4 m and an award of CZK 300,000 to a1. */
function funded(): LedgerTransaction[] {
  return [
    appropriationEntries({ ...at(), programmeId: 'prog', amountCzk: 5_000_000 }),
    allocationEntries({ ...at(), programmeId: 'prog', partId: 'p1', amountCzk: 4_000_000 }),
    commitmentEntries({ ...at(), ...A, amountCzk: 300_000 }),
  ];
}

describe('chart of accounts', () => {
  it('names accounts and parses them back', () => {
    expect(unallocatedAccount('prog')).toBe('programme:prog:unallocated');
    expect(availableAccount('p1')).toBe('part:p1:available');
    expect(applicationAccount('p1', 'a1', 'return_due')).toBe('part:p1:application:a1:return_due');
    expect(parseAccount('part:p1:application:a1:return_due')).toEqual({ kind: 'application', partId: 'p1', applicationId: 'a1', bucket: 'return_due' });
    expect(parseAccount('part:p1:available')).toEqual({ kind: 'part', partId: 'p1' });
    expect(parseAccount('programme:prog:unallocated')).toEqual({ kind: 'programme', programmeId: 'prog' });
    expect(parseAccount(CITY_BUDGET)).toEqual({ kind: 'city', name: 'budget' });
    expect(parseAccount(CITY_PENALTIES)).toEqual({ kind: 'city', name: 'penalties' });
  });

  it.each(['city:bank', 'part:p1:spent', 'part::available', 'part:p1:application:a1:owed', 'programme:x', ''])('refuses %p', (key) => {
    expect(() => parseAccount(key)).toThrow(RangeError);
  });

  it('refuses ids that would break the names', () => {
    expect(() => availableAccount('')).toThrow(RangeError);
    expect(() => applicationAccount('p1', 'a:1', 'paid')).toThrow(RangeError);
  });
});

describe('movements', () => {
  it('moves an award from the part to the application, as one balanced pair', () => {
    expect(commitmentEntries({ id: 'c1', occurredOn: '2027-05-20', reference: 'UsRHMP/512/2027', ...A, amountCzk: 300_000 })).toEqual({
      id: 'c1',
      type: 'commitment',
      occurredOn: '2027-05-20',
      reference: 'UsRHMP/512/2027',
      reverses: null,
      entries: [
        { transactionId: 'c1', account: 'part:p1:available', amountCzk: -300_000 },
        { transactionId: 'c1', account: 'part:p1:application:a1:committed', amountCzk: 300_000 },
      ],
    });
  });

  it('books each movement between the documented accounts', () => {
    const moves = (tx: LedgerTransaction) => tx.entries.map((e) => [e.account.replace('part:p1:application:a1:', 'a1:'), e.amountCzk]);
    expect(moves(appropriationEntries({ ...at(), programmeId: 'prog', amountCzk: 10 }))).toEqual([
      ['city:budget', -10],
      ['programme:prog:unallocated', 10],
    ]);
    expect(moves(budgetMeasureEntries({ ...at(), programmeId: 'prog', amountCzk: -7 }))).toEqual([
      ['programme:prog:unallocated', -7],
      ['city:budget', 7],
    ]);
    expect(moves(allocationEntries({ ...at(), programmeId: 'prog', partId: 'p1', amountCzk: 10 }))).toEqual([
      ['programme:prog:unallocated', -10],
      ['part:p1:available', 10],
    ]);
    expect(moves(releaseEntries({ ...at(), ...A, amountCzk: 5 }))).toEqual([
      ['a1:committed', -5],
      ['part:p1:available', 5],
    ]);
    expect(moves(paymentEntries({ ...at(), ...A, amountCzk: 5 }))).toEqual([
      ['a1:committed', -5],
      ['a1:paid', 5],
    ]);
    expect(moves(returnDueEntries({ ...at(), ...A, amountCzk: 5 }))).toEqual([
      ['a1:paid', -5],
      ['a1:return_due', 5],
    ]);
    expect(moves(penaltyEntries({ ...at(), ...A, amountCzk: 5 }))).toEqual([
      ['city:penalties', -5],
      ['a1:penalty_due', 5],
    ]);
    expect(moves(penaltyPaymentEntries({ ...at(), ...A, amountCzk: 5 }))).toEqual([
      ['a1:penalty_due', -5],
      ['a1:penalty_paid', 5],
    ]);
  });

  it('settles the return due first, then takes a voluntary return from the money held', () => {
    const moves = (returnDueCzk: number, amountCzk: number) =>
      returnEntries({ ...at(), ...A, amountCzk, returnDueCzk }).entries.map((e) => [e.account.slice('part:p1:application:a1:'.length), e.amountCzk]);
    expect(moves(10_000, 15_000)).toEqual([
      ['return_due', -10_000],
      ['returned', 10_000],
      ['paid', -5_000],
      ['returned', 5_000],
    ]);
    expect(moves(10_000, 4_000)).toEqual([
      ['return_due', -4_000],
      ['returned', 4_000],
    ]);
    expect(moves(0, 4_000)).toEqual([
      ['paid', -4_000],
      ['returned', 4_000],
    ]);
  });

  it('refuses amounts that are not positive whole CZK, and malformed dates', () => {
    expect(() => paymentEntries({ ...at(), ...A, amountCzk: 0 })).toThrow(RangeError);
    expect(() => paymentEntries({ ...at(), ...A, amountCzk: -5 })).toThrow(RangeError);
    expect(() => paymentEntries({ ...at(), ...A, amountCzk: 1.5 })).toThrow(RangeError);
    expect(() => budgetMeasureEntries({ ...at(), programmeId: 'prog', amountCzk: 0 })).toThrow(RangeError);
    expect(() => returnEntries({ ...at(), ...A, amountCzk: 5, returnDueCzk: -1 })).toThrow(RangeError);
    expect(() => paymentEntries({ ...at('2027-13-01'), ...A, amountCzk: 5 })).toThrow(RangeError);
    expect(() => paymentEntries({ id: '', occurredOn: '2027-06-01', reference: '', ...A, amountCzk: 5 })).toThrow(RangeError);
  });
});

describe('isBalanced', () => {
  it('holds when every transaction sums to zero', () => {
    expect(isBalanced(entriesOf(funded()))).toBe(true);
    expect(isBalanced([])).toBe(true);
  });

  it('fails on a transaction that does not sum to zero, even if the whole ledger does', () => {
    expect(
      isBalanced([
        { transactionId: 'x', account: 'part:p1:available', amountCzk: 5 },
        { transactionId: 'y', account: 'city:budget', amountCzk: -5 },
      ]),
    ).toBe(false);
  });

  it('fails on zero or fractional entries', () => {
    expect(isBalanced([{ transactionId: 'x', account: 'city:budget', amountCzk: 0 }])).toBe(false);
    expect(
      isBalanced([
        { transactionId: 'x', account: 'city:budget', amountCzk: 0.5 },
        { transactionId: 'x', account: 'part:p1:available', amountCzk: -0.5 },
      ]),
    ).toBe(false);
  });
});

describe('balancesFrom', () => {
  it('follows a grant through its whole life (hand-computed)', () => {
    const ledger = [
      ...funded(),
      paymentEntries({ ...at(), ...A, amountCzk: 200_000 }),
      paymentEntries({ ...at(), ...A, amountCzk: 100_000 }),
      // review: accepted 260,000 of the 300,000 paid
      returnDueEntries({ ...at(), ...A, amountCzk: 40_000 }),
      returnEntries({ ...at(), ...A, amountCzk: 25_000, returnDueCzk: 40_000 }),
      penaltyEntries({ ...at(), ...A, amountCzk: 1_500 }),
    ];
    const mid = balancesFrom(ledger);
    expect(mid.applications).toEqual([
      {
        applicationId: 'a1',
        partId: 'p1',
        committedCzk: 300_000,
        paidCzk: 300_000,
        returnedCzk: 25_000,
        unpaidCzk: 0,
        heldCzk: 260_000,
        returnDueCzk: 15_000,
        penaltyCzk: 1_500,
        owedCzk: 16_500,
      },
    ]);
    ledger.push(returnEntries({ ...at(), ...A, amountCzk: 15_000, returnDueCzk: 15_000 }), penaltyPaymentEntries({ ...at(), ...A, amountCzk: 1_500 }));
    const end = balancesFrom(ledger);
    expect(end.applications[0]).toMatchObject({ committedCzk: 300_000, paidCzk: 300_000, returnedCzk: 40_000, returnDueCzk: 0, penaltyCzk: 1_500, owedCzk: 0 });
    expect(end.parts).toEqual([
      {
        partId: 'p1',
        allocationCzk: 4_000_000,
        committedCzk: 300_000,
        paidCzk: 300_000,
        returnedCzk: 40_000,
        availableCzk: 3_700_000,
        unpaidCzk: 0,
        returnDueCzk: 0,
      },
    ]);
    expect(end.programmes).toEqual([{ programmeId: 'prog', appropriationCzk: 5_000_000, allocatedCzk: 4_000_000, unallocatedCzk: 1_000_000 }]);
    expect(isBalanced(entriesOf(ledger))).toBe(true);
  });

  it('gives the unpaid rest of an award back to the part on release', () => {
    const ledger = [...funded(), paymentEntries({ ...at(), ...A, amountCzk: 200_000 }), releaseEntries({ ...at(), ...A, amountCzk: 100_000 })];
    const { parts, applications } = balancesFrom(ledger);
    expect(applications[0]).toMatchObject({ committedCzk: 200_000, paidCzk: 200_000, unpaidCzk: 0 });
    expect(parts[0]).toMatchObject({ allocationCzk: 4_000_000, committedCzk: 200_000, availableCzk: 3_800_000 });
  });

  it('counts budget measures in the appropriation and keeps parts apart', () => {
    const ledger = [
      ...funded(),
      budgetMeasureEntries({ ...at(), programmeId: 'prog', amountCzk: 500_000 }),
      budgetMeasureEntries({ ...at(), programmeId: 'prog', amountCzk: -200_000 }),
      allocationEntries({ ...at(), programmeId: 'prog', partId: 'p2', amountCzk: 970_000 }),
      commitmentEntries({ ...at(), partId: 'p2', applicationId: 'b1', amountCzk: 70_000 }),
    ];
    const b = balancesFrom(ledger);
    expect(b.programmes[0]).toEqual({ programmeId: 'prog', appropriationCzk: 5_300_000, allocatedCzk: 4_970_000, unallocatedCzk: 330_000 });
    expect(b.parts.map((p) => [p.partId, p.allocationCzk, p.committedCzk, p.availableCzk])).toEqual([
      ['p1', 4_000_000, 300_000, 3_700_000],
      ['p2', 970_000, 70_000, 900_000],
    ]);
  });

  it('refuses an application booked under two parts', () => {
    const ledger = [...funded(), commitmentEntries({ ...at(), partId: 'p2', applicationId: 'a1', amountCzk: 1 })];
    expect(() => balancesFrom(ledger)).toThrow(/a1 appears under parts p1 and p2/);
  });
});

describe('reversals', () => {
  it('cancel a movement exactly, leaving both on the record', () => {
    const before = funded();
    const payment = paymentEntries({ ...at(), ...A, amountCzk: 120_000 });
    const reversal = reversalOf(payment, { id: 'r1', occurredOn: '2027-06-03', reference: 'wrong amount' });
    expect(reversal).toEqual({
      id: 'r1',
      type: 'reversal',
      occurredOn: '2027-06-03',
      reference: 'wrong amount',
      reverses: { id: payment.id, type: 'payment' },
      entries: payment.entries.map((e) => ({ transactionId: 'r1', account: e.account, amountCzk: -e.amountCzk })),
    });
    expect(balancesFrom([...before, payment, reversal])).toEqual(balancesFrom(before));
  });

  it('of an allocation lower the allocation, not just what is available', () => {
    const ledger = funded();
    const b = balancesFrom([...ledger, reversalOf(ledger[1], at())]);
    expect(b.parts[0]).toMatchObject({ allocationCzk: 0, committedCzk: 300_000, availableCzk: -300_000 });
    expect(checkReversal(ledger[1], ledger).map((v) => v.message)).toEqual([
      'Reversing allocation ' + ledger[1].id + ' would leave part:p1:available at CZK -300,000; later movements depend on it, so reverse them first.',
    ]);
  });

  it('are allowed once, never of a reversal, and not under later movements', () => {
    const ledger = funded();
    const commitment = ledger[2];
    expect(checkReversal(commitment, ledger)).toEqual([]);

    const payment = paymentEntries({ ...at(), ...A, amountCzk: 1 });
    ledger.push(payment);
    expect(checkReversal(commitment, ledger)).toEqual([
      {
        code: 'INVALID_STATUS_TRANSITION',
        message: `Reversing commitment ${commitment.id} would leave part:p1:application:a1:committed at CZK -1; later movements depend on it, so reverse them first.`,
      },
    ]);

    const reversal = reversalOf(payment, { id: 'r9', occurredOn: '2027-06-02', reference: '' });
    ledger.push(reversal);
    expect(checkReversal(payment, ledger)).toEqual([{ code: 'INVALID_STATUS_TRANSITION', message: `Transaction ${payment.id} was already reversed by r9.` }]);
    expect(checkReversal(reversal, ledger)).toEqual([
      { code: 'INVALID_STATUS_TRANSITION', message: 'A reversal cannot be reversed; record the movement again instead.' },
    ]);
    expect(() => reversalOf(reversal, at())).toThrow(RangeError);
    expect(checkReversal(commitment, ledger)).toEqual([]);
  });
});

describe('guards', () => {
  it('negativeBalancesAfter names the internal accounts a movement would overdraw, never the city', () => {
    const ledger = funded();
    const balances = accountBalances(entriesOf(ledger));
    expect(negativeBalancesAfter(balances, paymentEntries({ ...at(), ...A, amountCzk: 300_000 }))).toEqual([]);
    expect(negativeBalancesAfter(balances, paymentEntries({ ...at(), ...A, amountCzk: 300_001 }))).toEqual([
      { account: 'part:p1:application:a1:committed', balanceCzk: -1 },
    ]);
    expect(negativeBalancesAfter(balances, appropriationEntries({ ...at(), programmeId: 'prog', amountCzk: 9_000_000 }))).toEqual([]);
    expect(negativeBalancesAfter(balances, budgetMeasureEntries({ ...at(), programmeId: 'prog', amountCzk: -1_000_001 }))).toEqual([
      { account: 'programme:prog:unallocated', balanceCzk: -1 },
    ]);
  });

  it('checkCommitment keeps an approval within what is left of the allocation', () => {
    expect(checkCommitment({ availableCzk: 100_000, amountCzk: 100_000 })).toEqual([]);
    expect(checkCommitment({ availableCzk: 100_000, amountCzk: 100_001 })).toEqual([
      {
        code: 'ALLOCATION_EXCEEDED',
        field: 'amountCzk',
        message: 'The part has CZK 100,000 left of its allocation; the award of CZK 100,001 does not fit.',
      },
    ]);
    expect(checkCommitment({ availableCzk: 0, amountCzk: 1 }).map((v) => v.message)).toEqual(['The part has CZK 0 left of its allocation; the award of CZK 1 does not fit.']);
  });
});
