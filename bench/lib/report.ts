import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Check {
  metric: string;
  measured: string;
  target: string;
  /** null: a figure for information, with no target. */
  pass: boolean | null;
  /** A missed target fails the run only with --strict; a broken invariant always does. */
  kind: 'target' | 'invariant' | 'info';
}

export function printTable(checks: readonly Check[]): void {
  const rows = [['metric', 'measured', 'target', 'result'], ...checks.map((c) => [c.metric, c.measured, c.target, c.pass === null ? '' : c.pass ? 'pass' : 'FAIL'])];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const line = (row: string[]) => row.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd();
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

export function failedChecks(checks: readonly Check[], strict: boolean): Check[] {
  return checks.filter((c) => c.pass === false && (c.kind === 'invariant' || strict));
}

export function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

export const mib = (kb: number): number => Math.round((kb / 1024) * 10) / 10;

export const mibOrNull = (kb: number | null): number | null => (kb === null ? null : mib(kb));

export const fmt = (n: number, digits = 1): string =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a';

export function fmtMib(kb: number | null): string {
  return kb === null ? 'n/a' : `${fmt(mib(kb))} MiB`;
}
