import type { ApplicationFormValues } from './application-form';

/**
 * What an applicant typed, kept in this browser tab (sessionStorage) when the server
 * answered that the session is gone: signing in again brings them back to the same
 * address, where the form takes it back once. Nothing else is ever stored.
 */
const PREFIX = 'prague-grants.unsaved-application:';

interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function keepUnsaved(storage: Storage, address: string, values: ApplicationFormValues): void {
  try {
    storage.setItem(PREFIX + address, JSON.stringify(values));
  } catch {
    // A full or disabled storage: nothing to keep, the form says what the server answered.
  }
}

/** The values kept for this address, if any and if they still have the form's shape. */
export function readUnsaved(storage: Storage, address: string): ApplicationFormValues | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(PREFIX + address) ?? 'null');
  } catch {
    return null;
  }
  return isFormValues(parsed) ? parsed : null;
}

export function forgetUnsaved(storage: Storage, address: string): void {
  storage.removeItem(PREFIX + address);
}

const TEXT_FIELDS = [
  'partCode',
  'title',
  'summary',
  'justification',
  'startDate',
  'endDate',
  'targetGroups',
  'districts',
  'contactName',
  'contactEmail',
  'contactPhone',
  'otherFundingCzk',
  'primaryMeasureCode',
] as const satisfies readonly (keyof ApplicationFormValues)[];

function isFormValues(value: unknown): value is ApplicationFormValues {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  return (
    TEXT_FIELDS.every((field) => typeof v[field] === 'string') &&
    strings(v.measureCodes) &&
    Array.isArray(v.budgetLines) &&
    v.budgetLines.every(
      (line: unknown) =>
        !!line && typeof line === 'object' && ['category', 'description', 'totalCzk', 'requestedCzk'].every((k) => typeof (line as Record<string, unknown>)[k] === 'string'),
    )
  );
}
