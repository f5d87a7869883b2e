import type { components } from '../api/schema.gen';
import { parseCzk, type BudgetLineInput } from './budget';
import type { ProblemDetails } from './problem';

type ApplicationResponse = components['schemas']['ApplicationResponse'];
type ApplicationPatchRequest = components['schemas']['ApplicationPatchRequest'];
type CallResponse = components['schemas']['CallResponse'];

/** The application form as typed: text as it stands, amounts still strings, lists as one text each. */
export interface ApplicationFormValues {
  partCode: string;
  title: string;
  summary: string;
  justification: string;
  startDate: string;
  endDate: string;
  /** "adult migrants, children of foreigners" — commas or new lines separate the items. */
  targetGroups: string;
  districts: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  budgetLines: BudgetLineInput[];
  otherFundingCzk: string;
  /** In the order they were ticked: `measureCodes[i]` in the API's answer is this list's i-th. */
  measureCodes: string[];
  primaryMeasureCode: string;
}

export const emptyBudgetLine = (): BudgetLineInput => ({ category: '', description: '', totalCzk: '', requestedCzk: '' });

/** A new application for a call: its only part chosen when it has one, one empty budget line. */
export function emptyApplicationForm(call: Pick<CallResponse, 'parts'>): ApplicationFormValues {
  return {
    partCode: call.parts.length === 1 ? call.parts[0].code : '',
    title: '',
    summary: '',
    justification: '',
    startDate: '',
    endDate: '',
    targetGroups: '',
    districts: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    budgetLines: [emptyBudgetLine()],
    otherFundingCzk: '0',
    measureCodes: [],
    primaryMeasureCode: '',
  };
}

/** A saved application back in the form. */
export function applicationFormOf(app: ApplicationResponse): ApplicationFormValues {
  return {
    partCode: app.partCode,
    title: app.title,
    summary: app.summary,
    justification: app.justification,
    startDate: app.startDate,
    endDate: app.endDate,
    targetGroups: joinList(app.targetGroups),
    districts: joinList(app.districts),
    contactName: app.contactPerson.name,
    contactEmail: app.contactPerson.email,
    contactPhone: app.contactPerson.phone,
    budgetLines: app.budgetLines.map((l) => ({
      category: l.category,
      description: l.description,
      totalCzk: String(l.totalCzk),
      requestedCzk: String(l.requestedCzk),
    })),
    otherFundingCzk: String(app.otherFundingCzk),
    measureCodes: [...app.measureCodes],
    primaryMeasureCode: app.primaryMeasureCode,
  };
}

/**
 * A typed list as its items: one per line when there are two lines or more (an item may
 * then contain a comma), else separated by commas or semicolons; blanks and repeats dropped.
 */
export function splitList(text: string): string[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const items = (lines.length > 1 ? lines : text.split(/[,;\n]+/))
    .map((item) => item.replace(/^[\s,;]+|[\s,;]+$/g, ''))
    .filter(Boolean);
  return [...new Set(items)];
}

/** A saved list as typed text: comma-separated, or one per line when an item has a comma of its own (and there are several). */
export function joinList(items: readonly string[]): string {
  return items.some((item) => /[,;]/.test(item)) ? items.join('\n') : items.join(', ');
}

/**
 * An amount as the API takes it: whole CZK, or `null` for what is not one, so the API
 * names that very field ("must be a whole number of CZK") instead of the portal guessing.
 */
function amount(typed: string): number {
  return parseCzk(typed) ?? (null as unknown as number);
}

/** The body of `POST /applications` (with the call's id) and `PATCH /applications/:id`. */
export function applicationBody(values: ApplicationFormValues): Required<Omit<ApplicationPatchRequest, 'partCode'>> & { partCode: string } {
  return {
    partCode: values.partCode,
    title: values.title.trim(),
    summary: values.summary.trim(),
    justification: values.justification.trim(),
    startDate: values.startDate,
    endDate: values.endDate,
    targetGroups: splitList(values.targetGroups),
    districts: splitList(values.districts),
    contactPerson: { name: values.contactName.trim(), email: values.contactEmail.trim(), phone: values.contactPhone.trim() },
    budgetLines: values.budgetLines.map((l) => ({
      category: l.category.trim(),
      description: l.description.trim(),
      totalCzk: amount(l.totalCzk),
      requestedCzk: amount(l.requestedCzk),
    })),
    otherFundingCzk: amount(values.otherFundingCzk),
    measureCodes: values.measureCodes,
    primaryMeasureCode: values.primaryMeasureCode,
  };
}

/** The form field of a chosen measure (its checkbox): `measure.21.III`. */
export const measureField = (code: string): string => `measure.${code}`;

/**
 * The API's field paths as the form's fields: `measureCodes[1]` is the checkbox of the
 * measure that was second in the request, an item of a list (`districts[3]`) is the
 * list's field, and a problem of the whole request has the field `''`.
 */
export function formFieldOf(field: string | undefined, sentMeasureCodes: readonly string[]): string {
  if (!field || field === 'body') return '';
  const measure = /^measureCodes\[(\d+)\]$/.exec(field);
  if (measure) {
    const code = sentMeasureCodes[Number(measure[1])];
    return code === undefined ? 'measureCodes' : measureField(code);
  }
  const listItem = /^(targetGroups|districts)\[\d+\]$/.exec(field);
  if (listItem) return listItem[1];
  return field;
}

/**
 * The problem with its field paths turned into the form's (see `formFieldOf`), listed in
 * the order of `fieldOrder` (the form's own order, so the summary reads top to bottom);
 * fields not in it keep the API's order, after those that are.
 */
export function problemForForm(problem: ProblemDetails, sentMeasureCodes: readonly string[], fieldOrder: readonly string[] = []): ProblemDetails {
  const position = new Map(fieldOrder.map((field, i) => [field, i]));
  const errors = (problem.errors ?? [])
    .map((e, i) => ({ error: { ...e, field: formFieldOf(e.field, sentMeasureCodes) }, i }))
    .map(({ error, i }) => ({ error, key: position.get(error.field) ?? fieldOrder.length + i }))
    .sort((a, b) => a.key - b.key)
    .map(({ error }) => error);
  return { ...problem, errors };
}
