import openapi from '../api/openapi.json';
import cs from '../i18n/locales/cs/errors.json';
import en from '../i18n/locales/en/errors.json';
import uk from '../i18n/locales/uk/errors.json';
import { fieldId } from './field-id';
import { ApiError, describeProblem, messagesByField, toProblem, type ProblemDetails, type Translate } from './problem';

const catalogues: Record<string, Record<string, unknown>> = { cs, en, uk };
const problemDetailsDtoCodeValues: string[] = openapi.components.schemas.ProblemDetailsDto.properties.code.enum;
const t =
  (language: string): Translate =>
  (key) => {
    const [, path] = key.split(':');
    const value = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogues[language]);
    return typeof value === 'string' ? value : `MISSING ${key}`;
  };

describe('error messages', () => {
  it.each(['cs', 'en', 'uk'])('every code of the OpenAPI document has a message in %s', (language) => {
    const missing = problemDetailsDtoCodeValues.filter((code) => typeof catalogues[language][code] !== 'string' || catalogues[language][code] === '');
    expect(missing).toEqual([]);
  });

  it('the three catalogues have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(cs).sort());
    expect(Object.keys(uk).sort()).toEqual(Object.keys(cs).sort());
  });
});

describe('describeProblem', () => {
  const problem: ProblemDetails = {
    type: 'about:blank',
    title: 'Unprocessable',
    status: 422,
    detail: 'The application breaks 2 rules.',
    code: 'REQUEST_OUT_OF_RANGE',
    errors: [
      { field: 'requestedCzk', message: 'Requested CZK 400,000 is above the maximum of CZK 300,000.', code: 'REQUEST_OUT_OF_RANGE' },
      { field: 'primaryMeasureCode', message: 'Measure 99.I is not supported by this call.', code: 'MEASURE_NOT_ELIGIBLE' },
      { field: 'budgetLines[1].totalCzk', message: 'must be a whole number of CZK' },
    ],
  };

  it('translates the answer and each field by its own code', () => {
    const { summary, fields } = describeProblem(problem, t('cs'), 'cs');
    expect(summary).toBe(cs.REQUEST_OUT_OF_RANGE);
    expect(fields).toEqual([
      { field: 'requestedCzk', message: cs.REQUEST_OUT_OF_RANGE },
      { field: 'primaryMeasureCode', message: cs.MEASURE_NOT_ELIGIBLE },
      { field: 'budgetLines[1].totalCzk', message: cs.REQUEST_OUT_OF_RANGE },
    ]);
  });

  it("adds the API's specific English wording in English only", () => {
    const { fields } = describeProblem(problem, t('en'), 'en');
    expect(fields[0].message).toBe(`${en.REQUEST_OUT_OF_RANGE} Requested CZK 400,000 is above the maximum of CZK 300,000.`);
    expect(describeProblem(problem, t('uk'), 'uk').fields[0].message).toBe(uk.REQUEST_OUT_OF_RANGE);
  });

  it('uses the generic invalid-field message for validation failures', () => {
    const validation: ProblemDetails = { ...problem, code: 'VALIDATION_FAILED', errors: [{ field: 'user.password', message: 'too short' }] };
    expect(describeProblem(validation, t('uk'), 'uk').fields).toEqual([{ field: 'user.password', message: uk.field.invalid }]);
  });

  it('groups messages by field without repeating one', () => {
    const map = messagesByField([
      { field: 'a', message: 'x' },
      { field: 'a', message: 'x' },
      { field: 'a', message: 'y' },
      { field: 'b', message: 'z' },
    ]);
    expect(Object.fromEntries(map)).toEqual({ a: ['x', 'y'], b: ['z'] });
  });
});

describe('toProblem', () => {
  it('keeps problem details and makes one from other answers', () => {
    const body = { type: 'about:blank', title: 'Conflict', status: 409, detail: 'd', code: 'ALLOCATION_EXCEEDED', errors: [] };
    expect(toProblem(409, body)).toBe(body);
    expect(toProblem(404, '<html>')).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(toProblem(502, undefined)).toMatchObject({ code: 'INTERNAL_ERROR', status: 502 });
    expect(new ApiError(409, body as ProblemDetails).message).toBe('d');
  });
});

describe('fieldId', () => {
  it('turns API field paths into DOM ids', () => {
    expect(fieldId('budgetLines[2].requestedCzk')).toBe('field-budgetLines-2-requestedCzk');
    expect(fieldId('organisation.ico')).toBe('field-organisation-ico');
  });
});
