import {
  budgetCategories,
  czkForApi,
  isReturnOverdue,
  latestFormalCheck,
  letterFileName,
  netByType,
  penaltyFromLedger,
  reversedLineIds,
  summariseSettlement,
  type LedgerLine,
} from './grant-money';

const line = (id: string, type: LedgerLine['type'], amountCzk: number, reverses: string | null = null): LedgerLine => ({
  id,
  type,
  amountCzk,
  occurredOn: '2027-03-01',
  reference: id,
  reverses,
  createdAt: '2027-03-01T10:00:00.000Z',
});

describe('netByType', () => {
  it('sums each movement type and takes reversals off the type they undo', () => {
    const lines = [line('c', 'commitment', 200_000), line('p1', 'payment', 100_000), line('p2', 'payment', 50_000), line('r', 'reversal', 50_000, 'p2')];
    expect(netByType(lines)).toMatchObject({ commitment: 200_000, payment: 100_000, return: 0 });
  });

  it('ignores a reversal of a line it does not know', () => {
    expect(netByType([line('p', 'payment', 10), line('r', 'reversal', 10, 'elsewhere')]).payment).toBe(10);
  });
});

describe('penaltyFromLedger', () => {
  it('is nothing without penalty lines', () => {
    expect(penaltyFromLedger([line('p', 'payment', 1000)])).toEqual({ leviedCzk: 0, paidCzk: 0, dueCzk: 0 });
  });

  it('levied, paid and still due, reversals included', () => {
    const lines = [line('x', 'penalty', 3_400), line('y', 'penalty_payment', 1_000), line('z', 'penalty', 500), line('zr', 'reversal', 500, 'z')];
    expect(penaltyFromLedger(lines)).toEqual({ leviedCzk: 3_400, paidCzk: 1_000, dueCzk: 2_400 });
  });
});

describe('reversedLineIds', () => {
  it('names the lines a reversal undid', () => {
    expect([...reversedLineIds([line('a', 'payment', 1), line('b', 'reversal', 1, 'a')])]).toEqual(['a']);
  });
});

describe('letterFileName', () => {
  it('uses the reference number and the kind', () => {
    expect(letterFileName('KOM-2027-0002', 'approval', 'id-1')).toBe('KOM-2027-0002-approval.pdf');
  });

  it('falls back to the letter id and keeps the name safe', () => {
    expect(letterFileName(null, 'rejection', 'abc')).toBe('abc-rejection.pdf');
    expect(letterFileName('A/B 1', 'approval', 'x')).toBe('A_B_1-approval.pdf');
  });
});

describe('latestFormalCheck', () => {
  const check = (result: 'eligible' | 'ineligible' | 'correction_requested', reasons: string[]) => ({
    result,
    reasons,
    correctionDueOn: null,
    checkedAt: '2027-01-01T00:00:00Z',
    checkedBy: 'u',
  });
  it('finds the newest check of a result', () => {
    const checks = [check('correction_requested', ['first']), check('correction_requested', ['second']), check('eligible', [])];
    expect(latestFormalCheck(checks, 'correction_requested')?.reasons).toEqual(['second']);
    expect(latestFormalCheck(checks, 'ineligible')).toBeUndefined();
  });
});

describe('isReturnOverdue', () => {
  it('only with money due and its day passed', () => {
    expect(isReturnOverdue({ returnDueCzk: 25_000, returnDueOn: '2027-02-01', today: '2027-02-02' })).toBe(true);
    expect(isReturnOverdue({ returnDueCzk: 25_000, returnDueOn: '2027-02-01', today: '2027-02-01' })).toBe(false);
    expect(isReturnOverdue({ returnDueCzk: 0, returnDueOn: '2027-02-01', today: '2027-03-01' })).toBe(false);
    expect(isReturnOverdue({ returnDueCzk: 10, returnDueOn: null, today: '2027-03-01' })).toBe(false);
  });
});

describe('summariseSettlement', () => {
  const lines = [
    { category: 'Personnel', spentCzk: '60 000' },
    { category: 'Rent', spentCzk: '40000' },
  ];

  it('adds the lines and compares them with the total and with what was paid', () => {
    expect(summariseSettlement({ spentCzk: '100 000', lines, paidCzk: 100_000, returnedCzk: 0 })).toEqual({
      spentCzk: 100_000,
      linesTotalCzk: 100_000,
      unparsedLines: [],
      linesMatchSpent: true,
      heldCzk: 100_000,
      exceedsHeld: false,
      duplicateCategories: [],
    });
  });

  it('flags a total above the money held and lines not adding up', () => {
    const summary = summariseSettlement({ spentCzk: '120000', lines, paidCzk: 150_000, returnedCzk: 40_000 });
    expect(summary).toMatchObject({ linesTotalCzk: 100_000, linesMatchSpent: false, heldCzk: 110_000, exceedsHeld: true });
  });

  it('keeps half-typed amounts out of the sum and names their lines', () => {
    const summary = summariseSettlement({ spentCzk: '', lines: [...lines, { category: 'Rent', spentCzk: '12,5' }], paidCzk: 0, returnedCzk: 0 });
    expect(summary).toMatchObject({ spentCzk: null, linesTotalCzk: 100_000, unparsedLines: [2], linesMatchSpent: false, exceedsHeld: false });
    expect(summary.duplicateCategories).toEqual(['Rent']);
  });

  it('never matches without lines', () => {
    expect(summariseSettlement({ spentCzk: '0', lines: [], paidCzk: 0, returnedCzk: 0 }).linesMatchSpent).toBe(false);
  });
});

describe('czkForApi', () => {
  it('sends whole CZK as a number and anything else as typed', () => {
    expect(czkForApi('150 000')).toBe(150_000);
    expect(czkForApi(' 12,5 ')).toBe('12,5');
    expect(czkForApi('')).toBe('');
  });
});

describe('budgetCategories', () => {
  it('lists each category once, in order', () => {
    expect(budgetCategories([{ category: 'Personnel' }, { category: ' Rent ' }, { category: 'Personnel' }, { category: '' }])).toEqual(['Personnel', 'Rent']);
  });
});
