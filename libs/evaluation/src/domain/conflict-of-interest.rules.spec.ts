import { automaticConflict, canDeclare, checkDeclaration, mayReadScores } from './conflict-of-interest.rules';

describe('automaticConflict', () => {
  it('is a conflict only when the member belongs to the applicant organisation', () => {
    expect(automaticConflict('org-1', 'org-1')).toBe(true);
    expect(automaticConflict('org-2', 'org-1')).toBe(false);
    expect(automaticConflict(null, 'org-1')).toBe(false);
    expect(automaticConflict(undefined, 'org-1')).toBe(false);
  });
});

describe('canDeclare', () => {
  const none = { hasConflict: false };
  const conflict = { hasConflict: true };

  it('allows declaring and changing a declaration before scoring', () => {
    expect(canDeclare({ existingDeclaration: null, hasScored: false })).toBe(true);
    expect(canDeclare({ existingDeclaration: none, hasScored: false, next: conflict })).toBe(true);
    expect(canDeclare({ existingDeclaration: conflict, hasScored: false, next: none })).toBe(true);
  });

  it('fixes the declaration once the member has scored, except for repeating it', () => {
    expect(canDeclare({ existingDeclaration: none, hasScored: true })).toBe(false);
    expect(canDeclare({ existingDeclaration: none, hasScored: true, next: conflict })).toBe(false);
    expect(canDeclare({ existingDeclaration: none, hasScored: true, next: none })).toBe(true);
    expect(canDeclare({ existingDeclaration: null, hasScored: true, next: none })).toBe(false);
  });
});

describe('checkDeclaration', () => {
  const ok = { existingDeclaration: null, hasScored: false, hasConflict: false, automaticConflict: false, evaluationClosed: false };

  it('accepts a first declaration either way', () => {
    expect(checkDeclaration(ok)).toEqual([]);
    expect(checkDeclaration({ ...ok, hasConflict: true })).toEqual([]);
    expect(checkDeclaration({ ...ok, hasConflict: true, automaticConflict: true })).toEqual([]);
  });

  it('refuses to drop out after scoring', () => {
    expect(checkDeclaration({ ...ok, existingDeclaration: { hasConflict: false }, hasScored: true, hasConflict: true })).toEqual([
      { code: 'COI_DECLARATION_FIXED', field: 'hasConflict', message: 'You have already scored this application; your declaration can no longer change.' },
    ]);
  });

  it('refuses "no conflict" from a member of the applicant organisation', () => {
    expect(checkDeclaration({ ...ok, automaticConflict: true })).toEqual([
      {
        code: 'CONFLICT_OF_INTEREST',
        field: 'hasConflict',
        message: 'You belong to the applicant organisation, so you have a conflict of interest with this application.',
      },
    ]);
  });

  it('refuses any declaration once the evaluation is closed', () => {
    expect(checkDeclaration({ ...ok, evaluationClosed: true }).map((v) => v.code)).toEqual(['SCORING_CLOSED']);
  });
});

describe('mayReadScores', () => {
  it.each<[string, Parameters<typeof mayReadScores>[0], boolean]>([
    ['the officer', { role: 'officer', hasSubmittedSheet: false, conflicted: false }, true],
    ['a member after submitting their own sheet', { role: 'commission', hasSubmittedSheet: true, conflicted: false }, true],
    ['a member before submitting their own sheet (none, or a draft)', { role: 'commission', hasSubmittedSheet: false, conflicted: false }, false],
    ['a conflicted member', { role: 'commission', hasSubmittedSheet: false, conflicted: true }, false],
    ['a conflicted member, whatever else', { role: 'commission', hasSubmittedSheet: true, conflicted: true }, false],
  ])('%s: %p', (_, input, allowed) => {
    expect(mayReadScores(input)).toBe(allowed);
  });
});
