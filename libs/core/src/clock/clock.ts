/**
 * The one source of "now" for every time-dependent rule (windows, deadlines,
 * penalties). Production binds SystemClock; tests bind a clock they can move.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
