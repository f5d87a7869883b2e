import { ApiError } from './problem';
import { applicationBody, applicationFormOf, emptyApplicationForm, formFieldOf, joinList, problemForForm, splitList, type ApplicationFormValues } from './application-form';

const filled = (): ApplicationFormValues => ({
  ...emptyApplicationForm({ parts: [{ code: '1', name: 'Activities', allocationCzk: 1, minRequestCzk: 1, maxRequestCzk: 1 }] }),
  title: '  Czech for parents ',
  summary: 'Summary',
  justification: 'Why',
  startDate: '2027-03-01',
  endDate: '2027-11-30',
  targetGroups: 'adult migrants, parents, children of foreigners, parents',
  districts: 'Praha 1; Praha 14',
  contactName: 'Jana Nováková',
  contactEmail: ' jana@example.org ',
  contactPhone: '+420 601 234 567',
  budgetLines: [
    { category: 'Personnel', description: 'Teacher', totalCzk: '150 000', requestedCzk: '100000' },
    { category: 'Rent', description: 'Classroom', totalCzk: '12,5', requestedCzk: '' },
  ],
  otherFundingCzk: '0',
  measureCodes: ['21.III', '33.I'],
  primaryMeasureCode: '21.III',
});

describe('the application form', () => {
  it('starts with the only part of a call chosen and one empty budget line', () => {
    const form = emptyApplicationForm({ parts: [{ code: '1', name: 'A', allocationCzk: 1, minRequestCzk: 1, maxRequestCzk: 1 }] });
    expect(form.partCode).toBe('1');
    expect(form.budgetLines).toHaveLength(1);
    const two = emptyApplicationForm({
      parts: [
        { code: '1', name: 'A', allocationCzk: 1, minRequestCzk: 1, maxRequestCzk: 1 },
        { code: '2', name: 'B', allocationCzk: 1, minRequestCzk: 1, maxRequestCzk: 1 },
      ],
    });
    expect(two.partCode).toBe('');
  });

  it('splits lists on commas or semicolons, without blanks or repeats', () => {
    expect(splitList('adult migrants, parents; children ,, parents;')).toEqual(['adult migrants', 'parents', 'children']);
    expect(splitList('  ')).toEqual([]);
  });

  it('splits lists of several lines on the lines only, so an item keeps its commas', () => {
    expect(splitList('parents, mostly mothers\nchildren\n\nchildren\n')).toEqual(['parents, mostly mothers', 'children']);
    expect(splitList('Praha 1, Praha 14\n')).toEqual(['Praha 1', 'Praha 14']);
    expect(splitList('Praha 1,\nPraha 14;\n')).toEqual(['Praha 1', 'Praha 14']);
  });

  it('shows a saved list so that it is read back the same', () => {
    for (const items of [['Praha 1', 'Praha 14'], ['parents, mostly mothers', 'children'], ['one']]) {
      expect(splitList(joinList(items))).toEqual(items);
    }
    expect(joinList(['Praha 1', 'Praha 14'])).toBe('Praha 1, Praha 14');
  });

  it('sends trimmed text, lists, whole CZK, and null for an amount that is not one (the API names the field)', () => {
    const body = applicationBody(filled());
    expect(body).toMatchObject({
      title: 'Czech for parents',
      targetGroups: ['adult migrants', 'parents', 'children of foreigners'],
      districts: ['Praha 1', 'Praha 14'],
      contactPerson: { name: 'Jana Nováková', email: 'jana@example.org', phone: '+420 601 234 567' },
      otherFundingCzk: 0,
      measureCodes: ['21.III', '33.I'],
      primaryMeasureCode: '21.III',
    });
    expect(body.budgetLines).toEqual([
      { category: 'Personnel', description: 'Teacher', totalCzk: 150000, requestedCzk: 100000 },
      { category: 'Rent', description: 'Classroom', totalCzk: null, requestedCzk: null },
    ]);
  });

  it('reads a saved application back', () => {
    const body = applicationBody(filled());
    const form = applicationFormOf({
      ...body,
      budgetLines: [{ category: 'Personnel', description: 'Teacher', totalCzk: 150000, requestedCzk: 100000 }],
      contract: null,
      settlement: null,
      id: 'a',
      callId: 'c',
      organisationId: 'o',
      status: 'draft',
      referenceNumber: null,
      submittedAt: null,
      correctionDueOn: null,
      createdAt: '',
      updatedAt: '',
      requestedCzk: 100000,
      totalCostCzk: 150000,
      proposedCzk: null,
      formalChecks: [],
      statusHistory: [],
      money: { awardedCzk: 0, paidCzk: 0, returnDueCzk: 0, returnedCzk: 0 },
    });
    expect(form).toMatchObject({
      targetGroups: 'adult migrants, parents, children of foreigners',
      districts: 'Praha 1, Praha 14',
      budgetLines: [{ category: 'Personnel', description: 'Teacher', totalCzk: '150000', requestedCzk: '100000' }],
      contactEmail: 'jana@example.org',
      otherFundingCzk: '0',
    });
  });
});

