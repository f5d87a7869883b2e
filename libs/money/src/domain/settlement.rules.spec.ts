import fc from 'fast-check';
import type { Violation } from './czk';
import {
  checkReturn,
  checkReturnAccepted,
  checkSettlement,
  checkSettlementReview,
  closesWhenNothingOwed,
  decideReturn,
  isSettlementOverdue,
  settlementReviewOutcome,
} from './settlement.rules';

const codes = (vs: Violation[]) => vs.map((v) => [v.code, v.field]);

describe('checkSettlement', () => {
  const ok = {
    status: 'contracted' as const,
    paidCzk: 300_000,
    returnedCzk: 0,
    spentCzk: 280_000,
    lines: [
      { category: 'staff', spentCzk: 200_000 },
      { category: 'rent', spentCzk: 80_000 },
    ],
    report: 'Twelve Czech courses for 140 newcomers in Praha 3 and Praha 14.',
    budgetCategories: ['staff', 'rent', 'materials'],
  };

  it('accepts lines that add up to what was spent, up to what was paid', () => {
    expect(checkSettlement(ok)).toEqual([]);
    expect(checkSettlement({ ...ok, spentCzk: 300_000, lines: [{ category: 'staff', spentCzk: 300_000 }] })).toEqual([]);
    expect(checkSettlement({ ...ok, spentCzk: 0, lines: [{ category: 'staff', spentCzk: 0 }] })).toEqual([]);
    expect(checkSettlement({ ...ok, budgetCategories: undefined, lines: [{ category: 'anything', spentCzk: 280_000 }] })).toEqual([]);
  });

  it('refuses more spent than paid', () => {
    const lines = [{ category: 'staff', spentCzk: 300_001 }];
    expect(checkSettlement({ ...ok, spentCzk: 300_001, lines })).toEqual([
      { code: 'SETTLEMENT_EXCEEDS_PAYMENTS', field: 'spentCzk', message: 'CZK 300,001 cannot have been spent of a grant of which CZK 300,000 was paid.' },
    ]);
  });

  it('counts money already returned as not spent', () => {
    const lines = [{ category: 'staff', spentCzk: 280_001 }];
    expect(checkSettlement({ ...ok, returnedCzk: 20_000, spentCzk: 280_000, lines: [{ category: 'staff', spentCzk: 280_000 }] })).toEqual([]);
    expect(checkSettlement({ ...ok, returnedCzk: 20_000, spentCzk: 280_001, lines })).toEqual([
      {
        code: 'SETTLEMENT_EXCEEDS_PAYMENTS',
        field: 'spentCzk',
        message: 'CZK 280,001 cannot have been spent of a grant of which CZK 300,000 was paid and CZK 20,000 returned.',
      },
    ]);
  });

  it('needs the lines to add up to the amount spent', () => {
    expect(checkSettlement({ ...ok, spentCzk: 279_999 })).toEqual([
      { code: 'VALIDATION_FAILED', field: 'lines', message: 'The lines add up to CZK 280,000, not the CZK 279,999 declared as spent.' },
    ]);
  });

  it('checks every line', () => {
    const lines = [
      { category: 'staff', spentCzk: 100_000 },
      { category: 'staff', spentCzk: 100_000 },
      { category: 'travel', spentCzk: 80_000 },
      { category: '', spentCzk: 0 },
      { category: 'rent', spentCzk: -1 },
    ];
    expect(codes(checkSettlement({ ...ok, lines }))).toEqual([
      ['VALIDATION_FAILED', 'lines[1].category'],
      ['VALIDATION_FAILED', 'lines[2].category'],
      ['VALIDATION_FAILED', 'lines[3].category'],
      ['VALIDATION_FAILED', 'lines[4].spentCzk'],
    ]);
    expect(codes(checkSettlement({ ...ok, lines: [] }))).toEqual([['VALIDATION_FAILED', 'lines']]);
  });

  it('needs a report of reasonable length, a whole amount and a contracted application', () => {
    expect(codes(checkSettlement({ ...ok, report: '   ' }))).toEqual([['VALIDATION_FAILED', 'report']]);
    expect(codes(checkSettlement({ ...ok, report: 'x'.repeat(10_001) }))).toEqual([['VALIDATION_FAILED', 'report']]);
    expect(checkSettlement({ ...ok, report: 'x'.repeat(10_000) })).toEqual([]);
    expect(codes(checkSettlement({ ...ok, spentCzk: 1.5 }))).toEqual([['VALIDATION_FAILED', 'spentCzk']]);
    expect(codes(checkSettlement({ ...ok, status: 'settlement_submitted' }))).toEqual([['INVALID_STATUS_TRANSITION', undefined]]);
  });

  it('refuses inconsistent system figures', () => {
    expect(() => checkSettlement({ ...ok, returnedCzk: 300_001 })).toThrow(RangeError);
  });
});

