import { Clock } from '@app/core';

/** Real time shifted into the past while the seed writes the demo's history. */
export class DemoClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() - this.offsetMs);
  }

  daysAgo(days: number): void {
    this.offsetMs = days * 86_400_000;
  }

  /** From now on the clock reads `instant`, then runs on from it at the real pace. */
  at(instant: Date): void {
    const offsetMs = Date.now() - instant.getTime();
    if (!Number.isFinite(offsetMs) || offsetMs < 0) throw new RangeError(`The demo clock goes back in time only, not to ${instant.toISOString()}`);
    this.offsetMs = offsetMs;
  }

  present(): void {
    this.offsetMs = 0;
  }
}
