import { generateValidIco } from '@app/identity/domain/ico';
import { checkTypedBankAccount, checkTypedIco, compactBankAccount, compactIco } from './registration';

describe('checkTypedIco', () => {
  it('says nothing yet for an empty or half-typed IČO', () => {
    expect(checkTypedIco('')).toEqual({ state: 'empty' });
    expect(checkTypedIco('9900')).toEqual({ state: 'incomplete' });
  });

  it('accepts a valid IČO, with the spaces people copy from letterheads', () => {
    expect(checkTypedIco('00064581')).toEqual({ state: 'valid' });
    expect(checkTypedIco('990 010 12')).toEqual({ state: 'valid' });
    expect(checkTypedIco(generateValidIco(1234567))).toEqual({ state: 'valid' });
    expect(compactIco(' 990 010 12 ')).toBe('99001012');
  });

  it('names what is wrong: letters, length or the check digit', () => {
    expect(checkTypedIco('9900A')).toEqual({ state: 'invalid', reason: 'characters' });
    expect(checkTypedIco('990010120')).toEqual({ state: 'invalid', reason: 'length' });
    expect(checkTypedIco('00064582')).toEqual({ state: 'invalid', reason: 'checksum' });
  });
});

describe('checkTypedBankAccount', () => {
  it('accepts valid accounts with and without a prefix', () => {
    expect(checkTypedBankAccount('19-2000145399/0800')).toEqual({ state: 'valid' });
    expect(checkTypedBankAccount('034278-0727558021/0100')).toEqual({ state: 'valid' });
    expect(checkTypedBankAccount('2701000133/2010')).toEqual({ state: 'valid' });
    expect(compactBankAccount(' 19-2000145399 / 0800 ')).toBe('19-2000145399/0800');
  });

  it('is optional and waits while an account is still being typed', () => {
    expect(checkTypedBankAccount('')).toEqual({ state: 'empty' });
    for (const partial of ['19', '19-', '19-2000145399', '19-2000145399/', '19-2000145399/08']) {
      expect(checkTypedBankAccount(partial)).toEqual({ state: 'incomplete' });
    }
  });

  it('names what is wrong: characters, shape or checksums', () => {
    expect(checkTypedBankAccount('CZ65 0800')).toEqual({ state: 'invalid', reason: 'characters' });
    expect(checkTypedBankAccount('19-2000145399/08000')).toEqual({ state: 'invalid', reason: 'format' });
    expect(checkTypedBankAccount('1234567-2000145399/0800')).toEqual({ state: 'invalid', reason: 'format' });
    expect(checkTypedBankAccount('19-2000145398/0800')).toEqual({ state: 'invalid', reason: 'checksum' });
    expect(checkTypedBankAccount('18-2000145399/0800')).toEqual({ state: 'invalid', reason: 'checksum' });
  });
});
