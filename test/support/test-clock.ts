import { Clock } from '@app/core/clock/clock';

/** A clock the e2e tests move through a call's life. Never bound in production. */
export class TestClock extends Clock {
  private current = new Date();

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date): void {
    this.current = new Date(instant);
  }

  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}
