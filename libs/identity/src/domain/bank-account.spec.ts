import { accountsRegisteredOn, isValidCzechBankAccount, normaliseBankAccount, parseCzechBankAccount, sameBankAccount } from './bank-account';

describe('parseCzechBankAccount', () => {
  it.each([
    ['034278-0727558021/0100', { prefix: '034278', number: '0727558021', bankCode: '0100' }],
    ['19-2000145399/0800', { prefix: '19', number: '2000145399', bankCode: '0800' }],
    ['2000145399/0800', { prefix: null, number: '2000145399', bankCode: '0800' }],
    ['86-0199488014/0300', { prefix: '86', number: '0199488014', bankCode: '0300' }],
    ['19-123457/0710', { prefix: '19', number: '123457', bankCode: '0710' }],
    ['1000000005/5500', { prefix: null, number: '1000000005', bankCode: '5500' }],
    ['19/0100', { prefix: null, number: '19', bankCode: '0100' }], // shortest: two digits
    ['0000000019/0100', { prefix: null, number: '0000000019', bankCode: '0100' }],
    ['000000-0000000019/0100', { prefix: '000000', number: '0000000019', bankCode: '0100' }],
  ])('parses %s', (input, expected) => {
    expect(parseCzechBankAccount(input)).toEqual(expected);
    expect(isValidCzechBankAccount(input)).toBe(true);
  });

  it.each([
    ['034278-0727558022/0100', 'number checksum'],
    ['034279-0727558021/0100', 'prefix checksum'],
    ['1234567890/0100', 'number checksum'],
    ['2001234560/2010', 'number checksum'],
    ['35-12/0100', 'number checksum'],
    ['2000145399/080', 'three-digit bank code'],
    ['2000145399/08000', 'five-digit bank code'],
    ['2000145399', 'missing bank code'],
    ['2000145399/', 'empty bank code'],
    ['19-2000145399', 'missing bank code with prefix'],
    ['2000145399/08O0', 'letter in bank code'],
    ['20001453A9/0800', 'letter in number'],
    ['1A-2000145399/0800', 'letter in prefix'],
    ['CZ6508000000192000145399', 'IBAN is not the domestic format'],
    ['0000019-2000145399/0800', 'seven-digit prefix'],
    ['02000145399/0800', 'eleven-digit number'],
    ['5/0100', 'one-digit number'],
    ['0000000000/0100', 'all zeros'],
    ['00/0100', 'all zeros, short'],
    ['0000000005/0100', 'one significant digit'],
    ['-2000145399/0800', 'empty prefix'],
    ['19--2000145399/0800', 'double dash'],
    [' 2000145399/0800', 'leading space'],
    ['2000145399 / 0800', 'spaces around slash'],
    ['', 'empty'],
  ])('rejects %j (%s)', (input) => {
    expect(parseCzechBankAccount(input)).toBeNull();
    expect(isValidCzechBankAccount(input)).toBe(false);
  });
});

describe('bank account comparison (normaliseBankAccount, sameBankAccount)', () => {
  it('ignores leading zeros and spaces, and an empty prefix', () => {
    expect(normaliseBankAccount('034278-0727558021/0100')).toBe('34278-727558021/0100');
    expect(normaliseBankAccount('000000-0000000019/0800')).toBe('19/0800');
    expect(sameBankAccount('19/0800', '0-19/0800')).toBe(true);
    expect(sameBankAccount(' 19 / 0800', '19/0800')).toBe(true);
  });

  it('tells different accounts and banks apart, and compares anything else as written', () => {
    expect(sameBankAccount('19/0800', '19/0100')).toBe(false);
    expect(sameBankAccount('19-123/0800', '123/0800')).toBe(false);
    expect(sameBankAccount('CZ6508000000192000145399', 'CZ6508000000192000145399')).toBe(true);
    expect(normaliseBankAccount('nonsense')).toBe('nonsense');
  });
});

describe('accountsRegisteredOn', () => {
  const periods = [
    { bankAccount: 'OLD', from: '2027-01-10', until: '2027-08-01' },
    { bankAccount: 'NEW', from: '2027-08-01', until: null },
  ];
  it('names the account of each day, both on the day of a change, none before the first', () => {
    expect(accountsRegisteredOn(periods, '2027-01-09')).toEqual([]);
    expect(accountsRegisteredOn(periods, '2027-01-10')).toEqual(['OLD']);
    expect(accountsRegisteredOn(periods, '2027-07-31')).toEqual(['OLD']);
    expect(accountsRegisteredOn(periods, '2027-08-01')).toEqual(['OLD', 'NEW']);
    expect(accountsRegisteredOn(periods, '2030-01-01')).toEqual(['NEW']);
    expect(accountsRegisteredOn([], '2027-08-01')).toEqual([]);
  });
});
