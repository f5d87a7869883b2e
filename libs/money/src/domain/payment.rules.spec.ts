import fc from 'fast-check';
import type { Violation } from './czk';
import { checkPayment } from './payment.rules';

const codes = (vs: Violation[]) => vs.map((v) => [v.code, v.field]);

describe('checkPayment', () => {
  const ok = { hasContract: true, awardCzk: 300_000, paidSoFarCzk: 0, amountCzk: 200_000 };

  it('accepts instalments up to the award exactly', () => {
    expect(checkPayment(ok)).toEqual([]);
    expect(checkPayment({ ...ok, paidSoFarCzk: 200_000, amountCzk: 100_000 })).toEqual([]);
    expect(checkPayment({ ...ok, amountCzk: 300_000 })).toEqual([]);
  });

  it('needs a contract', () => {
    expect(checkPayment({ ...ok, hasContract: false })).toEqual([
      { code: 'CONTRACT_REQUIRED', message: 'Nothing can be paid before the contract is signed and recorded.' },
    ]);
  });

  it('never pays above the award, saying how much is left', () => {
    expect(checkPayment({ ...ok, paidSoFarCzk: 200_000, amountCzk: 100_001 })).toEqual([
      {
        code: 'PAYMENT_EXCEEDS_AWARD',
        field: 'amountCzk',
        message:
          'With CZK 200,000 already paid, CZK 100,001 more would make CZK 300,001, above the award of CZK 300,000; at most CZK 100,000 can still be paid.',
      },
    ]);
    expect(checkPayment({ ...ok, paidSoFarCzk: 300_000, amountCzk: 1 })[0].message).toMatch(/at most CZK 0 can still be paid/);
  });

  it('reports a missing contract and an excess together', () => {
    expect(codes(checkPayment({ ...ok, hasContract: false, amountCzk: 400_000 }))).toEqual([
      ['CONTRACT_REQUIRED', undefined],
      ['PAYMENT_EXCEEDS_AWARD', 'amountCzk'],
    ]);
  });

  it.each([[0], [-1], [10.5], [Number.NaN]])('refuses %p as an amount', (amountCzk) => {
    expect(codes(checkPayment({ ...ok, amountCzk }))).toEqual([['VALIDATION_FAILED', 'amountCzk']]);
  });

  it('checks the payment date against the signature and today when given', () => {
    const dated = { ...ok, signedOn: '2027-06-10', today: '2027-06-20' };
    expect(checkPayment({ ...dated, paidOn: '2027-06-10' })).toEqual([]);
    expect(checkPayment({ ...dated, paidOn: '2027-06-09' })).toEqual([
      { code: 'CONTRACT_REQUIRED', field: 'paidOn', message: 'The contract was signed on 2027-06-10; a payment cannot be dated before it (2027-06-09).' },
    ]);
    expect(codes(checkPayment({ ...dated, paidOn: '2027-06-21' }))).toEqual([['VALIDATION_FAILED', 'paidOn']]);
    expect(codes(checkPayment({ ...dated, paidOn: '2027/06/15' }))).toEqual([['VALIDATION_FAILED', 'paidOn']]);
  });

  it('refuses system inputs that are not whole CZK', () => {
    expect(() => checkPayment({ ...ok, awardCzk: -1 })).toThrow(RangeError);
    expect(() => checkPayment({ ...ok, paidSoFarCzk: 0.5 })).toThrow(RangeError);
  });

  it('whatever the instalments, the payments it accepts never add up to more than the award', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.array(fc.integer({ min: -10, max: 800_000 }), { maxLength: 20 }), (awardCzk, tries) => {
        let paid = 0;
        for (const amountCzk of tries) {
          const ok = checkPayment({ hasContract: true, awardCzk, paidSoFarCzk: paid, amountCzk }).length === 0;
          expect(ok).toBe(amountCzk > 0 && paid + amountCzk <= awardCzk);
          if (ok) paid += amountCzk;
        }
        expect(paid).toBeLessThanOrEqual(awardCzk);
      }),
    );
  });
});

describe('checkPayment and the application status', () => {
  const ok = { hasContract: true, awardCzk: 100_000, paidSoFarCzk: 0, amountCzk: 10_000 };
  it('pays while the contract runs', () => {
    expect(checkPayment({ ...ok, status: 'contracted' })).toEqual([]);
  });
  it('refuses after the settlement, when nothing else is wrong', () => {
    expect(checkPayment({ ...ok, status: 'settlement_submitted' })).toEqual([
      { code: 'INVALID_STATUS_TRANSITION', message: 'Payments are made while the contract runs; this application is settlement_submitted.' },
    ]);
    expect(checkPayment({ ...ok, amountCzk: 200_000, status: 'settled' }).map((x) => x.code)).toEqual(['PAYMENT_EXCEEDS_AWARD']);
  });
});
