import { Clock } from '@app/core/clock/clock';

/** Real time shifted into the past while the seed writes the demo's history. */
export class DemoClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() - this.offsetMs);
  }

  daysAgo(days: number): void {
    this.offsetMs = days * 86_400_000;
  }

  present(): void {
    this.offsetMs = 0;
  }
}
