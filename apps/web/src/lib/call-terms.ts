import { formatPragueDateTime, isIsoDate } from '@app/core/domain';
import type { components } from '../api/schema.gen';
import { parseCzk } from './budget';

type CallRequest = components['schemas']['CallRequest'];
type CallResponse = components['schemas']['CallResponse'];
export type ApplicantKind = CallRequest['eligibleApplicantKinds'][number];
export type RankingMethod = NonNullable<CallRequest['rankingMethod']>;

/** A part of the call as the form holds it: amounts as typed. */
export interface PartInput {
  code: string;
  name: string;
  allocationCzk: string;
  minRequestCzk: string;
  maxRequestCzk: string;
}

export interface CriterionInput {
  code: string;
  name: string;
  maxPoints: string;
}

/**
 * Every term of a call as the officer types it. Dates are `YYYY-MM-DD`; the submission
 * window is Prague wall-clock time (`YYYY-MM-DDTHH:mm`, what a datetime-local input gives),
 * whatever the browser's own time zone.
 */
export interface CallFormValues {
  programmeId: string;
  title: string;
  announcedOn: string;
  submissionOpensAt: string;
  submissionClosesAt: string;
  decisionDueOn: string;
  settlementDueOn: string;
  eligibleApplicantKinds: ApplicantKind[];
  eligibleMeasureCodes: string[];
  maxApplicationsPerOrganisation: string;
  minScore: string;
  quorum: string;
  maxRequestShareOfCostsPct: string;
  rankingMethod: RankingMethod;
  parts: PartInput[];
  criteria: CriterionInput[];
}

export const emptyPart = (code = ''): PartInput => ({ code, name: '', allocationCzk: '', minRequestCzk: '', maxRequestCzk: '' });
export const emptyCriterion = (code = ''): CriterionInput => ({ code, name: '', maxPoints: '' });

/** A new call: nothing chosen for the officer but the average ranking (the API's default) and one part and criterion to fill. */
export function emptyCallForm(programmeId = ''): CallFormValues {
  return {
    programmeId,
    title: '',
    announcedOn: '',
    submissionOpensAt: '',
    submissionClosesAt: '',
    decisionDueOn: '',
    settlementDueOn: '',
    eligibleApplicantKinds: [],
    eligibleMeasureCodes: [],
    maxApplicationsPerOrganisation: '',
    minScore: '',
    quorum: '',
    maxRequestShareOfCostsPct: '',
    rankingMethod: 'average',
    parts: [emptyPart('1')],
    criteria: [emptyCriterion('K1')],
  };
}

/** A draft call's terms back in the form, for editing. */
export function callFormFrom(call: CallResponse): CallFormValues {
  return {
    programmeId: call.programmeId,
    title: call.title,
    announcedOn: call.announcedOn,
    submissionOpensAt: isoToPragueLocal(call.submissionOpensAt),
    submissionClosesAt: isoToPragueLocal(call.submissionClosesAt),
    decisionDueOn: call.decisionDueOn,
    settlementDueOn: call.settlementDueOn,
    eligibleApplicantKinds: [...call.eligibleApplicantKinds],
    eligibleMeasureCodes: [...call.eligibleMeasureCodes],
    maxApplicationsPerOrganisation: String(call.maxApplicationsPerOrganisation),
    minScore: String(call.minScore),
    quorum: String(call.quorum),
    maxRequestShareOfCostsPct: String(call.maxRequestShareOfCostsPct),
    rankingMethod: call.rankingMethod,
    parts: call.parts.map((p) => ({
      code: p.code,
      name: p.name,
      allocationCzk: String(p.allocationCzk),
      minRequestCzk: String(p.minRequestCzk),
      maxRequestCzk: String(p.maxRequestCzk),
    })),
    criteria: call.criteria.map((c) => ({ code: c.code, name: c.name, maxPoints: String(c.maxPoints) })),
  };
}