describe('checkSettlementReview', () => {
  const ok = { status: 'settlement_submitted' as const, paidCzk: 300_000, returnedCzk: 0, spentCzk: 280_000, acceptedCzk: 280_000, note: '', today: '2028-02-20' };

  it('accepts up to what was spent; less needs a note', () => {
    expect(checkSettlementReview(ok)).toEqual([]);
    expect(checkSettlementReview({ ...ok, acceptedCzk: 250_000, note: 'Invoice 17 is for another project.' })).toEqual([]);
    expect(checkSettlementReview({ ...ok, acceptedCzk: 250_000 })).toEqual([
      { code: 'VALIDATION_FAILED', field: 'note', message: 'Say why part of the amount spent is not accepted.' },
    ]);
  });

  it('never accepts more than was spent nor more than the recipient holds', () => {
    expect(checkSettlementReview({ ...ok, acceptedCzk: 280_001 })).toEqual([
      { code: 'VALIDATION_FAILED', field: 'acceptedCzk', message: 'CZK 280,001 cannot be accepted: the recipient declared CZK 280,000 spent.' },
    ]);
    expect(codes(checkSettlementReview({ ...ok, spentCzk: 300_000, acceptedCzk: 290_000, returnedCzk: 20_000 }))).toEqual([
      ['SETTLEMENT_EXCEEDS_PAYMENTS', 'acceptedCzk'],
      ['VALIDATION_FAILED', 'note'],
    ]);
  });

  it('needs a submitted settlement and a whole amount', () => {
    expect(codes(checkSettlementReview({ ...ok, status: 'contracted' }))).toEqual([['INVALID_STATUS_TRANSITION', undefined]]);
    expect(codes(checkSettlementReview({ ...ok, acceptedCzk: -1 }))).toEqual([['VALIDATION_FAILED', 'acceptedCzk']]);
  });

  it('takes a remedy deadline after the review day, when one is set', () => {
    expect(checkSettlementReview({ ...ok, remedyDueOn: '2028-02-21' })).toEqual([]);
    expect(checkSettlementReview({ ...ok, remedyDueOn: '2028-02-20' })).toEqual([
      { code: 'VALIDATION_FAILED', field: 'remedyDueOn', message: 'The remedy deadline 2028-02-20 must be after the review (2028-02-20).' },
    ]);
    expect(codes(checkSettlementReview({ ...ok, remedyDueOn: '2028-02-30' }))).toEqual([['VALIDATION_FAILED', 'remedyDueOn']]);
  });
});

