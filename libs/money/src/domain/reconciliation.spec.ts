import { type ApplicationMoneyFacts, debtsOfSettlement, findAnomalies } from './reconciliation';

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
  debts: [],
  returns: [],
  registeredAccounts: [{ bankAccount: ACCOUNT, from: '2026-11-02', until: null }],
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

  it('finds payments to another account than the organisation’s registered one, ignoring leading zeros and unknown accounts', () => {
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
        detail: "CZK 200,000 paid on 2027-06-15 (PAY-1) to 19-2000145399/0800; the organisation's registered account on that day was 034278-0727558021/0100.",
      },
    ]);
  });

  it('judges each payment by the account registered on its day, not by the contract (which names the account at signing)', () => {
    const NEW = '2701000133/2010';
    // The organisation's account changed (confirmed) on 2027-08-01; the contract still names the old one.
    const changed = clean({
      registeredAccounts: [
        { bankAccount: ACCOUNT, from: '2026-11-02', until: '2027-08-01' },
        { bankAccount: NEW, from: '2027-08-01', until: null },
      ],
      payments: [
        { amountCzk: 100_000, paidOn: '2027-07-31', paymentReference: 'OLD-BEFORE', bankAccount: ACCOUNT },
        { amountCzk: 50_000, paidOn: '2027-08-01', paymentReference: 'OLD-ON-THE-DAY', bankAccount: ACCOUNT },
        { amountCzk: 50_000, paidOn: '2027-08-01', paymentReference: 'NEW-ON-THE-DAY', bankAccount: NEW },
        { amountCzk: 50_000, paidOn: '2027-09-15', paymentReference: 'OLD-AFTER', bankAccount: ACCOUNT },
        { amountCzk: 40_000, paidOn: '2027-09-16', paymentReference: 'NEW-AFTER', bankAccount: NEW },
        { amountCzk: 10_000, paidOn: '2027-07-01', paymentReference: 'NEW-BEFORE', bankAccount: NEW },
      ],
    });
    expect(findAnomalies([changed], TODAY)).toEqual([
      {
        kind: 'payment_to_other_account',
        applicationId: 'a1',
        referenceNumber: 'INT-2027-0001',
        detail: "CZK 10,000 paid on 2027-07-01 (NEW-BEFORE) to 2701000133/2010; the organisation's registered account on that day was 034278-0727558021/0100.",
      },
      {
        kind: 'payment_to_other_account',
        applicationId: 'a1',
        referenceNumber: 'INT-2027-0001',
        detail: "CZK 50,000 paid on 2027-09-15 (OLD-AFTER) to 034278-0727558021/0100; the organisation's registered account on that day was 2701000133/2010.",
      },
    ]);
    const other = clean({
      registeredAccounts: changed.registeredAccounts,
      payments: [{ amountCzk: 1_000, paidOn: '2027-08-01', paymentReference: 'X', bankAccount: '19-2000145399/0800' }],
    });
    expect(findAnomalies([other], TODAY).map((a) => a.detail)).toEqual([
      "CZK 1,000 paid on 2027-08-01 (X) to 19-2000145399/0800; the organisation's registered accounts on that day were 034278-0727558021/0100 and 2701000133/2010.",
    ]);
  });

  it('finds a payment made while the organisation had no registered account, with or without a contract', () => {
    const none = clean({ registeredAccounts: [{ bankAccount: ACCOUNT, from: '2027-06-16', until: null }] });
    expect(findAnomalies([none], TODAY).map((a) => a.detail)).toEqual([
      "CZK 200,000 paid on 2027-06-15 (PAY-1) to 034278-0727558021/0100; the organisation had no registered account on that day.",
    ]);
    expect(kinds([clean({ contract: null, settlementSubmittedOn: null, registeredAccounts: [], payments: [clean().payments[0]] })])).toEqual([
      'payment_without_contract',
      'payment_to_other_account',
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
    const due = clean({ debts: [{ kind: 'refused', owedCzk: 40_000, dueOn: '2028-03-21' }], returns: [{ amountCzk: 25_000, receivedOn: '2028-03-10' }] });
    expect(kinds([due], '2028-03-21')).toEqual([]);
    expect(findAnomalies([due], '2028-03-22')).toEqual([
      {
        kind: 'return_overdue',
        applicationId: 'a1',
        referenceNumber: 'INT-2027-0001',
        detail: 'CZK 15,000 of the CZK 40,000 of money refused by the review to be returned by 2028-03-21 has not arrived.',
      },
    ]);
    expect(kinds([{ ...due, returns: [...due.returns, { amountCzk: 15_000, receivedOn: '2028-03-25' }] }], '2028-03-26')).toEqual([]);
    // A return recorded with a later date does not count yet.
    expect(kinds([{ ...due, returns: [...due.returns, { amountCzk: 15_000, receivedOn: '2028-03-25' }] }], '2028-03-24')).toEqual(['return_overdue']);
  });

  it('judges the unspent money by the settlement deadline and the refused money by the remedy deadline', () => {
    // Unspent 30,000 due 31 January, refused 20,000 due 15 March; 10,000 back on 20 January pays the unspent debt first.
    const debts = [
      { kind: 'unspent' as const, owedCzk: 30_000, dueOn: '2028-01-31' },
      { kind: 'refused' as const, owedCzk: 20_000, dueOn: '2028-03-15' },
    ];
    const f = clean({ debts, returns: [{ amountCzk: 10_000, receivedOn: '2028-01-20' }] });
    expect(kinds([f], '2028-01-31')).toEqual([]);
    expect(findAnomalies([f], '2028-02-01').map((a) => a.detail)).toEqual([
      'CZK 20,000 of the CZK 30,000 of unspent money to be returned by 2028-01-31 has not arrived.',
    ]);
    expect(findAnomalies([f], '2028-03-16').map((a) => a.detail)).toEqual([
      'CZK 20,000 of the CZK 30,000 of unspent money to be returned by 2028-01-31; CZK 20,000 of the CZK 20,000 of money refused by the review to be returned by 2028-03-15 have not arrived.',
    ]);
    // 20,000 more on 1 March settles the unspent money; the refused money is not due yet.
    expect(kinds([{ ...f, returns: [...f.returns, { amountCzk: 20_000, receivedOn: '2028-03-01' }] }], '2028-03-02')).toEqual([]);
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
      debts: [{ kind: 'refused', owedCzk: 1, dueOn: '2028-01-15' }],
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

describe('debtsOfSettlement', () => {
  const settlementDueOn = '2028-01-31';

  it('before the review: the unspent money (paid − spent) by the settlement deadline', () => {
    expect(debtsOfSettlement({ paidCzk: 300_000, spentCzk: 270_000, unspentCzk: null, refusedCzk: null, remedyDueOn: null, settlementDueOn })).toEqual([
      { kind: 'unspent', owedCzk: 30_000, dueOn: settlementDueOn },
    ]);
  });

  it('after it: the unspent money the review recorded and the refused money by the remedy deadline', () => {
    expect(debtsOfSettlement({ paidCzk: 250_000, spentCzk: 270_000, unspentCzk: 30_000, refusedCzk: 20_000, remedyDueOn: '2028-03-15', settlementDueOn })).toEqual([
      { kind: 'unspent', owedCzk: 30_000, dueOn: settlementDueOn },
      { kind: 'refused', owedCzk: 20_000, dueOn: '2028-03-15' },
    ]);
    expect(debtsOfSettlement({ paidCzk: 300_000, spentCzk: 300_000, unspentCzk: 0, refusedCzk: 0, remedyDueOn: null, settlementDueOn })).toEqual([]);
  });
});
