import { allowedTransitions, APPLICATION_STATUSES, ApplicationStatus, canTransition, isEditable, notEditableBecause } from './application-status';

// Rows: from; columns: to, in APPLICATION_STATUSES order. 1 = allowed.
const COLUMNS: ApplicationStatus[] = [
  'draft', 'submitted', 'correction_requested', 'eligible', 'ineligible', 'recommended', 'not_recommended',
  'approved', 'rejected', 'contracted', 'settlement_submitted', 'settled', 'closed', 'withdrawn',
];
// prettier-ignore
const EXPECTED: Record<ApplicationStatus, string> = {
  //                     dr su cr el in re nr ap rj co ss se cl wd
  draft:                '0  1  0  0  0  0  0  0  0  0  0  0  0  1',
  submitted:            '0  0  1  1  1  0  0  0  0  0  0  0  0  1',
  correction_requested: '0  1  1  1  1  0  0  0  0  0  0  0  0  1',
  eligible:             '0  0  0  0  0  1  1  0  0  0  0  0  0  1',
  ineligible:           '0  0  0  0  0  0  0  0  0  0  0  0  0  1',
  recommended:          '0  0  0  0  0  0  0  1  1  0  0  0  0  1',
  not_recommended:      '0  0  0  0  0  0  0  1  1  0  0  0  0  1',
  approved:             '0  0  0  0  0  0  0  0  0  1  0  0  0  0',
  rejected:             '0  0  0  0  0  0  0  0  0  0  0  0  0  0',
  contracted:           '0  0  0  0  0  0  0  0  0  0  1  0  0  0',
  settlement_submitted: '0  0  0  0  0  0  0  0  0  0  0  1  0  0',
  settled:              '0  0  0  0  0  0  0  0  0  0  0  0  1  0',
  closed:               '0  0  0  0  0  0  0  0  0  0  0  0  0  0',
  withdrawn:            '0  0  0  0  0  0  0  0  0  0  0  0  0  0',
};

const expected = (from: ApplicationStatus, to: ApplicationStatus): boolean =>
  EXPECTED[from].split(/\s+/)[COLUMNS.indexOf(to)] === '1';

describe('application status transitions', () => {
  it('lists the 14 statuses in lifecycle order', () => {
    expect(APPLICATION_STATUSES).toEqual(COLUMNS);
  });

  const pairs = APPLICATION_STATUSES.flatMap((from) => APPLICATION_STATUSES.map((to) => [from, to, expected(from, to)] as const));

  it('covers all 196 pairs', () => {
    expect(pairs).toHaveLength(196);
    expect(pairs.filter(([, , ok]) => ok)).toHaveLength(25);
  });

  it.each(pairs)('%s → %s: %p', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });

  it('allowedTransitions matches canTransition', () => {
    for (const from of APPLICATION_STATUSES) {
      expect(allowedTransitions(from).sort()).toEqual(APPLICATION_STATUSES.filter((to) => expected(from, to)).sort());
    }
    expect(allowedTransitions('submitted')).toEqual(['correction_requested', 'eligible', 'ineligible', 'withdrawn']);
  });

  it('allowedTransitions returns a copy', () => {
    allowedTransitions('draft').push('closed');
    expect(canTransition('draft', 'closed')).toBe(false);
    expect(allowedTransitions('draft')).toEqual(['submitted', 'withdrawn']);
  });

  it('no withdrawal after a decision', () => {
    for (const s of ['approved', 'rejected', 'contracted', 'settlement_submitted', 'settled', 'closed', 'withdrawn'] as const) {
      expect(canTransition(s, 'withdrawn')).toBe(false);
    }
  });
});

describe('isEditable', () => {
  it.each(APPLICATION_STATUSES.map((s) => [s, s === 'draft' || s === 'correction_requested'] as const))('%s: %p', (s, ok) => {
    expect(isEditable(s)).toBe(ok);
  });
});

describe('notEditableBecause', () => {
  const today = '2027-03-10';
  it('lets drafts be edited', () => {
    expect(notEditableBecause({ status: 'draft', correctionDueOn: null, todayInPrague: today })).toBeNull();
  });
  it('lets a correction be made up to and including its due date', () => {
    expect(notEditableBecause({ status: 'correction_requested', correctionDueOn: '2027-03-10', todayInPrague: today })).toBeNull();
    expect(notEditableBecause({ status: 'correction_requested', correctionDueOn: '2027-03-11', todayInPrague: today })).toBeNull();
  });
  it('refuses a correction after its due date, naming the date', () => {
    expect(notEditableBecause({ status: 'correction_requested', correctionDueOn: '2027-03-09', todayInPrague: today })).toContain('2027-03-09');
  });
  it('refuses every other status', () => {
    expect(notEditableBecause({ status: 'submitted', correctionDueOn: null, todayInPrague: today })).toBe('An application in status submitted cannot be edited.');
  });
});