describe('settlementReviewOutcome', () => {
  const settlementDueOn = '2028-01-31';

  it('claims back paid − accepted: the unspent part due by the settlement deadline, the refused part by the remedy deadline (default 30 days)', () => {
    // Paid 300,000, spent 280,000, accepted 260,000: unspent 20,000 (due 31 January), refused 20,000 (due 20 February + 30 days = 21 March).
    expect(
      settlementReviewOutcome({ awardCzk: 350_000, paidCzk: 300_000, returnedCzk: 0, spentCzk: 280_000, acceptedCzk: 260_000, reviewedOn: '2028-02-20', settlementDueOn }),
    ).toEqual({ returnDueCzk: 40_000, returnDueOn: '2028-01-31', releaseCzk: 50_000, unspentCzk: 20_000, refusedCzk: 20_000, remedyDueOn: '2028-03-21' });
  });

  it('dates the claim by the refused part once the unspent money is back, and by the review’s remedy deadline when it sets one', () => {
    // 20,000 returned with the settlement pays the unspent debt; the refused 20,000 is due by the remedy deadline.
    expect(
      settlementReviewOutcome({
        awardCzk: 300_000,
        paidCzk: 300_000,
        returnedCzk: 20_000,
        spentCzk: 280_000,
        acceptedCzk: 260_000,
        reviewedOn: '2028-02-20',
        settlementDueOn,
        remedyDueOn: '2028-03-06',
      }),
    ).toEqual({ returnDueCzk: 20_000, returnDueOn: '2028-03-06', releaseCzk: 0, unspentCzk: 20_000, refusedCzk: 20_000, remedyDueOn: '2028-03-06' });
  });

  it('has no due date when nothing is due, and no remedy deadline when nothing is refused', () => {
    expect(
      settlementReviewOutcome({ awardCzk: 300_000, paidCzk: 300_000, returnedCzk: 40_000, spentCzk: 260_000, acceptedCzk: 260_000, reviewedOn: '2028-02-20', settlementDueOn }),
    ).toEqual({ returnDueCzk: 0, returnDueOn: null, releaseCzk: 0, unspentCzk: 40_000, refusedCzk: 0, remedyDueOn: null });
  });

  it('refuses figures the review rules would not let through', () => {
    const base = { awardCzk: 300_000, paidCzk: 300_000, returnedCzk: 0, spentCzk: 280_000, acceptedCzk: 260_000, reviewedOn: '2028-02-20', settlementDueOn };
    expect(() => settlementReviewOutcome({ ...base, acceptedCzk: 300_001 })).toThrow(RangeError);
    expect(() => settlementReviewOutcome({ ...base, awardCzk: 299_999 })).toThrow(RangeError);
    expect(() => settlementReviewOutcome({ ...base, remedyDueOn: '2028-13-01' })).toThrow(RangeError);
    expect(() => settlementReviewOutcome({ ...base, reviewedOn: '2028-02-30' })).toThrow(RangeError);
  });

  it('always splits the award into accepted + returned + due + released (property)', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(100), fc.nat(100), fc.nat(100), (awardCzk, paidPct, returnedPct, acceptedPct) => {
        const paidCzk = Math.floor((awardCzk * paidPct) / 100);
        const returnedCzk = Math.floor((paidCzk * returnedPct) / 100);
        const acceptedCzk = Math.floor(((paidCzk - returnedCzk) * acceptedPct) / 100);
        const spentCzk = acceptedCzk + Math.floor(((paidCzk - returnedCzk - acceptedCzk) * acceptedPct) / 100);
        const o = settlementReviewOutcome({ awardCzk, paidCzk, returnedCzk, spentCzk, acceptedCzk, reviewedOn: '2028-02-20', settlementDueOn });
        expect(acceptedCzk + returnedCzk + o.returnDueCzk + o.releaseCzk).toBe(awardCzk);
        expect(o.returnDueCzk).toBeGreaterThanOrEqual(0);
        expect(o.returnDueOn === null).toBe(o.returnDueCzk === 0);
      }),
    );
  });
});

describe('checkReturn', () => {
  const ok = { amountCzk: 40_000, returnDueCzk: 40_000, heldCzk: 0, receivedOn: '2028-03-01', today: '2028-03-02' };

  it('accepts up to what is due plus what is still held', () => {
    expect(checkReturn(ok)).toEqual([]);
    expect(checkReturn({ ...ok, amountCzk: 10_000 })).toEqual([]);
    expect(checkReturn({ ...ok, returnDueCzk: 0, heldCzk: 50_000, amountCzk: 50_000 })).toEqual([]);
  });

  it('refuses more', () => {
    expect(checkReturn({ ...ok, amountCzk: 40_001, heldCzk: 0 })).toEqual([
      { code: 'VALIDATION_FAILED', field: 'amountCzk', message: 'At most CZK 40,000 can be returned: CZK 40,000 due and CZK 0 still held of the grant.' },
    ]);
    expect(checkReturn({ ...ok, returnDueCzk: 0 })[0].message).toBe('The recipient holds nothing of the grant and owes nothing back.');
  });

  it('needs a positive amount received no later than today', () => {
    expect(codes(checkReturn({ ...ok, amountCzk: 0 }))).toEqual([['VALIDATION_FAILED', 'amountCzk']]);
    expect(codes(checkReturn({ ...ok, receivedOn: '2028-03-03' }))).toEqual([['VALIDATION_FAILED', 'receivedOn']]);
    expect(codes(checkReturn({ ...ok, receivedOn: '1.3.2028' }))).toEqual([['VALIDATION_FAILED', 'receivedOn']]);
  });
});

