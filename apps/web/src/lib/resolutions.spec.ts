import {
  deviatesFromCommission,
  exceededPartCodes,
  formDeviates,
  groupByPart,
  lineEditRequest,
  lineForm,
  lineProblems,
  resolutionFileName,
  type ResolutionLine,
  type ResolutionPart,
} from './resolutions';

const part = (code: string, allocationCzk: number, availableCzk: number, approvedCzk: number): ResolutionPart => ({
  partId: `part-${code}`,
  code,
  name: `Part ${code}`,
  allocationCzk,
  availableCzk,
  approvedCzk,
  requestedCzk: 0,
  proposedCzk: 0,
});

const line = (over: Partial<ResolutionLine>): ResolutionLine => ({
  applicationId: 'a1',
  referenceNumber: 'JAZ-2027-0001',
  title: 'Kurzy',
  applicantName: 'Spolek',
  ico: '12345678',
  partId: 'part-1',
  partCode: '1',
  rank: 1,
  averageScore: 80,
  commissionStatus: 'recommended',
  requestedCzk: 200_000,
  proposedCzk: 150_000,
  outcome: 'approved',
  amountCzk: 150_000,
  reason: null,
  deviationReason: null,
  letterId: null,
  ...over,
});

describe('groupByPart', () => {
  it('keeps the call’s part order, leaves out parts without a line, and tells what is left of each available allocation', () => {
    const groups = groupByPart({
      status: 'draft',
      parts: [part('1', 1_000_000, 600_000, 650_000), part('2', 500_000, 500_000, 0), part('3', 300_000, 300_000, 100_000)],
      lines: [
        line({ applicationId: 'a1', partId: 'part-1' }),
        line({ applicationId: 'a3', partId: 'part-3' }),
        line({ applicationId: 'a2', partId: 'part-1', rank: 2 }),
      ],
    });
    expect(groups.map((g) => [g.part.code, g.lines.map((l) => l.applicationId), g.leftCzk, g.overspent])).toEqual([
      ['1', ['a1', 'a2'], -50_000, true],
      ['3', ['a3'], 200_000, false],
    ]);
  });

  it('is not overspent when the draft uses the available allocation exactly', () => {
    const [group] = groupByPart({ status: 'draft', parts: [part('1', 900_000, 400_000, 400_000)], lines: [line({})] });
    expect([group.leftCzk, group.overspent]).toEqual([0, false]);
  });

  it('tells nothing is left once adopted, its approvals being committed then, nor once closed', () => {
    for (const status of ['adopted', 'rejected', 'withdrawn'] as const) {
      const [group] = groupByPart({ status, parts: [part('1', 900_000, 200_000, 400_000)], lines: [line({})] });
      expect([status, group.leftCzk, group.overspent]).toEqual([status, null, false]);
    }
  });
});

describe('deviation from the commission', () => {
  it('is an approval of a not recommended application or above the proposal (none proposed counts as 0)', () => {
    expect(deviatesFromCommission(line({ amountCzk: 150_000 }))).toBe(false);
    expect(deviatesFromCommission(line({ amountCzk: 150_001 }))).toBe(true);
    expect(deviatesFromCommission(line({ commissionStatus: 'not_recommended', amountCzk: 10_000 }))).toBe(true);
    expect(deviatesFromCommission(line({ proposedCzk: null, amountCzk: 1 }))).toBe(true);
    expect(deviatesFromCommission(line({ outcome: 'rejected', amountCzk: null, commissionStatus: 'not_recommended' }))).toBe(false);
  });

  it('is judged on the typed form the same way, an unreadable amount not counting', () => {
    const form = lineForm(line({}));
    expect(formDeviates({ ...form, amount: '150 000' }, line({}))).toBe(false);
    expect(formDeviates({ ...form, amount: '160 000' }, line({}))).toBe(true);
    expect(formDeviates({ ...form, amount: 'lots' }, line({}))).toBe(false);
    expect(formDeviates({ ...form, outcome: 'rejected', amount: '160 000' }, line({}))).toBe(false);
  });
});

describe('lineForm and lineEditRequest', () => {
  it('starts from the line (a rejection’s amount from the proposal) and sends the draft’s version', () => {
    expect(lineForm(line({ outcome: 'rejected', amountCzk: null, reason: 'Pod hranicí' }))).toEqual({
      outcome: 'rejected',
      amount: '150000',
      reason: 'Pod hranicí',
      deviationReason: '',
    });
    expect(lineEditRequest({ outcome: 'rejected', amount: '1', reason: '  Nedoporučeno ', deviationReason: 'x' }, line({}), 4)).toEqual({
      outcome: 'rejected',
      reason: 'Nedoporučeno',
      version: 4,
    });
  });

  it('sends an approval’s amount, its deviation reason only when it deviates, and an unreadable amount as typed', () => {
    expect(lineEditRequest({ outcome: 'approved', amount: '120 000', reason: 'r', deviationReason: 'why' }, line({}), 2)).toEqual({
      outcome: 'approved',
      amountCzk: 120_000,
      version: 2,
    });
    expect(lineEditRequest({ outcome: 'approved', amount: '180 000', reason: '', deviationReason: ' why ' }, line({}), 2)).toEqual({
      outcome: 'approved',
      amountCzk: 180_000,
      deviationReason: 'why',
      version: 2,
    });
    expect(lineEditRequest({ outcome: 'approved', amount: '12,5', reason: '', deviationReason: '' }, line({}), 1)).toEqual({
      outcome: 'approved',
      amountCzk: '12,5',
      version: 1,
    });
    expect(lineEditRequest({ outcome: 'approved', amount: ' ', reason: '', deviationReason: '' }, line({}), 1)).toEqual({ outcome: 'approved', version: 1 });
  });
});

describe('problems by line and part', () => {
  const byField = new Map<string, string[]>([
    ['lines.a1', ['The status changed.']],
    ['lines.a2', ['No longer fits part 1.', 'Above the Council limit.']],
    ['parts.2', ['Part 2 exceeded.']],
    ['resolutionNumber', ['Required.']],
  ]);

  it('keys the adoption’s line problems by application', () => {
    expect(Object.fromEntries(lineProblems(byField))).toEqual({
      a1: ['The status changed.'],
      a2: ['No longer fits part 1.', 'Above the Council limit.'],
    });
  });

  it('names the parts an allocation problem is about', () => {
    expect(exceededPartCodes(byField)).toEqual(['2']);
  });
});

describe('resolutionFileName', () => {
  it('uses the adopted number, made safe, or the body and the draft’s id', () => {
    expect(resolutionFileName({ id: '0a1b2c3d-0000', resolutionNumber: 'UR 1234/2027', body: 'council' }, 'priloha', 'pdf')).toBe('usneseni-UR-1234-2027-priloha.pdf');
    expect(resolutionFileName({ id: '0a1b2c3d-0000', resolutionNumber: null, body: 'assembly' }, 'priloha', 'xlsx')).toBe('usneseni-assembly-0a1b2c3d-priloha.xlsx');
  });
});
