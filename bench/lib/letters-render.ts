import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LetterRenderer } from '@app/letters/render/letter-renderer';
import { LETTER_ID, letterData } from '@app/letters/render/testing/letter-fixtures';

export interface RenderingMeasurement {
  letters: number;
  ms: number;
  perLetterMs: number;
  lettersPerSecond: number;
}

/** The repository's templates/, from bench/lib as from dist/bench/lib. */
function templatesDir(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'templates', 'letters'))) return join(dir, 'templates');
  }
  throw new Error(`No templates/letters above ${__dirname}`);
}

/**
 * Renders one representative approval letter `letters` times in this process,
 * one after another, and times it. 'embedded': the letter renderer as the
 * worker runs it (DejaVu Sans subset); 'helvetica': the same layout and text
 * in pdfkit's built-in Helvetica with no embedded font (the baseline; it
 * cannot print Czech letters correctly, so it is not a way to make letters).
 * Loading the templates and a few warm-up renders are not timed.
 */
export async function measureRendering(opts: { letters: number; font: 'embedded' | 'helvetica' }): Promise<RenderingMeasurement> {
  if (!Number.isInteger(opts.letters) || opts.letters < 1) throw new RangeError(`letters must be a positive integer, got ${opts.letters}`);
  const renderer = LetterRenderer.load(templatesDir(), { font: opts.font });
  const letter = { id: LETTER_ID, kind: 'approval' as const, data: letterData('approval') };
  for (let i = 0; i < 5; i++) await renderer.render(letter);
  const start = process.hrtime.bigint();
  for (let i = 0; i < opts.letters; i++) await renderer.render(letter);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { letters: opts.letters, ms, perLetterMs: ms / opts.letters, lettersPerSecond: (opts.letters * 1000) / ms };
}
