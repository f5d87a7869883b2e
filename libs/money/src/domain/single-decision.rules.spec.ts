import { checkNotInDraftResolution } from './single-decision.rules';

describe('checkNotInDraftResolution', () => {
  it('lets an application that is in no draft resolution be decided on its own', () => {
    expect(checkNotInDraftResolution(null)).toEqual([]);
  });

  it('refuses one that is a line of a draft (409 APPLICATION_IN_RESOLUTION), naming the draft and the two ways out', () => {
    const [violation, ...rest] = checkNotInDraftResolution('6f1c2d3e-0000-4000-8000-000000000001');
    expect(rest).toEqual([]);
    expect(violation).toEqual({
      code: 'APPLICATION_IN_RESOLUTION',
      message:
        'The application is a line of the draft resolution 6f1c2d3e-0000-4000-8000-000000000001: it is decided when that resolution is adopted. ' +
        'Change its line in the draft, or withdraw the draft to decide the application on its own.',
    });
  });
});
