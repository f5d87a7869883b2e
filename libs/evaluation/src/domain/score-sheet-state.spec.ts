import { checkMayReopen, checkMaySaveDraft, checkMaySubmit } from './score-sheet-state';

const codes = (v: { code: string }[]) => v.map((x) => x.code);

describe('checkMaySaveDraft', () => {
  it('saves a first sheet and changes a draft; refuses a submitted sheet', () => {
    expect(checkMaySaveDraft(null)).toEqual([]);
    expect(checkMaySaveDraft('draft')).toEqual([]);
    expect(codes(checkMaySaveDraft('submitted'))).toEqual(['SCORE_SHEET_SUBMITTED']);
  });
});

describe('checkMaySubmit', () => {
  it('submits a draft; nothing saved is 404, a submitted sheet is 409', () => {
    expect(checkMaySubmit('draft')).toEqual([]);
    expect(codes(checkMaySubmit(null))).toEqual(['NOT_FOUND']);
    expect(codes(checkMaySubmit('submitted'))).toEqual(['SCORE_SHEET_SUBMITTED']);
  });
});

describe('checkMayReopen', () => {
  const ok = { callerIsChair: true, callerConflicted: false, ownSheet: false, window: 'open' as const, state: 'submitted' as const };

  it('lets the chair reopen another member’s submitted sheet while the evaluation runs', () => {
    expect(checkMayReopen(ok)).toEqual([]);
  });

  it.each<[string, Partial<Parameters<typeof checkMayReopen>[0]>, string]>([
    ['a member who is not the chair', { callerIsChair: false, callerConflicted: true, ownSheet: true, window: 'closed', state: null }, 'NOT_COMMISSION_CHAIR'],
    ['a chair in conflict with the application', { callerConflicted: true, ownSheet: true, window: 'closed' }, 'CONFLICT_OF_INTEREST'],
    ['the chair’s own sheet', { ownSheet: true, window: 'closed' }, 'FORBIDDEN'],
    ['after the evaluation closed', { window: 'closed', state: 'draft' }, 'SCORING_CLOSED'],
    ['no sheet', { state: null }, 'NOT_FOUND'],
    ['a draft', { state: 'draft' }, 'SCORE_SHEET_NOT_SUBMITTED'],
  ])('refuses %s, naming the most fundamental reason alone', (_label, change, code) => {
    expect(codes(checkMayReopen({ ...ok, ...change }))).toEqual([code]);
  });
});
