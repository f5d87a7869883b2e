import { type Role, ROLES } from '@app/core/domain';
import { mayListUsers } from './user-directory';

describe('mayListUsers', () => {
  it.each([undefined, ...ROLES])('an admin lists users of role %s', (filter) => {
    expect(mayListUsers('admin', filter)).toBe(true);
  });

  it('an officer lists commission members only, and must say so', () => {
    expect(mayListUsers('officer', 'commission')).toBe(true);
    expect(mayListUsers('officer', undefined)).toBe(false);
    for (const role of ROLES.filter((r) => r !== 'commission')) expect(mayListUsers('officer', role)).toBe(false);
  });

  it.each(['applicant', 'commission', 'budget'] as Role[])('%s lists nobody', (caller) => {
    expect(mayListUsers(caller, undefined)).toBe(false);
    for (const role of ROLES) expect(mayListUsers(caller, role)).toBe(false);
  });
});
