import { isIsoDate } from '@app/core/domain';
import type { LetterKind } from '../domain/letter-kind';
import { RENDERED_KINDS } from './letter-template';

/** The data of a letter lacks, or has wrong, what the letter must say. Every problem is listed. */
export class LetterDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The letter's data cannot make a letter: ${problems.join('; ')}`);
    this.name = 'LetterDataError';
  }
}

export type ApprovingBody = 'council' | 'assembly';

export interface LetterParty {
  name: string;
  ico: string;
  street: string;
  city: string;
  postalCode: string;
}

/** A council or assembly decision (approval, rejection). */
export interface ResolutionDecision {
  body: ApprovingBody;
  resolutionNumber: string;
  /** YYYY-MM-DD. */
  resolutionDate: string;
}

export type LetterDecision =
  /** `deviationReason`: why the resolution deviates from the DOT Commission (not recommended, or above its proposal); null when it does not. */
  | ({ kind: 'approval'; amountCzk: number; deviationReason: string | null } & ResolutionDecision)
  | ({ kind: 'rejection'; reasons: string[] } & ResolutionDecision)
  | { kind: 'ineligible'; reasons: string[] }
  /** `correctionDueOn`: YYYY-MM-DD. */
  | { kind: 'correction_request'; reasons: string[]; correctionDueOn: string };

/** `letter.data` once checked: everything a letter of its kind needs, typed. */
export interface LetterData {
  recipient: LetterParty;
  application: { id: string; referenceNumber: string; title: string; submittedAt: Date | null; requestedCzk: number };
  part: { code: string; name: string };
  /** `settlementDueOn`: the call's settlement deadline (YYYY-MM-DD), which the contract copies; an approval prints it. */
  call: { id: string; title: string; settlementDueOn: string | null };
  programme: { code: string; name: string; year: number };
  decidedAt: Date;
  decision: LetterDecision;
}

type Json = Record<string, unknown>;


/** Reads fields of an untrusted object, collecting every problem instead of stopping at the first. */
class Reader {
  constructor(readonly problems: string[]) {}

  object(value: unknown, path: string): Json {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.problems.push(`${path} must be an object`);
    return {};
  }

  text(o: Json, key: string, path: string): string {
    const v = o[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    this.problems.push(`${path}.${key} must be a non-empty string, got ${show(v)}`);
    return '';
  }

  ico(o: Json, path: string): string {
    const v = this.text(o, 'ico', path);
    if (v !== '' && !/^[0-9]{8}$/.test(v)) this.problems.push(`${path}.ico must be 8 digits, got ${show(v)}`);
    return v;
  }

  /** bigint columns arrive from jsonb as a number or a string of digits. */
  czk(o: Json, key: string, path: string, { positive }: { positive: boolean }): number {
    const v = o[key];
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^[0-9]+$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < 0 || (positive && n === 0)) {
      this.problems.push(`${path}.${key} must be a ${positive ? 'positive' : 'non-negative'} whole amount of CZK, got ${show(v)}`);
      return 0;
    }
    return n;
  }

  year(o: Json, key: string, path: string): number {
    const v = o[key];
    const n = typeof v === 'string' && /^[0-9]{4}$/.test(v) ? Number(v) : v;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1900 && n <= 9998) return n;
    this.problems.push(`${path}.${key} must be a year, got ${show(v)}`);
    return 2000;
  }

  isoDate(o: Json, key: string, path: string): string {
    const v = o[key];
    if (typeof v === 'string' && isIsoDate(v)) return v;
    this.problems.push(`${path}.${key} must be a date (YYYY-MM-DD), got ${show(v)}`);
    return '2000-01-01';
  }

  /** An instant as jsonb stores a timestamptz (ISO 8601 with an offset), or a Date. */
  instant(o: Json, key: string, path: string, { optional }: { optional: boolean }): Date | null {
    const v = o[key];
    if (optional && (v === null || v === undefined)) return null;
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v;
    if (typeof v === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}(:?[0-9]{2})?)$/.test(v)) {
      const d = new Date(v);
      if (!Number.isNaN(d.getTime())) return d;
    }
    this.problems.push(`${path}.${key} must be an ISO 8601 instant with an offset, got ${show(v)}`);
    return new Date(0);
  }

  /** A text that may be absent (null or missing); when present, not blank. */
  optionalText(o: Json, key: string, path: string): string | null {
    const v = o[key];
    if (v === null || v === undefined) return null;
    return this.text(o, key, path);
  }

  reasons(o: Json, path: string): string[] {
    const v = o.reasons;
    if (!Array.isArray(v) || v.length === 0) {
      this.problems.push(`${path}.reasons must list at least one reason, got ${show(v)}`);
      return [];
    }
    return v.map((r, i) => {
      if (typeof r === 'string' && r.trim() !== '') return r.trim();
      this.problems.push(`${path}.reasons[${i}] must be a non-empty string, got ${show(r)}`);
      return '';
    });
  }

  body(o: Json, path: string): ApprovingBody {
    const v = o.body;
    if (v === 'council' || v === 'assembly') return v;
    this.problems.push(`${path}.body must be "council" or "assembly", got ${show(v)}`);
    return 'council';
  }

  expect(o: Json, key: string, expected: unknown, path: string): void {
    if (o[key] !== expected) this.problems.push(`${path}.${key} must be ${show(expected)} for this kind of letter, got ${show(o[key])}`);
  }
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function resolution(r: Reader, d: Json): ResolutionDecision {
  return {
    body: r.body(d, 'decision'),
    resolutionNumber: r.text(d, 'resolutionNumber', 'decision'),
    resolutionDate: r.isoDate(d, 'resolutionDate', 'decision'),
  };
}

