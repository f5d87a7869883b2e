import { addDays, formatPragueDateTime, pragueDate, pragueYear } from '@app/core';

const DAY = 86_400_000;

/** The instant a Prague wall-clock time (`HH:MM`) happens on a Prague date (DST included). */
export function pragueInstant(date: string, time: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) throw new RangeError(`Not a date and time: ${date} ${time}`);
  let instant = wall;
  // Prague is UTC+1 or UTC+2: one correction, and a second one across a DST change.
  for (let i = 0; i < 2; i++) {
    const seen = Date.parse(`${formatPragueDateTime(new Date(instant)).replace(' ', 'T')}:00Z`);
    instant -= seen - wall;
  }
  return new Date(instant);
}

const earlier = (a: Date, b: Date): Date => (a.getTime() <= b.getTime() ? a : b);
const before = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY);

export interface DemoCallWindow {
  announcedAt: Date;
  /** When the officer names the call's DOT Commission (after the announcement). */
  commissionSetAt: Date;
  opensAt: Date;
  closesAt: Date;
  decisionDueOn: string;
  settlementDueOn: string;
}

/**
 * When each step of the demo's history happens, computed from the real "now"
 * so that the demo makes sense on any day it is loaded:
 *
 * - the open call (programme year = next year): announced 35 days ago, open
 *   since 4 days ago, closing in 60 days (as the first demo did);
 * - the call in evaluation (next year too): announced 80 days ago, its window
 *   closed 6 days ago, formal checks 5 and 4 days ago, the correction due in
 *   10 days, score sheets 3 and 2 days ago;
 * - the scored call (next year too): announced 110 days ago, its window
 *   closed 25 days ago, formal checks 18 days ago, score sheets 12, 11 and
 *   10 days ago: its evaluation waits to be closed;
 * - the decided call: the programme of the current year from July on, of last
 *   year before July, so that its grants have been paid and some settled and
 *   the settlement reviews' return deadlines (review + 30 days) have passed.
 *   Its steps follow Prague practice on the calendar (announced in October,
 *   window in November and December, decisions in February, contracts and
 *   payments in March, settlements of the short projects in May and June); the
 *   last two (a contract still to be published, a settlement still to be
 *   reviewed) happen shortly before now, at the latest in December and in
 *   January after the programme year.
 */
export interface DemoTimeline {
  now: Date;
  today: string;
  /** Programme year of the open call and of the call in evaluation. */
  upcomingYear: number;
  open: DemoCallWindow;
  closed: DemoCallWindow & {
    /** The i-th application is submitted `i` days after this. */
    submissionsFrom: Date;
    formalCheckAt: Date;
    correctionAt: Date;
    correctionDueOn: string;
    /** When each commission member (1, 2, 3) scores. */
    scoringAt: [Date, Date, Date];
  };
  scored: DemoCallWindow & {
    submissionsFrom: Date;
    formalCheckAt: Date;
    scoringAt: [Date, Date, Date];
  };
  decided: DemoCallWindow & {
    year: number;
    submissionsFrom: Date;
    formalCheckAt: Date;
    scoringAt: [Date, Date, Date];
    evaluationClosedAt: Date;
    resolutionDate: string;
    decidedAt: Date;
    contractsAt: Date;
    publishedAt: Date;
    paidAt: Date;
    /** The grant whose return is overdue: settled early, reviewed, part of the return received. */
    returnSettlementAt: Date;
    secondInstalmentAt: Date;
    returnReviewAt: Date;
    partialReturnAt: Date;
    /** The grant that is closed. */
    closingSettlementAt: Date;
    closingReviewAt: Date;
    /** The contract still to be published. */
    lateContractAt: Date;
    /** The settlement waiting for the officer's review. */
    pendingSettlementAt: Date;
  };
}

export function demoTimeline(now: Date): DemoTimeline {
  const today = pragueDate(now);
  const thisYear = pragueYear(now);
  const month = Number(today.slice(5, 7));

  const openAnnounced = before(now, 35);
  const open: DemoCallWindow = {
    announcedAt: openAnnounced,
    commissionSetAt: before(now, 34),
    opensAt: new Date(openAnnounced.getTime() + 31 * DAY),
    closesAt: new Date(openAnnounced.getTime() + 95 * DAY),
    decisionDueOn: `${thisYear + 1}-04-30`,
    settlementDueOn: `${thisYear + 2}-01-31`,
  };

  const closedAnnounced = before(now, 80);
  const closed: DemoTimeline['closed'] = {
    announcedAt: closedAnnounced,
    commissionSetAt: before(now, 79),
    opensAt: new Date(closedAnnounced.getTime() + 32 * DAY),
    closesAt: new Date(closedAnnounced.getTime() + 74 * DAY),
    decisionDueOn: `${thisYear + 1}-04-30`,
    settlementDueOn: `${thisYear + 2}-01-31`,
    submissionsFrom: before(now, 30),
    formalCheckAt: before(now, 5),
    correctionAt: before(now, 4),
    correctionDueOn: addDays(today, 10),
    scoringAt: [before(now, 3), before(now, 2), before(now, 2)],
  };

  const scoredAnnounced = before(now, 110);
  const scored: DemoTimeline['scored'] = {
    announcedAt: scoredAnnounced,
    commissionSetAt: before(now, 109),
    opensAt: new Date(scoredAnnounced.getTime() + 32 * DAY),
    closesAt: before(now, 25),
    decisionDueOn: `${thisYear + 1}-03-31`,
    settlementDueOn: `${thisYear + 2}-01-31`,
    submissionsFrom: before(now, 50),
    formalCheckAt: before(now, 18),
    scoringAt: [before(now, 12), before(now, 11), before(now, 10)],
  };

  const year = month >= 7 ? thisYear : thisYear - 1;
  const on = (date: string, time = '10:00') => pragueInstant(date, time);
  const decided: DemoTimeline['decided'] = {
    year,
    announcedAt: on(`${year - 1}-10-01`),
    commissionSetAt: on(`${year - 1}-10-02`),
    opensAt: on(`${year - 1}-11-03`, '08:00'),
    closesAt: on(`${year - 1}-12-12`, '14:00'),
    decisionDueOn: `${year}-03-31`,
    settlementDueOn: `${year + 1}-01-31`,
    submissionsFrom: on(`${year - 1}-11-10`),
    formalCheckAt: on(`${year}-01-08`),
    scoringAt: [on(`${year}-01-15`), on(`${year}-01-16`), on(`${year}-01-19`)],
    evaluationClosedAt: on(`${year}-02-05`, '11:00'),
    resolutionDate: `${year}-02-24`,
    decidedAt: on(`${year}-02-26`),
    contractsAt: on(`${year}-03-10`, '13:00'),
    publishedAt: on(`${year}-03-20`, '09:00'),
    paidAt: on(`${year}-03-25`),
    returnSettlementAt: on(`${year}-05-06`),
    secondInstalmentAt: on(`${year}-05-15`),
    returnReviewAt: on(`${year}-05-20`),
    partialReturnAt: on(`${year}-06-05`),
    closingSettlementAt: on(`${year}-06-10`),
    closingReviewAt: on(`${year}-06-20`),
    lateContractAt: earlier(before(now, 10), on(`${year}-12-01`, '13:00')),
    pendingSettlementAt: earlier(before(now, 3), on(`${year + 1}-01-20`)),
  };

  return { now, today, upcomingYear: thisYear + 1, open, closed, scored, decided };
}
