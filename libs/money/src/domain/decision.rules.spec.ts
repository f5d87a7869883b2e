import fc from 'fast-check';
import {
  approvingBodyFor,
  awardAmountOf,
  checkDecision,
  decisionEffect,
  COUNCIL_LIMIT_BEFORE_2024_CZK,
  COUNCIL_LIMIT_CZK,
  councilLimitFor,
  type DecisionInput,
} from './decision.rules';
import type { Violation } from './czk';

const codes = (vs: Violation[]) => vs.map((v) => [v.code, v.field]);

describe('councilLimitFor', () => {
  it('is CZK 1,000,000 from 2024 and CZK 200,000 before, by the resolution year', () => {
    expect(councilLimitFor('2024-01-01')).toBe(1_000_000);
    expect(councilLimitFor('2027-06-30')).toBe(COUNCIL_LIMIT_CZK);
    expect(councilLimitFor('2023-12-31')).toBe(200_000);
    expect(councilLimitFor('2016-03-01')).toBe(COUNCIL_LIMIT_BEFORE_2024_CZK);
  });

  it('lets configuration replace the current limit, never the historical one', () => {
    expect(councilLimitFor('2027-06-30', 1_500_000)).toBe(1_500_000);
    expect(councilLimitFor('2023-06-30', 1_500_000)).toBe(200_000);
  });

  it('refuses a malformed date or threshold', () => {
    expect(() => councilLimitFor('2027-02-30')).toThrow(RangeError);
    expect(() => councilLimitFor('2027-06-30', -1)).toThrow(RangeError);
    expect(() => councilLimitFor('2027-06-30', 0.5)).toThrow(RangeError);
  });
});

describe('approvingBodyFor', () => {
  const at = (yearTotalBeforeCzk: number, amountCzk: number, resolutionDate = '2027-05-20', thresholdCzk?: number) =>
    approvingBodyFor({ yearTotalBeforeCzk, amountCzk, resolutionDate, thresholdCzk });

  it('leaves to the Council everything up to the limit, the limit included', () => {
    expect(at(0, 1_000_000)).toBe('council');
    expect(at(600_000, 400_000)).toBe('council');
    expect(at(0, 999_999)).toBe('council');
  });

  it('needs the Assembly one crown above it, counting the year\'s earlier awards', () => {
    expect(at(0, 1_000_001)).toBe('assembly');
    expect(at(600_001, 400_000)).toBe('assembly');
    expect(at(1_000_000, 1)).toBe('assembly');
  });

  it('applies the CZK 200,000 limit to resolutions before 2024', () => {
    expect(at(150_000, 50_000, '2023-11-15')).toBe('council');
    expect(at(150_000, 50_001, '2023-11-15')).toBe('assembly');
  });

  it('uses a configured limit', () => {
    expect(at(0, 1_200_000, '2027-05-20', 1_500_000)).toBe('council');
    expect(at(0, 600_000, '2027-05-20', 500_000)).toBe('assembly');
  });

  it('is the Council exactly when the year total stays within the limit (property)', () => {
    fc.assert(
      fc.property(fc.nat(3_000_000), fc.nat(3_000_000), fc.integer({ min: 2010, max: 2040 }), (before, amount, year) => {
        const body = at(before, amount, `${year}-06-15`);
        const limit = year < 2024 ? 200_000 : 1_000_000;
        expect(body).toBe(before + amount <= limit ? 'council' : 'assembly');
      }),
    );
  });
});

describe('awardAmountOf', () => {
  it('is the amount given, else the proposal', () => {
    expect(awardAmountOf({ amountCzk: 80_000, proposedCzk: 100_000 })).toBe(80_000);
    expect(awardAmountOf({ proposedCzk: 100_000 })).toBe(100_000);
    expect(awardAmountOf({ amountCzk: null, proposedCzk: null })).toBeNull();
  });
});

