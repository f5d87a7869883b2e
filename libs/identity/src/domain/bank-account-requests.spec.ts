import { checkBankAccountDecision, checkBankAccountRequest } from './bank-account-requests';

const REGISTERED = '19-2000145399/0800';

describe('checkBankAccountRequest', () => {
  it('accepts a valid account other than the registered one, also for an organisation without one', () => {
    expect(checkBankAccountRequest({ bankAccount: '2701000133/2010', registered: REGISTERED, pendingRequest: false })).toEqual([]);
    expect(checkBankAccountRequest({ bankAccount: '2701000133/2010', registered: null, pendingRequest: false })).toEqual([]);
  });

  it('refuses an invalid account first, then the registered one (leading zeros ignored), then a second open request', () => {
    expect(checkBankAccountRequest({ bankAccount: '124/0800', registered: REGISTERED, pendingRequest: true }).map((v) => v.code)).toEqual(['INVALID_BANK_ACCOUNT']);
    expect(checkBankAccountRequest({ bankAccount: `000${REGISTERED}`, registered: REGISTERED, pendingRequest: true })).toEqual([
      { code: 'VALIDATION_FAILED', field: 'bankAccount', message: `is already the registered account (${REGISTERED})` },
    ]);
    expect(checkBankAccountRequest({ bankAccount: '2701000133/2010', registered: REGISTERED, pendingRequest: true }).map((v) => v.code)).toEqual([
      'BANK_ACCOUNT_REQUEST_PENDING',
    ]);
  });
});

describe('checkBankAccountDecision', () => {
  const pending = { status: 'pending' as const, requestedBy: 'applicant-1', decidedBy: 'officer-1', deciderAffiliated: false };

  it('lets a second, unaffiliated person decide a pending request', () => {
    expect(checkBankAccountDecision(pending)).toEqual([]);
  });

  it('refuses a decided request, the requester themselves and an affiliated officer', () => {
    expect(checkBankAccountDecision({ ...pending, status: 'confirmed' }).map((v) => v.code)).toEqual(['BANK_ACCOUNT_REQUEST_DECIDED']);
    expect(checkBankAccountDecision({ ...pending, status: 'rejected' }).map((v) => v.code)).toEqual(['BANK_ACCOUNT_REQUEST_DECIDED']);
    expect(checkBankAccountDecision({ ...pending, decidedBy: 'applicant-1' })).toEqual([
      { code: 'FORBIDDEN', message: 'A change of a bank account is confirmed by a second person, not by the one who asked for it.' },
    ]);
    expect(checkBankAccountDecision({ ...pending, deciderAffiliated: true }).map((v) => v.code)).toEqual(['FORBIDDEN']);
  });
});
