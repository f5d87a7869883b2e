import { isValidCzechBankAccount, sameBankAccount } from '@app/identity/domain';
import type { Violation } from './czk';

/**
 * The account a contract names must be the organisation's registered account
 * (which changes only when a second person confirms the organisation's
 * request): a body naming another account, or an organisation without a
 * registered account, is BANK_ACCOUNT_NOT_REGISTERED. A body without an
 * account takes the registered one, and a matching account is stored in its
 * registered spelling.
 */
export function checkContractAccount(input: { requested: string | undefined; registered: string | null }): Violation[] {
  const { requested, registered } = input;
  if (requested !== undefined && !isValidCzechBankAccount(requested)) {
    return [{ code: 'INVALID_BANK_ACCOUNT', field: 'bankAccount', message: 'is not a valid Czech bank account (prefix-number/bank code with checksums)' }];
  }
  if (registered === null) {
    return [
      {
        code: 'BANK_ACCOUNT_NOT_REGISTERED',
        field: 'bankAccount',
        message:
          'The organisation has no registered bank account: its user asks for one (POST /organisations/:id/bank-account-requests) and an officer confirms it before the contract.',
      },
    ];
  }
  if (requested !== undefined && !sameBankAccount(requested, registered)) {
    return [
      {
        code: 'BANK_ACCOUNT_NOT_REGISTERED',
        field: 'bankAccount',
        message: `${requested} is not the organisation's registered bank account (${registered}); a change is asked for by the organisation and confirmed by an officer.`,
      },
    ];
  }
  return [];
}