describe('decisionEffect', () => {
  it('approves for the amount given, else the proposal; rejects with no award; keeps the reasons that say something', () => {
    expect(decisionEffect({ outcome: 'approved', amountCzk: 80_000, proposedCzk: 100_000 })).toEqual({ status: 'approved', awardCzk: 80_000, reasons: [], deviationReason: null });
    expect(decisionEffect({ outcome: 'approved', proposedCzk: 100_000, reasons: [' Splňuje ', ''] })).toEqual({
      status: 'approved',
      awardCzk: 100_000,
      reasons: ['Splňuje'],
      deviationReason: null,
    });
    expect(decisionEffect({ outcome: 'rejected', amountCzk: 80_000, proposedCzk: 100_000, reasons: ['  Nízké skóre ', '   '] })).toEqual({
      status: 'rejected',
      awardCzk: null,
      reasons: ['Nízké skóre'],
      deviationReason: null,
    });
  });

  it('keeps the reason for deviating from the commission, trimmed; a blank one is none', () => {
    expect(decisionEffect({ outcome: 'approved', amountCzk: 120_000, proposedCzk: 100_000, deviationReason: '  Navýšení na tlumočníky. ' })).toMatchObject({
      awardCzk: 120_000,
      deviationReason: 'Navýšení na tlumočníky.',
    });
    expect(decisionEffect({ outcome: 'approved', amountCzk: 100_000, proposedCzk: 100_000, deviationReason: '   ' }).deviationReason).toBeNull();
  });
});

