import { isValidCzechBankAccount } from '@app/identity/domain/bank-account';
import { isValidIco } from '@app/identity/domain/ico';

/**
 * What to tell someone typing an IČO or a bank account, before the server is asked:
 * the identity domain's own checksum functions decide (the server runs the same ones).
 * `incomplete` is shown only once the field is left; `invalid` at once.
 */
export type TypedCheck =
  | { state: 'empty' | 'incomplete' | 'valid' }
  | { state: 'invalid'; reason: 'characters' | 'length' | 'checksum' | 'format' };

/** The IČO as the API wants it: typed spaces dropped (people copy "990 010 12" from letterheads). */
export function compactIco(typed: string): string {
  return typed.replace(/[\s\u00a0]/g, '');
}

export function checkTypedIco(typed: string): TypedCheck {
  const ico = compactIco(typed);
  if (ico === '') return { state: 'empty' };
  if (/\D/.test(ico)) return { state: 'invalid', reason: 'characters' };
  if (ico.length < 8) return { state: 'incomplete' };
  if (ico.length > 8) return { state: 'invalid', reason: 'length' };
  return isValidIco(ico) ? { state: 'valid' } : { state: 'invalid', reason: 'checksum' };
}

/** The account as the API wants it: `[prefix-]number/bankcode` without the spaces people type around the parts. */
export function compactBankAccount(typed: string): string {
  return typed.replace(/[\s\u00a0]/g, '');
}

const ACCOUNT_SHAPE = /^(?:\d{1,6}-)?\d{2,10}\/\d{4}$/;
/** What a correct account can look like on its way to being typed in full. */
const ACCOUNT_PREFIX_SHAPE = /^(?:\d{0,6}-?)?\d{0,10}(?:\/\d{0,3})?$/;

export function checkTypedBankAccount(typed: string): TypedCheck {
  const account = compactBankAccount(typed);
  if (account === '') return { state: 'empty' };
  if (/[^\d/-]/.test(account)) return { state: 'invalid', reason: 'characters' };
  if (ACCOUNT_SHAPE.test(account)) return isValidCzechBankAccount(account) ? { state: 'valid' } : { state: 'invalid', reason: 'checksum' };
  return ACCOUNT_PREFIX_SHAPE.test(account) ? { state: 'incomplete' } : { state: 'invalid', reason: 'format' };
}
