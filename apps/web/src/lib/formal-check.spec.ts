import { mayCheckAgain, onReasonsField, reasonsFromText } from './formal-check';
import { ApiError, type ProblemDetails } from './problem';

describe('reasonsFromText', () => {
  it('takes one reason a line, trimmed, without empty lines', () => {
    expect(reasonsFromText('  Missing budget justification \n\n\r\nStatutory body not signed  ')).toEqual([
      'Missing budget justification',
      'Statutory body not signed',
    ]);
    expect(reasonsFromText('   \n ')).toEqual([]);
  });
});

describe('onReasonsField', () => {
  const problem = (fields: string[]): ProblemDetails => ({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'd',
    code: 'VALIDATION_FAILED',
    errors: fields.map((field) => ({ field, message: 'too long' })),
  });

  it('moves problems of single reasons onto the text area, keeping the others', () => {
    const moved = onReasonsField(new ApiError(400, problem(['reasons[1]', 'correctionDueOn']))) as ApiError;
    expect(moved.problem.errors.map((e) => e.field)).toEqual(['reasons', 'correctionDueOn']);
    expect(moved.status).toBe(400);
  });

  it('leaves other errors as they are', () => {
    const error = new ApiError(400, problem(['correctionDueOn']));
    expect(onReasonsField(error)).toBe(error);
    expect(onReasonsField(null)).toBeNull();
  });
});

describe('mayCheckAgain', () => {
  it('leaves the application to the applicant up to and including the deadline', () => {
    expect(mayCheckAgain('2027-03-10', '2027-03-09')).toBe(false);
    expect(mayCheckAgain('2027-03-10', '2027-03-10')).toBe(false);
  });

  it('gives it back to the officer from the day after', () => {
    expect(mayCheckAgain('2027-03-10', '2027-03-11')).toBe(true);
  });

  it('needs a deadline', () => {
    expect(mayCheckAgain(null, '2027-03-11')).toBe(false);
  });
});
