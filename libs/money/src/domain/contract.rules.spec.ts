import { checkContract, checkPublication, isPublicationOverdue, publicationDueOn, wasPublishedLate } from './contract.rules';
import type { Violation } from './czk';

const codes = (vs: Violation[]) => vs.map((v) => [v.code, v.field]);

describe('publicationDueOn', () => {
  it('is 30 days after the signature for contracts over CZK 50,000', () => {
    expect(publicationDueOn('2027-06-10', 50_001)).toBe('2027-07-10');
    expect(publicationDueOn('2027-06-10', 1_000_000)).toBe('2027-07-10');
  });

  it('is not required up to CZK 50,000 inclusive', () => {
    expect(publicationDueOn('2027-06-10', 50_000)).toBeNull();
    expect(publicationDueOn('2027-06-10', 0)).toBeNull();
  });

  it('counts calendar days across months, years and leap days', () => {
    expect(publicationDueOn('2027-12-15', 60_000)).toBe('2028-01-14');
    expect(publicationDueOn('2028-02-10', 60_000)).toBe('2028-03-11');
    expect(publicationDueOn('2027-02-10', 60_000)).toBe('2027-03-12');
  });

  it('refuses malformed input', () => {
    expect(() => publicationDueOn('2027-06-31', 60_000)).toThrow(RangeError);
    expect(() => publicationDueOn('2027-06-10', -1)).toThrow(RangeError);
    expect(() => publicationDueOn('2027-06-10', 60_000.5)).toThrow(RangeError);
  });
});

describe('isPublicationOverdue / wasPublishedLate', () => {
  const c = { signedOn: '2027-06-10', amountCzk: 80_000 };

  it('is overdue from the day after the deadline while unpublished', () => {
    expect(isPublicationOverdue({ ...c, publishedOn: null, today: '2027-07-10' })).toBe(false);
    expect(isPublicationOverdue({ ...c, publishedOn: null, today: '2027-07-11' })).toBe(true);
  });

  it('is not overdue once published, nor when publication is not required', () => {
    expect(isPublicationOverdue({ ...c, publishedOn: '2027-08-01', today: '2027-09-01' })).toBe(false);
    expect(isPublicationOverdue({ ...c, amountCzk: 50_000, publishedOn: null, today: '2028-01-01' })).toBe(false);
  });

  it('tells a late publication from one in time', () => {
    expect(wasPublishedLate({ ...c, publishedOn: '2027-07-10' })).toBe(false);
    expect(wasPublishedLate({ ...c, publishedOn: '2027-07-11' })).toBe(true);
    expect(wasPublishedLate({ ...c, publishedOn: null })).toBe(false);
    expect(wasPublishedLate({ ...c, amountCzk: 10_000, publishedOn: '2028-01-01' })).toBe(false);
  });
});

describe('checkContract', () => {
  const ok = { status: 'approved' as const, contractNumber: 'SML/2027/0042', signedOn: '2027-06-10', resolutionDate: '2027-05-20', today: '2027-06-11' };

  it('accepts a contract of an approved application signed after the resolution', () => {
    expect(checkContract(ok)).toEqual([]);
    expect(checkContract({ ...ok, signedOn: '2027-05-20' })).toEqual([]);
    expect(checkContract({ ...ok, signedOn: '2027-06-11' })).toEqual([]);
  });

  it('needs an approved application', () => {
    expect(checkContract({ ...ok, status: 'recommended' })).toEqual([
      { code: 'INVALID_STATUS_TRANSITION', message: 'A contract can be recorded only for an approved application; this one is "recommended".' },
    ]);
    expect(codes(checkContract({ ...ok, status: 'contracted' }))).toEqual([['INVALID_STATUS_TRANSITION', undefined]]);
  });

  it('needs a number and a signing date between the resolution and today', () => {
    expect(codes(checkContract({ ...ok, contractNumber: ' ' }))).toEqual([['VALIDATION_FAILED', 'contractNumber']]);
    expect(codes(checkContract({ ...ok, contractNumber: 'x'.repeat(101) }))).toEqual([['VALIDATION_FAILED', 'contractNumber']]);
    expect(codes(checkContract({ ...ok, signedOn: 'June 10' }))).toEqual([['VALIDATION_FAILED', 'signedOn']]);
    expect(checkContract({ ...ok, signedOn: '2027-06-12' })[0].message).toBe(
      'The signing date 2027-06-12 is in the future; record the contract once it is signed.',
    );
    expect(checkContract({ ...ok, signedOn: '2027-05-19' })[0].message).toBe(
      'The contract cannot be signed (2027-05-19) before the resolution awarding the grant (2027-05-20).',
    );
  });
});

describe('checkPublication', () => {
  const ok = { signedOn: '2027-06-10', publishedOn: '2027-06-15', url: 'https://smlouvy.gov.cz/smlouva/12345', today: '2027-06-20' };

  it('accepts a publication between the signature and today, at an http(s) address', () => {
    expect(checkPublication(ok)).toEqual([]);
    expect(checkPublication({ ...ok, publishedOn: '2027-06-10', url: 'http://www.praha.eu/x' })).toEqual([]);
  });

  it('refuses a date outside that range and other addresses', () => {
    expect(codes(checkPublication({ ...ok, publishedOn: '2027-06-09' }))).toEqual([['VALIDATION_FAILED', 'publishedOn']]);
    expect(codes(checkPublication({ ...ok, publishedOn: '2027-06-21' }))).toEqual([['VALIDATION_FAILED', 'publishedOn']]);
    expect(codes(checkPublication({ ...ok, publishedOn: '15.6.2027' }))).toEqual([['VALIDATION_FAILED', 'publishedOn']]);
    for (const url of ['', 'smlouvy.gov.cz/x', 'ftp://example.org/x', 'javascript:alert(1)']) {
      expect(codes(checkPublication({ ...ok, url }))).toEqual([['VALIDATION_FAILED', 'url']]);
    }
  });
});