describe('isSettlementOverdue', () => {
  it('is overdue from the day after the deadline until a settlement is submitted', () => {
    expect(isSettlementOverdue({ settlementDueOn: '2028-01-31', submittedOn: null, today: '2028-01-31' })).toBe(false);
    expect(isSettlementOverdue({ settlementDueOn: '2028-01-31', submittedOn: null, today: '2028-02-01' })).toBe(true);
    expect(isSettlementOverdue({ settlementDueOn: '2028-01-31', submittedOn: '2028-02-05', today: '2028-02-10' })).toBe(false);
  });
});

describe('checkReturnAccepted', () => {
  it.each(['contracted', 'settlement_submitted', 'settled'] as const)('accepts money back while %s', (status) => {
    expect(checkReturnAccepted(status)).toEqual([]);
  });
  it.each(['approved', 'closed', 'rejected'] as const)('refuses it when %s', (status) => {
    expect(checkReturnAccepted(status)).toEqual([
      { code: 'INVALID_STATUS_TRANSITION', message: `Nothing can be returned for an application that is ${status}.` },
    ]);
  });
});

describe('decideReturn', () => {
  const base = { receivedOn: '2027-03-01', today: '2027-03-02', returnDueCzk: 0, penaltyDueCzk: 0, heldCzk: 0 };

  it('settles the claim first: part of it, then the rest, which completes the claim', () => {
    expect(decideReturn({ ...base, amountCzk: 10_000, returnDueCzk: 25_000 }).effect).toEqual({
      kind: 'return',
      penaltyPaidCzk: 0,
      returnedCzk: 10_000,
      fromDueCzk: 10_000,
      stillDueCzk: 15_000,
      completesClaim: false,
    });
    expect(decideReturn({ ...base, amountCzk: 15_000, returnDueCzk: 15_000 }).effect).toMatchObject({ fromDueCzk: 15_000, stillDueCzk: 0, completesClaim: true });
  });

  it('before the review, returns money still held without completing any claim', () => {
    expect(decideReturn({ ...base, amountCzk: 5_000, heldCzk: 40_000 }).effect).toMatchObject({ kind: 'return', returnedCzk: 5_000, fromDueCzk: 0, completesClaim: false });
  });

  it('once everything claimed is back, pays the penalty, and never more than is due', () => {
    expect(decideReturn({ ...base, amountCzk: 2_000, penaltyDueCzk: 3_000 }).effect).toEqual({
      kind: 'penalty_payment',
      penaltyPaidCzk: 2_000,
      returnedCzk: 0,
      fromDueCzk: 0,
      stillDueCzk: 0,
      completesClaim: false,
    });
    const tooMuch = decideReturn({ ...base, amountCzk: 3_001, penaltyDueCzk: 3_000 });
    expect(tooMuch.effect).toBeNull();
    expect(tooMuch.violations).toEqual([{ code: 'VALIDATION_FAILED', field: 'amountCzk', message: 'Only the penalty of CZK 3,000 is still owed.' }]);
  });

  it('refuses a return above what is owed and held, as checkReturn does, and decides nothing', () => {
    const refused = decideReturn({ ...base, amountCzk: 50_000, returnDueCzk: 10_000, heldCzk: 5_000 });
    expect(refused.effect).toBeNull();
    expect(refused.violations.map((v) => v.field)).toEqual(['amountCzk']);
  });
});

describe('closesWhenNothingOwed', () => {
  it('closes a settled grant with no claim and no penalty left, nothing else', () => {
    expect(closesWhenNothingOwed({ status: 'settled', stillDueCzk: 0, penaltyDueCzk: 0 })).toBe(true);
    expect(closesWhenNothingOwed({ status: 'settled', stillDueCzk: 1, penaltyDueCzk: 0 })).toBe(false);
    expect(closesWhenNothingOwed({ status: 'settled', stillDueCzk: 0, penaltyDueCzk: 500 })).toBe(false);
    expect(closesWhenNothingOwed({ status: 'contracted', stillDueCzk: 0, penaltyDueCzk: 0 })).toBe(false);
  });
});
