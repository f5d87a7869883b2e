import { organisationIdsForApi, renameProblemFields, rowOfSentId } from './admin-users';
import { ApiError, type ProblemDetails } from './problem';

const answer = (errors: ProblemDetails['errors']): ApiError =>
  new ApiError(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'taken', code: 'EMAIL_TAKEN', errors });

describe('renameProblemFields', () => {
  it('moves the registration path of a taken e-mail onto the staff form’s field', () => {
    const renamed = renameProblemFields(answer([{ field: 'user.email', message: 'already has an account' }]), { 'user.email': 'email' }) as ApiError;
    expect(renamed.problem.errors).toEqual([{ field: 'email', message: 'already has an account' }]);
    expect(renamed.problem.code).toBe('EMAIL_TAKEN');
    expect(renamed.status).toBe(409);
  });

  it('keeps other fields and returns the same error when nothing is renamed', () => {
    const error = answer([{ field: 'password', message: 'must be at least 12 characters' }]);
    expect(renameProblemFields(error, { 'user.email': 'email' })).toBe(error);
    const mixed = renameProblemFields(answer([{ field: 'password', message: 'short' }, { field: 'user.email', message: 'taken' }]), { 'user.email': 'email' }) as ApiError;
    expect(mixed.problem.errors.map((e) => e.field)).toEqual(['password', 'email']);
  });

  it('leaves anything that is not an API answer alone', () => {
    const network = new Error('network');
    expect(renameProblemFields(network, { a: 'b' })).toBe(network);
  });
});

describe('organisationIdsForApi', () => {
  it('trims, drops blank rows and repeats, keeping the order', () => {
    expect(organisationIdsForApi([' a ', '', 'b', 'a', '  '])).toEqual(['a', 'b']);
    expect(organisationIdsForApi([])).toEqual([]);
  });
});

describe('rowOfSentId', () => {
  it('finds the form row of the i-th id sent', () => {
    const rows = ['', 'x', '  ', 'y', 'x'];
    expect(rowOfSentId(rows, 0)).toBe(1);
    expect(rowOfSentId(rows, 1)).toBe(3);
    expect(rowOfSentId(rows, 2)).toBe(-1);
  });
});
