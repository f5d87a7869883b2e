import type { components } from '../api/schema.gen';
import { parseCzk } from './budget';

/** Helpers of the applicant's grant pages (detail and settlement): reading the API's answers, never deciding for it. */

export type LedgerLine = components['schemas']['LedgerLineResponse'];
export type LedgerType = LedgerLine['type'];
type FormalCheck = components['schemas']['FormalCheckResponse'];

/**
 * What each kind of movement adds up to once reversals are taken off: a reversal
 * line carries the magnitude of the movement it undoes (`reverses` = that line's id),
 * so it counts against that movement's type. A reversal of an unknown line is ignored.
 */
export function netByType(lines: readonly LedgerLine[]): Record<Exclude<LedgerType, 'reversal'>, number> {
  const totals = { commitment: 0, release: 0, payment: 0, return_due: 0, return: 0, penalty: 0, penalty_payment: 0 };
  const typeOf = new Map(lines.map((line) => [line.id, line.type]));
  for (const line of lines) {
    if (line.type !== 'reversal') {
      totals[line.type] += line.amountCzk;
      continue;
    }
    const reversed = line.reverses ? typeOf.get(line.reverses) : undefined;
    if (reversed && reversed !== 'reversal') totals[reversed] -= line.amountCzk;
  }
  return totals;
}

export interface PenaltySummary {
  /** §22 penalty levied by the Budget Department (net of reversals). */
  leviedCzk: number;
  paidCzk: number;
  /** Levied and not yet paid. */
  dueCzk: number;
}

/** The budget-discipline penalty as the ledger records it (the API levies it when late money is recorded). */
export function penaltyFromLedger(lines: readonly LedgerLine[]): PenaltySummary {
  const net = netByType(lines);
  return { leviedCzk: net.penalty, paidCzk: net.penalty_payment, dueCzk: Math.max(0, net.penalty - net.penalty_payment) };
}

/** The ids of lines that were reversed later (shown as such in the movements table). */
export function reversedLineIds(lines: readonly LedgerLine[]): Set<string> {
  return new Set(lines.flatMap((line) => (line.type === 'reversal' && line.reverses ? [line.reverses] : [])));
}

/** `INT-2027-0001-approval.pdf`, the name the API gives the attachment too; before a reference number, the letter's id. */
export function letterFileName(referenceNumber: string | null | undefined, kind: string, letterId: string): string {
  const base = (referenceNumber ?? '').trim() || letterId;
  return `${base}-${kind}.pdf`.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** The most recent formal check with the given result (checks come oldest first). */
export function latestFormalCheck(checks: readonly FormalCheck[], result: FormalCheck['result']): FormalCheck | undefined {
  for (let i = checks.length - 1; i >= 0; i--) if (checks[i].result === result) return checks[i];
  return undefined;
}

/** Money still to be returned whose last day (a Prague date) has passed. */
export function isReturnOverdue(input: { returnDueCzk: number; returnDueOn: string | null | undefined; today: string }): boolean {
  return input.returnDueCzk > 0 && !!input.returnDueOn && input.today > input.returnDueOn;
}

/** A settlement line as the form holds it: the amount may be empty or half-typed. */
export interface SettlementLineInput {
  category: string;
  spentCzk: string;
}

export interface SettlementSummary {
  /** The declared total, null while it is not a whole CZK amount. */
  spentCzk: number | null;
  /** Sum of the lines that are whole CZK amounts. */
  linesTotalCzk: number;
  /** Indexes of lines whose amount is not (yet) a whole CZK amount. */
  unparsedLines: number[];
  /** The declared total equals the lines (only when every amount can be read). */
  linesMatchSpent: boolean;
  /** What the recipient holds of the grant: paid less already returned. */
  heldCzk: number;
  /** The declared total is above what was paid (less returns). */
  exceedsHeld: boolean;
  /** Categories chosen on more than one line. */
  duplicateCategories: string[];
}

/**
 * Live totals of the settlement form, to help while typing; the API checks the
 * same on submission (lines adding up to the total, at most what was paid) and its
 * answer is what counts.
 */
export function summariseSettlement(input: {
  spentCzk: string;
  lines: readonly SettlementLineInput[];
  paidCzk: number;
  returnedCzk: number;
}): SettlementSummary {
  const spentCzk = parseCzk(input.spentCzk);
  let linesTotalCzk = 0;
  const unparsedLines: number[] = [];
  input.lines.forEach((line, i) => {
    const amount = parseCzk(line.spentCzk);
    if (amount === null) unparsedLines.push(i);
    else linesTotalCzk += amount;
  });
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const line of input.lines) {
    const category = line.category.trim();
    if (!category) continue;
    if (seen.has(category)) duplicates.add(category);
    seen.add(category);
  }
  const heldCzk = Math.max(0, input.paidCzk - input.returnedCzk);
  return {
    spentCzk,
    linesTotalCzk,
    unparsedLines,
    linesMatchSpent: spentCzk !== null && unparsedLines.length === 0 && input.lines.length > 0 && linesTotalCzk === spentCzk,
    heldCzk,
    exceedsHeld: spentCzk !== null && spentCzk > heldCzk,
    duplicateCategories: [...duplicates],
  };
}

/**
 * A typed amount for the request body: whole CZK when it reads as one, else what
 * was typed, so the API's answer names the field instead of the portal guessing.
 */
export function czkForApi(typed: string): number {
  const parsed = parseCzk(typed);
  return parsed ?? (typed.trim() as unknown as number);
}

/** The application's budget categories, each once, in the order of its budget lines. */
export function budgetCategories(lines: readonly { category: string }[]): string[] {
  return [...new Set(lines.map((line) => line.category.trim()).filter(Boolean))];
}
