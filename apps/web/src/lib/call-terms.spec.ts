import { callFormFrom, emptyCallForm, isoToPragueLocal, messagesByValue, pragueLocalToIso, toCallPatch, toCallRequest, type CallFormValues } from './call-terms';

describe('pragueLocalToIso', () => {
  it('gives Prague wall-clock time its winter (+01:00) or summer (+02:00) offset', () => {
    expect(pragueLocalToIso('2027-02-01T09:00')).toBe('2027-02-01T09:00:00+01:00');
    expect(pragueLocalToIso('2027-07-15T23:59')).toBe('2027-07-15T23:59:00+02:00');
    expect(pragueLocalToIso('2027-01-01T00:00:00')).toBe('2027-01-01T00:00:00+01:00');
  });

  it('names the same instant the wall clock in Prague shows', () => {
    expect(new Date(pragueLocalToIso('2027-03-31T00:30')!).toISOString()).toBe('2027-03-30T22:30:00.000Z');
    expect(new Date(pragueLocalToIso('2027-12-31T23:00')!).toISOString()).toBe('2027-12-31T22:00:00.000Z');
  });

  it('takes the first of the autumn hour that happens twice, and refuses the hour skipped in spring', () => {
    // 2027: summer time ends on 31 October (03:00 → 02:00) and starts on 28 March (02:00 → 03:00).
    expect(pragueLocalToIso('2027-10-31T02:30')).toBe('2027-10-31T02:30:00+02:00');
    expect(pragueLocalToIso('2027-10-31T03:30')).toBe('2027-10-31T03:30:00+01:00');
    expect(pragueLocalToIso('2027-03-28T02:30')).toBeNull();
    expect(pragueLocalToIso('2027-03-28T03:00')).toBe('2027-03-28T03:00:00+02:00');
  });

  it('refuses what is not a date and time', () => {
    for (const typed of ['', '2027-02-01', '2027-02-30T09:00', '2027-02-01T24:00', '2027-02-01T09:60', '1. 2. 2027 9:00']) {
      expect(pragueLocalToIso(typed)).toBeNull();
    }
  });
});

describe('isoToPragueLocal', () => {
  it('shows an instant as Prague wall-clock time for a datetime-local input, and round-trips', () => {
    expect(isoToPragueLocal('2027-02-01T08:00:00.000Z')).toBe('2027-02-01T09:00');
    expect(isoToPragueLocal('2027-07-01T08:00:00.000Z')).toBe('2027-07-01T10:00');
    expect(isoToPragueLocal('nonsense')).toBe('');
    for (const local of ['2027-02-01T09:00', '2027-06-30T16:45', '2027-10-31T03:30']) expect(isoToPragueLocal(pragueLocalToIso(local)!)).toBe(local);
  });
});

const filled = (): CallFormValues => ({
  ...emptyCallForm('4b1c2a8e-0d1c-4a55-9a0e-3c3c3c3c3c3c'),
  title: ' Výzva 2028 ',
  announcedOn: '2027-10-01',
  submissionOpensAt: '2027-11-03T08:00',
  submissionClosesAt: '2027-12-12T14:00',
  decisionDueOn: '2028-03-31',
  settlementDueOn: '2029-01-31',
  eligibleApplicantKinds: ['ngo', 'district'],
  eligibleMeasureCodes: ['33.I', '2.I', '21.III'],
  maxApplicationsPerOrganisation: '2',
  minScore: ' 50 ',
  quorum: '3',
  maxRequestShareOfCostsPct: '70',
  parts: [
    { code: '1', name: 'Aktivity', allocationCzk: '3 000 000', minRequestCzk: '20000', maxRequestCzk: '300 000' },
    { code: '2', name: 'Publikace', allocationCzk: '970000', minRequestCzk: '10000', maxRequestCzk: '150000' },
  ],
  criteria: [{ code: 'K1', name: 'Soulad s koncepcí', maxPoints: '40' }],
});

