/** The BullMQ queue the outbox relay fills and the worker renders from. */
export const LETTERS_QUEUE = 'letters';

/** The job of a letter: which letter, and which generation of it (an officer's retry starts a new one). */
export interface LetterJobData {
  letterId: string;
  generation: number;
}

/** Rendering attempts before a letter is `failed` (exponential backoff between them). */
export const LETTER_ATTEMPTS = 5;

/**
 * One job id per letter and generation: a relay that hands the same outbox
 * row over twice (crash between add and mark) adds a job BullMQ already has,
 * which it ignores. BullMQ refuses ':' in custom ids, hence the dashes.
 */
export function letterJobId(data: LetterJobData): string {
  return `letter-${data.letterId}-${data.generation}`;
}

/** The outbox payload of a letter, as LetterRequests and a retry write it (`generation` absent means 0). */
export function letterJobDataOf(payload: Record<string, unknown>): LetterJobData {
  const { letterId, generation } = payload;
  if (typeof letterId !== 'string' || letterId === '') throw new Error(`outbox payload without a letterId: ${JSON.stringify(payload)}`);
  if (generation !== undefined && !(Number.isInteger(generation) && (generation as number) >= 0)) {
    throw new Error(`outbox payload with a bad generation: ${JSON.stringify(payload)}`);
  }
  return { letterId, generation: (generation as number | undefined) ?? 0 };
}