describe('checkDecision', () => {
  const approval: DecisionInput = {
    status: 'recommended',
    outcome: 'approved',
    requestedCzk: 400_000,
    proposedCzk: 350_000,
    body: 'council',
    resolutionNumber: 'UsRHMP/512/2027',
    resolutionDate: '2027-05-20',
    yearTotalBeforeCzk: 0,
    today: '2027-05-21',
    evaluationClosedOn: '2027-04-30',
  };
  const rejection: DecisionInput = { ...approval, outcome: 'rejected', reasons: ['Below the funding line.'] };

  it('accepts an approval of the proposal by the Council, and of another amount up to the request', () => {
    expect(checkDecision(approval)).toEqual([]);
    expect(checkDecision({ ...approval, amountCzk: 400_000, deviationReason: 'The Council added the interpreters.' })).toEqual([]);
    expect(checkDecision({ ...approval, amountCzk: 1 })).toEqual([]);
    expect(checkDecision({ ...approval, resolutionDate: '2027-05-21' })).toEqual([]);
  });

  it('accepts a rejection of a recommended or not recommended application, by either body', () => {
    expect(checkDecision(rejection)).toEqual([]);
    expect(checkDecision({ ...rejection, status: 'not_recommended' })).toEqual([]);
    expect(checkDecision({ ...rejection, body: 'assembly', yearTotalBeforeCzk: 5_000_000 })).toEqual([]);
  });

  it('approves a recommended application, and a not recommended one only with the reason for deviating', () => {
    expect(checkDecision({ ...approval, status: 'not_recommended', proposedCzk: null, amountCzk: 100_000 })).toEqual([
      {
        code: 'DEVIATION_REASON_REQUIRED',
        field: 'deviationReason',
        message: 'The DOT Commission did not recommend this application: an approval must give the reason for deviating from its recommendation (deviationReason).',
      },
    ]);
    expect(codes(checkDecision({ ...approval, status: 'not_recommended', proposedCzk: null, amountCzk: 100_000, deviationReason: '  ' }))).toEqual([
      ['DEVIATION_REASON_REQUIRED', 'deviationReason'],
    ]);
    expect(checkDecision({ ...approval, status: 'not_recommended', proposedCzk: null, amountCzk: 100_000, deviationReason: 'Unique in Praha 14.' })).toEqual([]);
    // Not recommended, and no amount: there is nothing to fall back on either.
    expect(codes(checkDecision({ ...approval, status: 'not_recommended', proposedCzk: null, deviationReason: 'Unique in Praha 14.' }))).toEqual([
      ['VALIDATION_FAILED', 'amountCzk'],
    ]);
    for (const status of ['eligible', 'approved', 'rejected', 'contracted', 'withdrawn'] as const) {
      expect(checkDecision({ ...approval, status })).toEqual([
        { code: 'INVALID_STATUS_TRANSITION', message: `An application in status "${status}" cannot be approved; only a recommended or not recommended one can.` },
      ]);
      expect(codes(checkDecision({ ...rejection, status }))).toEqual([['INVALID_STATUS_TRANSITION', undefined]]);
    }
  });

  it('needs the reason for deviating for an award above the proposal, and takes none for an award that follows it', () => {
    expect(checkDecision({ ...approval, amountCzk: 350_001 })).toEqual([
      {
        code: 'DEVIATION_REASON_REQUIRED',
        field: 'deviationReason',
        message: "The award of CZK 350,001 is above the DOT Commission's proposal of CZK 350,000: give the reason for deviating from it (deviationReason).",
      },
    ]);
    // A recommended application the funding line left without money (proposal 0 or none).
    expect(codes(checkDecision({ ...approval, proposedCzk: 0, amountCzk: 10_000 }))).toEqual([['DEVIATION_REASON_REQUIRED', 'deviationReason']]);
    expect(codes(checkDecision({ ...approval, proposedCzk: null, amountCzk: 10_000 }))).toEqual([['DEVIATION_REASON_REQUIRED', 'deviationReason']]);
    expect(checkDecision({ ...approval, proposedCzk: 0, amountCzk: 10_000, deviationReason: 'Reserve released.' })).toEqual([]);
    // The proposal itself, or less: no deviation upwards, so no reason, and a reason given is refused.
    expect(checkDecision({ ...approval, amountCzk: 350_000 })).toEqual([]);
    expect(checkDecision({ ...approval, amountCzk: 200_000 })).toEqual([]);
    expect(checkDecision({ ...approval, deviationReason: 'None really.' })).toEqual([
      {
        code: 'VALIDATION_FAILED',
        field: 'deviationReason',
        message: "The award follows the DOT Commission's recommendation and proposal: there is no deviation to give a reason for.",
      },
    ]);
    expect(codes(checkDecision({ ...rejection, deviationReason: 'Why not.' }))).toEqual([['VALIDATION_FAILED', 'deviationReason']]);
    // A blank reason is no reason (the portal may send the empty field).
    expect(checkDecision({ ...approval, deviationReason: '  ' })).toEqual([]);
  });

  it('refuses a resolution dated before the evaluation of the call closed; the day of the close passes', () => {
    const message =
      "The resolution date 2027-04-29 is before the evaluation of the call closed (2027-04-30): the Council or the Assembly decides on the commission's results, so not earlier.";
    expect(checkDecision({ ...approval, resolutionDate: '2027-04-29' })).toEqual([{ code: 'RESOLUTION_BEFORE_EVALUATION_CLOSE', field: 'resolutionDate', message }]);
    expect(codes(checkDecision({ ...rejection, resolutionDate: '2026-12-31' }))).toEqual([['RESOLUTION_BEFORE_EVALUATION_CLOSE', 'resolutionDate']]);
    expect(checkDecision({ ...approval, resolutionDate: '2027-04-30' })).toEqual([]);
    // A year earlier would be judged against that year's Council limit: refused before the limit is looked at.
    expect(codes(checkDecision({ ...approval, resolutionDate: '2026-12-31', yearTotalBeforeCzk: 5_000_000 }))).toEqual([
      ['RESOLUTION_BEFORE_EVALUATION_CLOSE', 'resolutionDate'],
    ]);
    // Not closed (the status rules refuse that already): nothing to compare with.
    expect(checkDecision({ ...approval, evaluationClosedOn: null })).toEqual([]);
  });

  it('refuses an award above the request', () => {
    expect(checkDecision({ ...approval, amountCzk: 400_001 })).toEqual([
      { code: 'PROPOSAL_EXCEEDS_REQUEST', field: 'amountCzk', message: 'The awarded CZK 400,001 is more than the CZK 400,000 requested.' },
    ]);
  });

  it('needs a positive whole amount, from the request or the proposal', () => {
    expect(codes(checkDecision({ ...approval, proposedCzk: null }))).toEqual([['VALIDATION_FAILED', 'amountCzk']]);
    expect(codes(checkDecision({ ...approval, proposedCzk: 0 }))).toEqual([['VALIDATION_FAILED', 'amountCzk']]);
    expect(codes(checkDecision({ ...approval, amountCzk: 0 }))).toEqual([['VALIDATION_FAILED', 'amountCzk']]);
    expect(codes(checkDecision({ ...approval, amountCzk: 1000.5 }))).toEqual([['VALIDATION_FAILED', 'amountCzk']]);
    expect(codes(checkDecision({ ...approval, amountCzk: -5 }))).toEqual([['VALIDATION_FAILED', 'amountCzk']]);
  });

  it('sends to the Assembly an award that takes the recipient\'s year above the limit', () => {
    expect(checkDecision({ ...approval, yearTotalBeforeCzk: 650_001 })).toEqual([
      {
        code: 'ASSEMBLY_DECISION_REQUIRED',
        field: 'body',
        message:
          "With this award of CZK 350,000, the recipient's awards in 2027 come to CZK 1,000,001, " +
          'above the CZK 1,000,000 that the City Council may award one recipient in a year; the City Assembly must decide.',
      },
    ]);
    expect(checkDecision({ ...approval, yearTotalBeforeCzk: 650_000 })).toEqual([]);
    expect(checkDecision({ ...approval, yearTotalBeforeCzk: 650_001, body: 'assembly' })).toEqual([]);
  });

  it('lets the Assembly decide below the limit too', () => {
    expect(checkDecision({ ...approval, body: 'assembly' })).toEqual([]);
  });

  it('uses the limit of the resolution year, and a configured one', () => {
    const in2023 = { ...approval, resolutionDate: '2023-12-20', today: '2024-01-10', evaluationClosedOn: '2023-12-01', amountCzk: 150_000 };
    expect(checkDecision({ ...in2023, yearTotalBeforeCzk: 50_000 })).toEqual([]);
    expect(codes(checkDecision({ ...in2023, yearTotalBeforeCzk: 50_001 }))).toEqual([['ASSEMBLY_DECISION_REQUIRED', 'body']]);
    expect(codes(checkDecision({ ...approval, thresholdCzk: 300_000 }))).toEqual([['ASSEMBLY_DECISION_REQUIRED', 'body']]);
  });

  it('needs a resolution number and a past or present resolution date', () => {
    expect(codes(checkDecision({ ...approval, resolutionNumber: '  ' }))).toEqual([['VALIDATION_FAILED', 'resolutionNumber']]);
    expect(codes(checkDecision({ ...approval, resolutionNumber: 'x'.repeat(101) }))).toEqual([['VALIDATION_FAILED', 'resolutionNumber']]);
    expect(codes(checkDecision({ ...approval, resolutionDate: '20.5.2027' }))).toEqual([['VALIDATION_FAILED', 'resolutionDate']]);
    expect(checkDecision({ ...approval, resolutionDate: '2027-05-22' })).toEqual([
      {
        code: 'VALIDATION_FAILED',
        field: 'resolutionDate',
        message: 'The resolution date 2027-05-22 is in the future; record a resolution once it is passed.',
      },
    ]);
  });

  it('refuses an unknown body', () => {
    expect(codes(checkDecision({ ...approval, body: 'mayor' as never }))).toEqual([['VALIDATION_FAILED', 'body']]);
  });

  it('needs reasons for a rejection, and no amount', () => {
    expect(codes(checkDecision({ ...rejection, reasons: undefined }))).toEqual([['VALIDATION_FAILED', 'reasons']]);
    expect(codes(checkDecision({ ...rejection, reasons: [' '] }))).toEqual([
      ['VALIDATION_FAILED', 'reasons'],
      ['VALIDATION_FAILED', 'reasons[0]'],
    ]);
    expect(codes(checkDecision({ ...rejection, reasons: ['Budget unclear.', ''] }))).toEqual([['VALIDATION_FAILED', 'reasons[1]']]);
    expect(codes(checkDecision({ ...rejection, amountCzk: 100_000 }))).toEqual([['VALIDATION_FAILED', 'amountCzk']]);
  });

  it('lists every problem at once', () => {
    expect(
      codes(
        checkDecision({
          ...approval,
          status: 'eligible',
          resolutionNumber: '',
          amountCzk: 1_500_000,
          requestedCzk: 1_200_000,
        }),
      ),
    ).toEqual([
      ['INVALID_STATUS_TRANSITION', undefined],
      ['VALIDATION_FAILED', 'resolutionNumber'],
      ['PROPOSAL_EXCEEDS_REQUEST', 'amountCzk'],
      ['ASSEMBLY_DECISION_REQUIRED', 'body'],
    ]);
  });
});
