import { checkContractAccount } from './contract-account.rules';

const REGISTERED = '034278-0727558021/0100';
const codes = (requested: string | undefined, registered: string | null) => checkContractAccount({ requested, registered }).map((v) => v.code);

describe('checkContractAccount', () => {
  it('accepts the registered account, however written, or none (the contract takes the registered one)', () => {
    expect(codes(undefined, REGISTERED)).toEqual([]);
    expect(codes(REGISTERED, REGISTERED)).toEqual([]);
    expect(codes('34278-727558021/0100', REGISTERED)).toEqual([]);
  });

  it('refuses an invalid account, another account and an organisation without one', () => {
    expect(codes('124/0800', REGISTERED)).toEqual(['INVALID_BANK_ACCOUNT']);
    expect(checkContractAccount({ requested: '19-2000145399/0800', registered: REGISTERED })).toEqual([
      {
        code: 'BANK_ACCOUNT_NOT_REGISTERED',
        field: 'bankAccount',
        message:
          "19-2000145399/0800 is not the organisation's registered bank account (034278-0727558021/0100); a change is asked for by the organisation and confirmed by an officer.",
      },
    ]);
    expect(codes('19-2000145399/0800', null)).toEqual(['BANK_ACCOUNT_NOT_REGISTERED']);
    expect(codes(undefined, null)).toEqual(['BANK_ACCOUNT_NOT_REGISTERED']);
  });
});