/** A whole number as typed ("3", " 12 "); what is not one is sent as typed, so the API names the field. */
function wholeOrTyped(typed: string): number | string {
  const trimmed = typed.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Whole CZK as typed ("150 000"); what is not one is sent as typed, so the API names the field. */
function czkOrTyped(typed: string): number | string {
  return parseCzk(typed) ?? typed.trim();
}

/**
 * The request body for POST /calls (and, without `programmeId`, PATCH /calls/:id).
 * The portal does not judge the terms: a value it cannot read as a number, date or
 * Prague time goes to the API as typed, and the API answers every problem at once
 * with the field's path (`parts[1].allocationCzk`), which the form shows next to it.
 * Measures go in the catalogue order the picker lists them in.
 */
export function toCallRequest(values: CallFormValues, measureOrder: readonly string[] = []): CallRequest {
  const rank = new Map(measureOrder.map((code, i) => [code, i]));
  const measures = [...values.eligibleMeasureCodes].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b));
  const body = {
    programmeId: values.programmeId,
    title: values.title.trim(),
    announcedOn: values.announcedOn,
    submissionOpensAt: pragueLocalToIso(values.submissionOpensAt) ?? values.submissionOpensAt,
    submissionClosesAt: pragueLocalToIso(values.submissionClosesAt) ?? values.submissionClosesAt,
    decisionDueOn: values.decisionDueOn,
    settlementDueOn: values.settlementDueOn,
    eligibleApplicantKinds: values.eligibleApplicantKinds,
    eligibleMeasureCodes: measures,
    maxApplicationsPerOrganisation: wholeOrTyped(values.maxApplicationsPerOrganisation),
    minScore: wholeOrTyped(values.minScore),
    quorum: wholeOrTyped(values.quorum),
    maxRequestShareOfCostsPct: wholeOrTyped(values.maxRequestShareOfCostsPct),
    rankingMethod: values.rankingMethod,
    parts: values.parts.map((p) => ({
      code: p.code.trim(),
      name: p.name.trim(),
      allocationCzk: czkOrTyped(p.allocationCzk),
      minRequestCzk: czkOrTyped(p.minRequestCzk),
      maxRequestCzk: czkOrTyped(p.maxRequestCzk),
    })),
    criteria: values.criteria.map((c) => ({ code: c.code.trim(), name: c.name.trim(), maxPoints: wholeOrTyped(c.maxPoints) })),
  };
  // Typed as the request: only the values the portal could not read differ, and the API refuses those by field.
  return body as CallRequest;
}

/** The PATCH body of a draft: every term but the programme, which a call keeps. */
export function toCallPatch(values: CallFormValues, measureOrder: readonly string[] = []): components['schemas']['CallPatchRequest'] {
  const { programmeId: _programmeId, ...patch } = toCallRequest(values, measureOrder);
  return patch;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::00)?$/;
const HOUR = 3_600_000;

/**
 * Prague wall-clock time (`2027-02-01T09:00`) as an ISO instant with its offset
 * (`2027-02-01T09:00:00+01:00`; `+02:00` in summer time). In the autumn hour that
 * happens twice, the first (summer-time) one; null for a time that does not exist
 * in Prague (the hour skipped in spring) or is not a date and time.
 */
export function pragueLocalToIso(local: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m || !isIsoDate(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  const [, date, hh, mm] = m;
  const wall = Date.parse(`${date}T${hh}:${mm}:00Z`);
  for (const offset of [2, 1]) {
    if (formatPragueDateTime(new Date(wall - offset * HOUR)) === `${date} ${hh}:${mm}`) return `${date}T${hh}:${mm}:00+0${offset}:00`;
  }
  return null;
}

/** An instant as Prague wall-clock time for a datetime-local input (`2027-02-01T09:00`); '' when it is not one. */
export function isoToPragueLocal(iso: string): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? '' : formatPragueDateTime(instant).replace(' ', 'T');
}

/**
 * The messages of a list field's items (`eligibleMeasureCodes[3]`) keyed by the
 * value sent at that index, so the form can show each next to its own checkbox.
 */
export function messagesByValue(
  name: string,
  sent: readonly string[],
  byField: ReadonlyMap<string, string[]>,
): Map<string, { path: string; messages: string[] }> {
  const out = new Map<string, { path: string; messages: string[] }>();
  const prefix = `${name}[`;
  for (const [field, messages] of byField) {
    if (!field.startsWith(prefix) || !field.endsWith(']')) continue;
    const index = field.slice(prefix.length, -1);
    const value = /^\d+$/.test(index) ? sent[Number(index)] : undefined;
    if (value !== undefined) out.set(value, { path: field, messages });
  }
  return out;
}