describe('toCallRequest', () => {
  it('sends whole numbers, CZK typed with spaces, Prague times as instants and measures in catalogue order', () => {
    expect(toCallRequest(filled(), ['2.I', '21.III', '33.I'])).toEqual({
      programmeId: '4b1c2a8e-0d1c-4a55-9a0e-3c3c3c3c3c3c',
      title: 'Výzva 2028',
      announcedOn: '2027-10-01',
      submissionOpensAt: '2027-11-03T08:00:00+01:00',
      submissionClosesAt: '2027-12-12T14:00:00+01:00',
      decisionDueOn: '2028-03-31',
      settlementDueOn: '2029-01-31',
      eligibleApplicantKinds: ['ngo', 'district'],
      eligibleMeasureCodes: ['2.I', '21.III', '33.I'],
      maxApplicationsPerOrganisation: 2,
      minScore: 50,
      quorum: 3,
      maxRequestShareOfCostsPct: 70,
      rankingMethod: 'average',
      parts: [
        { code: '1', name: 'Aktivity', allocationCzk: 3000000, minRequestCzk: 20000, maxRequestCzk: 300000 },
        { code: '2', name: 'Publikace', allocationCzk: 970000, minRequestCzk: 10000, maxRequestCzk: 150000 },
      ],
      criteria: [{ code: 'K1', name: 'Soulad s koncepcí', maxPoints: 40 }],
    });
  });

  it('sends what it cannot read as typed, for the API to name the field', () => {
    const values = filled();
    values.quorum = 'tři';
    values.minScore = '';
    values.submissionOpensAt = '2027-02-30T09:00';
    values.parts[1].allocationCzk = '12,5';
    const body = toCallRequest(values) as unknown as Record<string, unknown>;
    expect(body).toMatchObject({ quorum: 'tři', minScore: '', submissionOpensAt: '2027-02-30T09:00' });
    expect((body.parts as Record<string, unknown>[])[1].allocationCzk).toBe('12,5');
  });

  it('leaves the programme out of a draft’s changes', () => {
    const patch = toCallPatch(filled());
    expect(patch).not.toHaveProperty('programmeId');
    expect(patch.title).toBe('Výzva 2028');
  });
});

describe('callFormFrom', () => {
  it('puts a draft back into the form as it was typed', () => {
    const values = filled();
    const request = toCallRequest(values);
    const call = {
      ...request,
      id: 'c',
      programmeCode: 'INT',
      year: 2028,
      status: 'draft' as const,
      rankingMethod: 'average' as const,
      totalAllocationCzk: 3970000,
      submissionOpensAt: new Date(request.submissionOpensAt).toISOString(),
      submissionClosesAt: new Date(request.submissionClosesAt).toISOString(),
    };
    expect(callFormFrom(call)).toEqual({
      ...values,
      title: 'Výzva 2028',
      minScore: '50',
      eligibleMeasureCodes: request.eligibleMeasureCodes,
      parts: [
        { code: '1', name: 'Aktivity', allocationCzk: '3000000', minRequestCzk: '20000', maxRequestCzk: '300000' },
        { code: '2', name: 'Publikace', allocationCzk: '970000', minRequestCzk: '10000', maxRequestCzk: '150000' },
      ],
    });
  });
});

describe('messagesByValue', () => {
  it('keys the messages of list items by the value sent at their index', () => {
    const byField = new Map([
      ['eligibleMeasureCodes', ['At least one']],
      ['eligibleMeasureCodes[1]', ['Listed twice']],
      ['eligibleMeasureCodes[7]', ['No such index']],
      ['eligibleMeasureCodes[x]', ['Not an index']],
      ['parts[1].code', ['Other field']],
    ]);
    expect(Object.fromEntries(messagesByValue('eligibleMeasureCodes', ['2.I', '21.III'], byField))).toEqual({
      '21.III': { path: 'eligibleMeasureCodes[1]', messages: ['Listed twice'] },
    });
  });
});
