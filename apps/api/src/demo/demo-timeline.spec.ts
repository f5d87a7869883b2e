import { addDays, daysBetween, pragueDate } from '@app/core';
import { DEMO_CONTENT } from './demo-content';
import { demoTimeline, pragueInstant, type DemoCallWindow, type DemoTimeline } from './demo-timeline';

const ms = (d: Date) => d.getTime();

/** Checks collected as messages (thousands of days are checked: one expect at the end keeps it fast). */
type Check = (ok: boolean, what: string) => void;

function checkAnnouncedInTime(check: Check, name: string, w: DemoCallWindow): void {
  check(daysBetween(pragueDate(w.announcedAt), pragueDate(w.opensAt)) >= 30, `${name}: announced 30 days before it opens`);
  check(ms(w.commissionSetAt) > ms(w.announcedAt), `${name}: commission named after the announcement`);
  check(ms(w.opensAt) < ms(w.closesAt), `${name}: opens before it closes`);
  check(w.decisionDueOn >= pragueDate(w.closesAt), `${name}: decision due after the window`);
  check(w.settlementDueOn > w.decisionDueOn, `${name}: settlement due after the decision`);
}

/** The decided call's steps in the order the seed takes them: each strictly after the one before, all before now. */
function decidedSteps(d: DemoTimeline['decided']): [string, Date][] {
  const day = 86_400_000;
  return [
    ['announced', d.announcedAt],
    ['commission', d.commissionSetAt],
    ['opens', d.opensAt],
    ['first submission', d.submissionsFrom],
    ['last submission', new Date(ms(d.submissionsFrom) + 6 * day)],
    ['closes', d.closesAt],
    ['formal check', d.formalCheckAt],
    ['scoring 1', d.scoringAt[0]],
    ['scoring 2', d.scoringAt[1]],
    ['scoring 3', d.scoringAt[2]],
    ['evaluation closed', d.evaluationClosedAt],
    ['decisions', d.decidedAt],
    ['contracts', d.contractsAt],
    ['publication', d.publishedAt],
    ['payments', d.paidAt],
    ['settlement with a return', d.returnSettlementAt],
    ['second instalment', d.secondInstalmentAt],
    ['review with a return', d.returnReviewAt],
    ['partial return', d.partialReturnAt],
    ['settlement closing a grant', d.closingSettlementAt],
    ['review closing it', d.closingReviewAt],
    ['contract to publish', d.lateContractAt],
    ['settlement to review', d.pendingSettlementAt],
  ];
}

describe('pragueInstant', () => {
  it('reads Prague wall-clock time in winter (UTC+1) and summer (UTC+2)', () => {
    expect(pragueInstant('2027-01-15', '10:00').toISOString()).toBe('2027-01-15T09:00:00.000Z');
    expect(pragueInstant('2027-07-15', '10:00').toISOString()).toBe('2027-07-15T08:00:00.000Z');
    expect(pragueInstant('2027-03-28', '10:00').toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(pragueInstant('2027-10-31', '10:00').toISOString()).toBe('2027-10-31T09:00:00.000Z');
  });
});

describe('demoTimeline', () => {
  // Every day of three years, just after midnight, at noon and just before midnight in Prague.
  const nows: Date[] = [];
  for (let date = '2026-01-01'; date <= '2028-12-31'; date = addDays(date, 1)) {
    for (const time of ['00:05', '12:00', '23:55']) nows.push(pragueInstant(date, time));
  }

  it('keeps every call and every step in an order the services accept, on any day the demo is loaded', () => {
    const problems: string[] = [];
    for (const now of nows) {
      const t = demoTimeline(now);
      const today = pragueDate(now);
      const check: Check = (ok, what) => {
        if (!ok) problems.push(`${now.toISOString()}: ${what}`);
      };

      checkAnnouncedInTime(check, 'open', t.open);
      check(ms(t.open.opensAt) < ms(now) && ms(now) < ms(t.open.closesAt), 'the open call is open');

      const c = t.closed;
      checkAnnouncedInTime(check, 'closed', c);
      check(ms(c.submissionsFrom) > ms(c.opensAt) && ms(c.submissionsFrom) + 6 * 86_400_000 < ms(c.closesAt), 'closed: submissions inside the window');
      const closedSteps = [c.closesAt, c.formalCheckAt, c.correctionAt, ...c.scoringAt, now].map(ms);
      check(closedSteps.every((at, i) => i === 0 || at >= closedSteps[i - 1]), 'closed: window, formal check, correction, scoring, now in order');
      check(c.correctionDueOn > today, 'closed: the correction is due after today');

      const sc = t.scored;
      checkAnnouncedInTime(check, 'scored', sc);
      check(ms(sc.submissionsFrom) > ms(sc.opensAt) && ms(sc.submissionsFrom) + 2 * 86_400_000 < ms(sc.closesAt), 'scored: submissions inside the window');
      const scoredSteps = [sc.closesAt, sc.formalCheckAt, ...sc.scoringAt, now].map(ms);
      check(scoredSteps.every((at, i) => i === 0 || at > scoredSteps[i - 1]), 'scored: window, formal check, scoring, now in order');
      check(sc.decisionDueOn > today, 'scored: the decision is still due');

      const d = t.decided;
      checkAnnouncedInTime(check, 'decided', d);
      const steps = decidedSteps(d);
      steps.forEach(([name, at], i) => check(i === 0 || ms(at) > ms(steps[i - 1][1]), `decided: ${name} after ${i ? steps[i - 1][0] : ''}`));
      check(ms(steps[steps.length - 1][1]) < ms(now), 'decided: every step before now');
      check(d.resolutionDate <= pragueDate(d.decidedAt) && d.resolutionDate <= d.decisionDueOn, 'decided: resolution passed before it is recorded, by the deadline');
      check(pragueDate(d.lateContractAt) >= d.resolutionDate, 'decided: contract after the resolution');
      // The review's return deadline (review + 30 days) has passed; the part returned arrived before it.
      const returnDueOn = addDays(pragueDate(d.returnReviewAt), 30);
      check(returnDueOn < today, 'decided: the return is overdue');
      check(pragueDate(d.partialReturnAt) <= returnDueOn, 'decided: the partial return came in time');
      // Settlements come after their projects end, and the one waiting for review within the call's deadline.
      const ends = (key: keyof typeof DEMO_CONTENT.decided) => `${d.year}-${DEMO_CONTENT.decided[key].period[1]}`;
      check(pragueDate(d.returnSettlementAt) > ends('overdueReturn'), 'decided: settlement after the festival');
      check(pragueDate(d.closingSettlementAt) > ends('closed'), 'decided: settlement after the garden season');
      check(pragueDate(d.pendingSettlementAt) > ends('settlementForReview'), 'decided: settlement after the community centre project');
      check(pragueDate(d.pendingSettlementAt) <= d.settlementDueOn, 'decided: settlement in time');
      check(d.year < t.upcomingYear, 'decided: a past programme year');
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('decides last year’s programme in the first half of a year, this year’s from July', () => {
    expect(demoTimeline(pragueInstant('2027-06-30', '23:55')).decided.year).toBe(2026);
    expect(demoTimeline(pragueInstant('2027-07-01', '00:05')).decided.year).toBe(2027);
    expect(demoTimeline(pragueInstant('2027-07-01', '00:05')).upcomingYear).toBe(2028);
  });
});
