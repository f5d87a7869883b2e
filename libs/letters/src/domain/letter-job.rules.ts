import type { LetterStatus } from './letter-kind';

/**
 * Whether a rendering job still has work: only a queued letter of the job's
 * generation is rendered. A ready letter has its one PDF; a job of an older
 * generation was overtaken by an officer's retry; a failed letter waits for
 * that retry. Returns why the job has nothing to do, or null to render.
 */
export function nothingToRender(letter: { status: LetterStatus; generation: number }, jobGeneration: number): string | null {
  if (letter.status === 'ready') return 'already ready';
  if (letter.generation !== jobGeneration) return `stale job: generation ${jobGeneration}, the letter is at ${letter.generation}`;
  if (letter.status === 'failed') return 'failed: waits for an officer to retry';
  return null;
}

/** The attempt a job is on (1-based) and whether it is its last. */
export function attemptOf(attemptsMade: number, attempts: number | undefined): { attempt: number; last: boolean } {
  const attempt = attemptsMade + 1;
  return { attempt, last: attempt >= Math.max(1, attempts ?? 1) };
}

/** A failure reason for the letter and the audit: the error's message, one line, at most 500 characters. */
export function failureReasonOf(error: unknown): string {
  const text = (error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error)).replace(/\s+/g, ' ').trim();
  const reason = text === '' ? 'unknown error' : text;
  return reason.length > 500 ? `${reason.slice(0, 499)}…` : reason;
}

/** Queues the worker is configured to serve that no processor takes: the worker must not start then. */
export function unservedQueues(queues: readonly string[], processed: readonly string[]): string[] {
  const taken = new Set(processed);
  return queues.filter((q) => !taken.has(q));
}

/**
 * The letters whose job Redis no longer has (BullMQ answers 'unknown' for a
 * job id it does not know): they are still queued in PostgreSQL, their outbox
 * row was handed over, and nothing will ever render them unless the job is
 * added again. A job in any other state is left alone.
 */
export function lostJobs<T extends { jobState: string }>(letters: readonly T[]): T[] {
  return letters.filter((l) => l.jobState === 'unknown');
}
