import type { components } from '../api/schema.gen';
import { parseCzk } from './budget';

export type Resolution = components['schemas']['ResolutionResponse'];
export type ResolutionLine = components['schemas']['ResolutionLineResponse'];
export type ResolutionPart = components['schemas']['ResolutionPartResponse'];
export type LineEdit = components['schemas']['ResolutionLineEditRequest'];
export type LineOutcome = NonNullable<LineEdit['outcome']>;

/** One part of the annex as the editor shows it: its lines in annex order and where its money stands. */
export interface AnnexPartGroup {
  part: ResolutionPart;
  lines: ResolutionLine[];
  /**
   * A draft's: what is left of the part's available allocation after its approvals
   * (negative: overspent). null once adopted (its approvals are then part of what is
   * committed), rejected or withdrawn.
   */
  leftCzk: number | null;
  overspent: boolean;
}

/**
 * The annex grouped by part, in the call's part order, with the lines in the
 * order the API gives them (by part, then the commission's rank); parts with
 * no line of this resolution are left out.
 */
export function groupByPart(resolution: Pick<Resolution, 'status' | 'parts' | 'lines'>): AnnexPartGroup[] {
  return resolution.parts
    .map((part) => {
      const lines = resolution.lines.filter((l) => l.partId === part.partId);
      const leftCzk = resolution.status === 'draft' ? part.availableCzk - part.approvedCzk : null;
      return { part, lines, leftCzk, overspent: leftCzk !== null && leftCzk < 0 };
    })
    .filter((group) => group.lines.length > 0);
}

/** The line's difference from the commission's proposal (approved lines only; none proposed counts as 0), for the annex's "deviation" hint. */
export function deviatesFromCommission(line: Pick<ResolutionLine, 'outcome' | 'amountCzk' | 'proposedCzk' | 'commissionStatus'>): boolean {
  if (line.outcome !== 'approved') return false;
  return line.commissionStatus === 'not_recommended' || (line.amountCzk ?? 0) > (line.proposedCzk ?? 0);
}

/** The editor's form of one line, as typed. */
export interface LineForm {
  outcome: LineOutcome;
  amount: string;
  reason: string;
  deviationReason: string;
}

export function lineForm(line: ResolutionLine): LineForm {
  return {
    outcome: line.outcome === 'rejected' ? 'rejected' : 'approved',
    amount: line.amountCzk !== null ? String(line.amountCzk) : line.proposedCzk ? String(line.proposedCzk) : '',
    reason: line.reason ?? '',
    deviationReason: line.deviationReason ?? '',
  };
}

/**
 * Whether the typed form deviates from the commission as the API judges it: an
 * approval of an application it did not recommend, or above its proposal.
 */
export function formDeviates(form: LineForm, line: Pick<ResolutionLine, 'commissionStatus' | 'proposedCzk'>): boolean {
  if (form.outcome !== 'approved') return false;
  const amount = parseCzk(form.amount);
  return line.commissionStatus === 'not_recommended' || (amount !== null && amount > (line.proposedCzk ?? 0));
}

/**
 * The PATCH body for a line: the outcome, and what belongs to it (an approval's
 * amount and, when it deviates, its reason; a rejection's reason), with the
 * draft's version. An amount the portal cannot read goes as typed so that the
 * API names the field.
 */
export function lineEditRequest(form: LineForm, line: Pick<ResolutionLine, 'commissionStatus' | 'proposedCzk'>, version: number): LineEdit {
  if (form.outcome === 'rejected') {
    const reason = form.reason.trim();
    return { outcome: 'rejected', ...(reason !== '' ? { reason } : {}), version };
  }
  const typed = form.amount.trim();
  const deviationReason = form.deviationReason.trim();
  return {
    outcome: 'approved',
    ...(typed !== '' ? { amountCzk: (parseCzk(typed) ?? typed) as number } : {}),
    ...(formDeviates(form, line) && deviationReason !== '' ? { deviationReason } : {}),
    version,
  };
}

/** The API's adoption problems (`lines.<applicationId>`) by application, for the messages next to each line. */
export function lineProblems(byField: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [field, messages] of byField) {
    const match = /^lines\.(.+)$/.exec(field);
    if (match) out.set(match[1], [...(out.get(match[1]) ?? []), ...messages]);
  }
  return out;
}

/** The part an ALLOCATION_EXCEEDED problem names (`parts.<code>`), if any. */
export function exceededPartCodes(byField: ReadonlyMap<string, readonly string[]>): string[] {
  return [...byField.keys()].filter((f) => f.startsWith('parts.')).map((f) => f.slice('parts.'.length));
}

/** A file name for a resolution's document: `usneseni-<number or draft id>-priloha.pdf`, safe on every system. */
export function resolutionFileName(resolution: Pick<Resolution, 'id' | 'resolutionNumber' | 'body'>, what: string, extension: string): string {
  const name = (resolution.resolutionNumber ?? `${resolution.body}-${resolution.id.slice(0, 8)}`).replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return `usneseni-${name}-${what}.${extension}`;
}
