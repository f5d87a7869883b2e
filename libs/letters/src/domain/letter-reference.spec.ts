import { LETTER_KIND_CODES, letterReferenceNumber } from './letter-reference';

const base = { letterId: '3f2a9c1e-5b7d-4e21-9a10-6c2f0d8e4b71', kind: 'approval' as const, applicationReferenceNumber: 'INT27-1-0042' };

describe('letterReferenceNumber', () => {
  it('is MHMP/<Prague year of the decision>/<application>/<kind>-<letter>', () => {
    expect(letterReferenceNumber({ ...base, decidedAt: new Date('2027-03-03T08:15:00Z') })).toBe('MHMP/2027/INT27-1-0042/SCH-3F2A9C1E');
  });

  it('takes the year in Prague: 31 December 23:30 UTC is already the next year there', () => {
    expect(letterReferenceNumber({ ...base, decidedAt: new Date('2027-12-31T23:30:00Z') })).toMatch(/^MHMP\/2028\//);
  });

  it('differs for every kind and for two letters of one kind', () => {
    const decidedAt = new Date('2027-03-03T08:15:00Z');
    const all = (Object.keys(LETTER_KIND_CODES) as (keyof typeof LETTER_KIND_CODES)[]).map((kind) => letterReferenceNumber({ ...base, kind, decidedAt }));
    expect(new Set(all).size).toBe(4);
    expect(letterReferenceNumber({ ...base, letterId: '0b6a7c1e-8f3d-4a2b-9c5e-1d2f3a4b5c6d', decidedAt })).not.toBe(all[0]);
  });

  it('refuses an id that is not a UUID and an empty application reference', () => {
    const decidedAt = new Date('2027-03-03T08:15:00Z');
    expect(() => letterReferenceNumber({ ...base, letterId: 'letter-1', decidedAt })).toThrow(RangeError);
    expect(() => letterReferenceNumber({ ...base, applicationReferenceNumber: ' ', decidedAt })).toThrow(RangeError);
  });
});
