import type { Violation } from './czk';

/**
 * An application that is a line of a resolution draft is decided by that
 * resolution when it is adopted, not on its own (409 APPLICATION_IN_RESOLUTION):
 * a single decision would leave the draft's line stale and the adoption would
 * then refuse the whole annex. The officer edits the line in the draft, or
 * withdraws the draft to decide the application on its own.
 */
export function checkNotInDraftResolution(draftResolutionId: string | null): Violation[] {
  if (draftResolutionId === null) return [];
  return [
    {
      code: 'APPLICATION_IN_RESOLUTION',
      message:
        `The application is a line of the draft resolution ${draftResolutionId}: it is decided when that resolution is adopted. ` +
        'Change its line in the draft, or withdraw the draft to decide the application on its own.',
    },
  ];
}