describe('the API field paths on the form', () => {
  const sent = ['21.III', '99.IX'];

  it('puts a measure problem on the checkbox of the measure that was sent at that index', () => {
    expect(formFieldOf('measureCodes[1]', sent)).toBe('measure.99.IX');
    expect(formFieldOf('measureCodes[5]', sent)).toBe('measureCodes');
    expect(formFieldOf('measureCodes', sent)).toBe('measureCodes');
  });

  it('puts list items on their list, and problems of the whole request on no field', () => {
    expect(formFieldOf('districts[3]', sent)).toBe('districts');
    expect(formFieldOf('targetGroups[0]', sent)).toBe('targetGroups');
    expect(formFieldOf(undefined, sent)).toBe('');
    expect(formFieldOf('body', sent)).toBe('');
  });

  it('keeps every other path as it is', () => {
    for (const field of ['requestedCzk', 'startDate', 'budgetLines[2].requestedCzk', 'contactPerson.email', 'primaryMeasureCode']) {
      expect(formFieldOf(field, sent)).toBe(field);
    }
  });

  it('rewrites a whole problem, keeping its codes and messages', () => {
    const error = new ApiError(422, {
      type: 't',
      title: 'Unprocessable',
      status: 422,
      detail: '3 rules are not met; see errors.',
      code: 'COFINANCING_REQUIRED',
      errors: [
        { field: 'requestedCzk', code: 'COFINANCING_REQUIRED', message: 'too much' },
        { field: 'measureCodes[0]', code: 'MEASURE_NOT_ELIGIBLE', message: 'not in call' },
        { code: 'TOO_MANY_APPLICATIONS', message: 'limit' },
      ],
    });
    expect(problemForForm(error.problem, sent).errors).toEqual([
      { field: 'requestedCzk', code: 'COFINANCING_REQUIRED', message: 'too much' },
      { field: 'measure.21.III', code: 'MEASURE_NOT_ELIGIBLE', message: 'not in call' },
      { field: '', code: 'TOO_MANY_APPLICATIONS', message: 'limit' },
    ]);
  });

  it('lists the problems in the form’s order, unknown fields last in the API’s order', () => {
    const problem = {
      type: 't',
      title: 'Unprocessable',
      status: 422,
      detail: 'see errors',
      code: 'COFINANCING_REQUIRED' as const,
      errors: [
        { field: 'requestedCzk', message: 'a' },
        { field: 'somethingNew', message: 'b' },
        { field: 'startDate', message: 'c' },
        { field: 'measureCodes[0]', message: 'd' },
        { field: 'endDate', message: 'e' },
      ],
    };
    const order = ['startDate', 'endDate', 'requestedCzk', 'measure.21.III'];
    expect(problemForForm(problem, sent, order).errors.map((e) => e.field)).toEqual(['startDate', 'endDate', 'requestedCzk', 'measure.21.III', 'somethingNew']);
  });
});
