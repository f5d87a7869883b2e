import type { Violation } from '@app/core/domain';
import { isValidCzechBankAccount, sameBankAccount } from './bank-account';

/**
 * Changing an organisation's registered bank account takes two people: the
 * organisation's own user asks, an officer confirms (or rejects). Until then
 * the registered account stays, so no one alone can redirect a grant.
 */
export const BANK_ACCOUNT_REQUEST_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type BankAccountRequestStatus = (typeof BANK_ACCOUNT_REQUEST_STATUSES)[number];

export const REJECTION_REASON_MAX_LENGTH = 2000;

/** A request for a new registered account: a valid account, not the registered one, and one request open at a time. */
export function checkBankAccountRequest(input: { bankAccount: string; registered: string | null; pendingRequest: boolean }): Violation[] {
  if (!isValidCzechBankAccount(input.bankAccount)) {
    return [{ code: 'INVALID_BANK_ACCOUNT', field: 'bankAccount', message: 'is not a valid Czech bank account (prefix-number/bank code with checksums)' }];
  }
  if (input.registered !== null && sameBankAccount(input.bankAccount, input.registered)) {
    return [{ code: 'VALIDATION_FAILED', field: 'bankAccount', message: `is already the registered account (${input.registered})` }];
  }
  if (input.pendingRequest) {
    return [
      {
        code: 'BANK_ACCOUNT_REQUEST_PENDING',
        message: 'The organisation already has a change of its bank account waiting for an officer; wait for the confirmation or rejection.',
      },
    ];
  }
  return [];
}

/**
 * An officer's confirmation or rejection: only of a pending request, never
 * by the person who asked, nor by someone affiliated with the organisation
 * (who could otherwise confirm a colleague's request for their own side).
 */
export function checkBankAccountDecision(input: {
  status: BankAccountRequestStatus;
  requestedBy: string;
  decidedBy: string;
  deciderAffiliated: boolean;
}): Violation[] {
  if (input.status !== 'pending') {
    return [{ code: 'BANK_ACCOUNT_REQUEST_DECIDED', message: `This request is already ${input.status}; ask for a new change instead.` }];
  }
  if (input.decidedBy === input.requestedBy) {
    return [{ code: 'FORBIDDEN', message: 'A change of a bank account is confirmed by a second person, not by the one who asked for it.' }];
  }
  if (input.deciderAffiliated) {
    return [{ code: 'FORBIDDEN', message: 'You are affiliated with this organisation: another officer must decide on its bank account.' }];
  }
  return [];
}
