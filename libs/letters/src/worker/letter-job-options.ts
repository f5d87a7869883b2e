import type { JobsOptions } from 'bullmq';
import { documentJobId, type DocumentJobData } from '../documents/document-queue';
import { LETTER_ATTEMPTS, letterJobId, type LetterJobData } from '../queue/letters-queue';

/**
 * Five attempts with exponential backoff; finished jobs are kept a week (and
 * at most 100,000), so that a relay repeating a hand-over within that time
 * finds the id taken and adds nothing; failed ones a month, for the dashboard.
 */
function letterJobOptions(backoffMs: number): JobsOptions {
  return {
    attempts: LETTER_ATTEMPTS,
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

/** The jobs of these letters for Queue.addBulk: one per letter and generation, under its own id. */
export function letterJobs(letters: readonly LetterJobData[], backoffMs: number): { name: string; data: LetterJobData; opts: JobsOptions }[] {
  const options = letterJobOptions(backoffMs);
  return letters.map((data) => ({ name: 'render', data, opts: { ...options, jobId: letterJobId(data) } }));
}

/** The jobs of the call's documents: the letters' options, one per document and generation, under its own id. */
export function documentJobs(documents: readonly DocumentJobData[], backoffMs: number): { name: string; data: DocumentJobData; opts: JobsOptions }[] {
  const options = letterJobOptions(backoffMs);
  return documents.map((data) => ({ name: 'render', data, opts: { ...options, jobId: documentJobId(data) } }));
}
