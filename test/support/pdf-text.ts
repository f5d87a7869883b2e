import { execFileSync } from 'node:child_process';

/**
 * The text of a PDF in reading order, extracted by poppler's pdftotext
 * (installed by .ci/run when missing), with every run of white space (line
 * breaks of wrapped text included) made one space.
 */
export function pdfText(pdf: Buffer): string {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 16 * 1024 * 1024 }).toString('utf8');
  return text.replace(/\s+/gu, ' ');
}

/**
 * The lines of a PDF as pdftotext lays them out (-layout: a table's row on
 * one line, its cells apart), each trimmed, no-break spaces made plain and
 * every run of spaces one space.
 */
export function pdfLayoutLines(pdf: Buffer): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 16 * 1024 * 1024 }).toString('utf8');
  return text.split('\n').map((line) => line.replace(/[\s\u00A0\u202F]+/gu, ' ').trim());
}
