import { type ApplicationMoneyFacts, findAnomalies, normaliseBankAccount, sameBankAccount } from './reconciliation';

const ACCOUNT = '034278-0727558021/0100';

/** A grant where everything is in order on 2028-02-01. */
const clean = (over: Partial<ApplicationMoneyFacts> = {}): ApplicationMoneyFacts => ({
  applicationId: 'a1',
  referenceNumber: 'INT-2027-0001',
  awardCzk: 300_000,
  contract: { contractNumber: 'SML/2027/0042', signedOn: '2027-06-10', bankAccount: ACCOUNT, amountCzk: 300_000, publishedOn: '2027-06-20' },
  payments: [
    { amountCzk: 200_000, paidOn: '2027-06-15', paymentReference: 'PAY-1', bankAccount: ACCOUNT },
    { amountCzk: 100_000, paidOn: '2027-09-15', paymentReference: 'PAY-2', bankAccount: '34278-727558021/0100' },
  ],
  settlementDueOn: '2028-01-31',
  settlementSubmittedOn: '2028-01-30',
  returnDueCzk: 0,
  returnDueOn: null,
  returns: [],
  ...over,
});

const TODAY = '2028-02-01';
const kinds = (facts: ApplicationMoneyFacts[], today = TODAY) => findAnomalies(facts, today).map((a) => a.kind);

