import { checkAnnouncement, MIN_DAYS_FROM_ANNOUNCEMENT_TO_OPENING } from '@app/calls/domain/call.rules';
import { addDays, isIsoDate, pragueDate } from '@app/core/domain';

/** What the officer sees before announcing a call (Act 250/2000 Coll. §10c): the notice period and where the call stands. */
export interface AnnouncementPreview {
  /** The days of notice the law requires between publication and the opening of submissions. */
  minDays: number;
  /** The day the notice counts from: the call's announcement date, or today when that has passed (no retroactive notice). */
  countsFrom: string;
  /** The earliest day submissions may open if the call is announced now. */
  earliestOpeningOn: string;
  /** The Prague day the call's window opens, null while it has no valid opening. */
  opensOn: string | null;
  /** Whether that opening keeps the notice period, by the API's own rule (the API decides on announcing). */
  noticeKept: boolean | null;
}

/**
 * The 30-day rule as it applies today, computed with the calls domain's own
 * rule (`checkAnnouncement`) and its constant, never a copy of them.
 */
export function announcementPreview(input: { announcedOn: string; submissionOpensAt: string; today: string }): AnnouncementPreview {
  const { announcedOn, today } = input;
  const countsFrom = isIsoDate(announcedOn) && announcedOn > today ? announcedOn : today;
  const opens = new Date(input.submissionOpensAt);
  const valid = input.submissionOpensAt !== '' && !Number.isNaN(opens.getTime());
  return {
    minDays: MIN_DAYS_FROM_ANNOUNCEMENT_TO_OPENING,
    countsFrom,
    earliestOpeningOn: earliestOpeningOn(countsFrom),
    opensOn: valid ? pragueDate(opens) : null,
    noticeKept: valid ? checkAnnouncement({ announcedOn: countsFrom, submissionOpensAt: opens, today }).length === 0 : null,
  };
}

/** The earliest day submissions may open for a call published on `publishedOn` (a Prague date). */
export function earliestOpeningOn(publishedOn: string): string {
  return addDays(publishedOn, MIN_DAYS_FROM_ANNOUNCEMENT_TO_OPENING);
}
