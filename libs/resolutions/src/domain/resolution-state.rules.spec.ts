import { checkCloseReason, checkDraft, checkVersion } from './resolution-state.rules';

describe('resolution state rules', () => {
  it('changes only a draft', () => {
    expect(checkDraft('draft')).toEqual([]);
    for (const status of ['adopted', 'rejected', 'withdrawn'] as const) {
      expect(checkDraft(status).map((v) => v.code)).toEqual(['RESOLUTION_NOT_DRAFT']);
    }
  });

  it('refuses an edit based on another version than the draft’s', () => {
    expect(checkVersion(3, undefined)).toEqual([]);
    expect(checkVersion(3, 3)).toEqual([]);
    expect(checkVersion(3, 2)).toEqual([expect.objectContaining({ code: 'RESOLUTION_CHANGED', field: 'version' })]);
  });

  it('wants a reason to close a draft', () => {
    expect(checkCloseReason('Rada usnesení nepřijala.')).toEqual([]);
    expect(checkCloseReason('  ').map((v) => v.field)).toEqual(['reason']);
    expect(checkCloseReason('x'.repeat(2001)).map((v) => v.code)).toEqual(['VALIDATION_FAILED']);
  });
});