describe('findAnomalies', () => {
  it('finds nothing wrong with a grant in order', () => {
    expect(findAnomalies([clean()], TODAY)).toEqual([]);
    expect(findAnomalies([], TODAY)).toEqual([]);
  });

  it('finds payments without a contract, and before it was signed', () => {
    expect(findAnomalies([clean({ contract: null, settlementSubmittedOn: null })], TODAY)).toEqual([
      { kind: 'payment_without_contract', applicationId: 'a1', referenceNumber: 'INT-2027-0001', detail: 'CZK 200,000 paid on 2027-06-15 (PAY-1) without a contract.' },
      { kind: 'payment_without_contract', applicationId: 'a1', referenceNumber: 'INT-2027-0001', detail: 'CZK 100,000 paid on 2027-09-15 (PAY-2) without a contract.' },
    ]);
    const early = clean({
      payments: [{ amountCzk: 200_000, paidOn: '2027-06-09', paymentReference: 'PAY-0', bankAccount: ACCOUNT }],
    });
    expect(findAnomalies([early], TODAY)).toEqual([
      {
        kind: 'payment_without_contract',
        applicationId: 'a1',
        referenceNumber: 'INT-2027-0001',
        detail: 'CZK 200,000 paid on 2027-06-09 (PAY-0), before contract SML/2027/0042 was signed on 2027-06-10.',
      },
    ]);
  });

  it('finds payments above the award once, naming when it was first exceeded', () => {
    const over = clean({
      awardCzk: 250_000,
      payments: [
        { amountCzk: 100_000, paidOn: '2027-09-15', paymentReference: 'PAY-2', bankAccount: null },
        { amountCzk: 200_000, paidOn: '2027-06-15', paymentReference: 'PAY-1', bankAccount: null },
        { amountCzk: 10_000, paidOn: '2027-10-01', paymentReference: 'PAY-3', bankAccount: null },
      ],
    });
    expect(findAnomalies([over], TODAY)).toEqual([
      {
        kind: 'payment_above_award',
        applicationId: 'a1',
        referenceNumber: 'INT-2027-0001',
        detail: 'CZK 310,000 paid against an award of CZK 250,000, CZK 60,000 too much; the award was first exceeded on 2027-09-15 (PAY-2).',
      },
    ]);
    const unawarded = clean({
      awardCzk: null,
      contract: null,
      payments: [{ amountCzk: 5, paidOn: '2027-06-15', paymentReference: 'P', bankAccount: null }],
    });
    expect(findAnomalies([unawarded], TODAY).map((a) => a.detail)).toEqual([
      'CZK 5 paid on 2027-06-15 (P) without a contract.',
      'CZK 5 paid though nothing was awarded; first on 2027-06-15 (P).',
    ]);
  });

  it('finds payments to another account than the contract names, ignoring leading zeros and unknown accounts', () => {
    const other = clean({
      payments: [
        { amountCzk: 200_000, paidOn: '2027-06-15', paymentReference: 'PAY-1', bankAccount: '19-2000145399/0800' },
        { amountCzk: 100_000, paidOn: '2027-09-15', paymentReference: 'PAY-2', bankAccount: null },
      ],
    });
    expect(findAnomalies([other], TODAY)).toEqual([
      {
        kind: 'payment_to_other_account',
        applicationId: 'a1',
        referenceNumber: 'INT-2027-0001',
        detail: 'CZK 200,000 paid on 2027-06-15 (PAY-1) to 19-2000145399/0800; contract SML/2027/0042 names 034278-0727558021/0100.',
      },
    ]);
  });

  it('finds a settlement overdue from the day after its deadline', () => {
    const missing = clean({ settlementSubmittedOn: null });
    expect(kinds([missing], '2028-01-31')).toEqual([]);
    expect(findAnomalies([missing], '2028-02-01')).toEqual([
      { kind: 'settlement_overdue', applicationId: 'a1', referenceNumber: 'INT-2027-0001', detail: 'No settlement submitted; it was due on 2028-01-31.' },
    ]);
    // Nothing to settle without a contract.
    expect(kinds([clean({ contract: null, payments: [], settlementSubmittedOn: null })])).toEqual([]);
  });

  it('finds a return overdue while any of it is missing', () => {
    const due = clean({ returnDueCzk: 40_000, returnDueOn: '2028-03-21', returns: [{ amountCzk: 25_000, receivedOn: '2028-03-10' }] });
    expect(kinds([due], '2028-03-21')).toEqual([]);
    expect(findAnomalies([due], '2028-03-22')).toEqual([
      {
        kind: 'return_overdue',
        applicationId: 'a1',
        referenceNumber: 'INT-2027-0001',
        detail: 'CZK 15,000 of the CZK 40,000 to be returned by 2028-03-21 has not arrived.',
      },
    ]);
    expect(kinds([{ ...due, returns: [...due.returns, { amountCzk: 15_000, receivedOn: '2028-03-25' }] }], '2028-03-26')).toEqual([]);
    // A return recorded with a later date does not count yet.
    expect(kinds([{ ...due, returns: [...due.returns, { amountCzk: 15_000, receivedOn: '2028-03-25' }] }], '2028-03-24')).toEqual(['return_overdue']);
  });

  it('finds a contract over CZK 50,000 unpublished past its deadline', () => {
    const contract = { contractNumber: 'SML/2027/0042', signedOn: '2027-06-10', bankAccount: ACCOUNT, amountCzk: 300_000, publishedOn: null };
    expect(kinds([clean({ contract })], '2027-07-10')).toEqual([]);
    expect(findAnomalies([clean({ contract })], '2027-07-11')).toEqual([
      {
        kind: 'publication_overdue',
        applicationId: 'a1',
        referenceNumber: 'INT-2027-0001',
        detail: 'Contract SML/2027/0042 for CZK 300,000, signed on 2027-06-10, had to be published by 2027-07-10 and is not.',
      },
    ]);
    expect(kinds([clean({ contract: { ...contract, amountCzk: 50_000 }, awardCzk: 50_000, payments: [] })], '2028-01-01')).toEqual([]);
  });

  it('lists every anomaly, grant by grant, in a fixed order of kinds', () => {
    const messy = clean({
      applicationId: 'a2',
      referenceNumber: 'INT-2027-0002',
      awardCzk: 100_000,
      contract: { contractNumber: 'SML/2027/0043', signedOn: '2027-06-10', bankAccount: ACCOUNT, amountCzk: 100_000, publishedOn: null },
      payments: [
        { amountCzk: 60_000, paidOn: '2027-06-01', paymentReference: 'P1', bankAccount: '19-2000145399/0800' },
        { amountCzk: 60_000, paidOn: '2027-07-01', paymentReference: 'P2', bankAccount: ACCOUNT },
      ],
      settlementSubmittedOn: null,
      returnDueCzk: 1,
      returnDueOn: '2028-01-15',
    });
    expect(findAnomalies([clean(), messy], TODAY).map((a) => [a.referenceNumber, a.kind])).toEqual([
      ['INT-2027-0002', 'payment_without_contract'],
      ['INT-2027-0002', 'payment_above_award'],
      ['INT-2027-0002', 'payment_to_other_account'],
      ['INT-2027-0002', 'settlement_overdue'],
      ['INT-2027-0002', 'return_overdue'],
      ['INT-2027-0002', 'publication_overdue'],
    ]);
  });
});

describe('bank account comparison', () => {
  it('ignores leading zeros and spaces, and an empty prefix', () => {
    expect(normaliseBankAccount('034278-0727558021/0100')).toBe('34278-727558021/0100');
    expect(normaliseBankAccount('000000-0000000019/0800')).toBe('19/0800');
    expect(sameBankAccount('19/0800', '0-19/0800')).toBe(true);
    expect(sameBankAccount(' 19 / 0800', '19/0800')).toBe(true);
  });

  it('tells different accounts and banks apart, and compares anything else as written', () => {
    expect(sameBankAccount('19/0800', '19/0100')).toBe(false);
    expect(sameBankAccount('19-123/0800', '123/0800')).toBe(false);
    expect(sameBankAccount('CZ6508000000192000145399', 'CZ6508000000192000145399')).toBe(true);
    expect(normaliseBankAccount('nonsense')).toBe('nonsense');
  });
});
