import { accountChangeRefusal, passwordResetExpiry } from './account-rules';

describe('accountChangeRefusal', () => {
  const officer = { id: 'officer-1', role: 'officer' as const };
  const applicant = { id: 'applicant-1', role: 'applicant' as const };

  it('an admin may disable anyone else, applicants included, and change a staff user’s role', () => {
    expect(accountChangeRefusal('admin-1', officer, 'disable')).toBeNull();
    expect(accountChangeRefusal('admin-1', applicant, 'disable')).toBeNull();
    expect(accountChangeRefusal('admin-1', officer, 'role')).toBeNull();
    expect(accountChangeRefusal('admin-1', applicant, 'enable')).toBeNull();
  });

  it('not their own account: no admin can disable or demote the last admin, themselves', () => {
    const self = { id: 'admin-1', role: 'admin' as const };
    expect(accountChangeRefusal('admin-1', self, 'disable')).toBe('own-account');
    expect(accountChangeRefusal('admin-1', self, 'role')).toBe('own-account');
    expect(accountChangeRefusal('admin-1', self, 'enable')).toBeNull();
  });

  it('an applicant’s role never changes', () => {
    expect(accountChangeRefusal('admin-1', applicant, 'role')).toBe('applicant-role');
  });
});

describe('passwordResetExpiry', () => {
  it('is 24 hours after the issue', () => {
    expect(passwordResetExpiry(new Date('2027-03-01T10:00:00Z')).toISOString()).toBe('2027-03-02T10:00:00.000Z');
  });
});