function decisionOf(r: Reader, kind: LetterKind, d: Json): LetterDecision {
  switch (kind) {
    case 'approval':
      r.expect(d, 'outcome', 'approved', 'decision');
      return {
        kind,
        amountCzk: r.czk(d, 'amountCzk', 'decision', { positive: true }),
        deviationReason: r.optionalText(d, 'deviationReason', 'decision'),
        ...resolution(r, d),
      };
    case 'rejection':
      r.expect(d, 'outcome', 'rejected', 'decision');
      return { kind, reasons: r.reasons(d, 'decision'), ...resolution(r, d) };
    case 'ineligible':
      r.expect(d, 'result', 'ineligible', 'decision');
      return { kind, reasons: r.reasons(d, 'decision') };
    case 'correction_request':
      r.expect(d, 'result', 'correction_requested', 'decision');
      return { kind, reasons: r.reasons(d, 'decision'), correctionDueOn: r.isoDate(d, 'correctionDueOn', 'decision') };
  }
}

/**
 * Checks `letter.data` (as `LetterRequests` stores it) for a letter of `kind`
 * and types it. Throws LetterDataError listing every problem.
 */
export function parseLetterData(kind: LetterKind, data: unknown): LetterData {
  const problems: string[] = [];
  if (!RENDERED_KINDS.includes(kind)) throw new LetterDataError([`kind must be one of ${RENDERED_KINDS.join(', ')}, got ${show(kind)}`]);
  const r = new Reader(problems);
  const root = r.object(data, 'data');
  const recipient = r.object(root.recipient, 'recipient');
  const application = r.object(root.application, 'application');
  const part = r.object(root.part, 'part');
  const call = r.object(root.call, 'call');
  const programme = r.object(root.programme, 'programme');
  const result: LetterData = {
    recipient: {
      name: r.text(recipient, 'name', 'recipient'),
      ico: r.ico(recipient, 'recipient'),
      street: r.text(recipient, 'street', 'recipient'),
      city: r.text(recipient, 'city', 'recipient'),
      postalCode: r.text(recipient, 'postalCode', 'recipient'),
    },
    application: {
      id: r.text(application, 'id', 'application'),
      referenceNumber: r.text(application, 'referenceNumber', 'application'),
      title: r.text(application, 'title', 'application'),
      submittedAt: r.instant(application, 'submittedAt', 'application', { optional: true }),
      requestedCzk: r.czk(application, 'requestedCzk', 'application', { positive: false }),
    },
    part: { code: r.text(part, 'code', 'part'), name: r.text(part, 'name', 'part') },
    call: {
      id: r.text(call, 'id', 'call'),
      title: r.text(call, 'title', 'call'),
      settlementDueOn: kind === 'approval' ? r.isoDate(call, 'settlementDueOn', 'call') : null,
    },
    programme: { code: r.text(programme, 'code', 'programme'), name: r.text(programme, 'name', 'programme'), year: r.year(programme, 'year', 'programme') },
    decidedAt: r.instant(root, 'decidedAt', 'data', { optional: false }) ?? new Date(0),
    decision: decisionOf(r, kind, r.object(root.decision, 'decision')),
  };
  if (problems.length) throw new LetterDataError(problems);
  return result;
}
