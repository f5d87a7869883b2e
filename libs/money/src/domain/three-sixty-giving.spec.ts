import fc from 'fast-check';
import { threeSixtyGivingValidators } from '../../../../test/support/three-sixty-giving-schema';
import {
  type AwardedGrant,
  grantIdentifier,
  organisationIdentifier,
  toThreeSixtyGivingGrant,
  toThreeSixtyGivingPackage,
} from './three-sixty-giving';

// The official schemas live in test/fixtures/360giving (see its README).
const { validateGrant, validatePackage } = threeSixtyGivingValidators();

const grant: AwardedGrant = {
  referenceNumber: 'INT-2027-0001',
  title: 'Czech for newcomers in Praha 3',
  description: 'Twelve intensive Czech courses with childcare for newly arrived foreigners.',
  requestedCzk: 400_000,
  awardedCzk: 350_000,
  paidCzk: 300_000,
  returnedCzk: 40_000,
  awardDate: '2027-05-20',
  startDate: '2027-06-01',
  endDate: '2027-12-31',
  recipient: { ico: '25755277', name: 'Integrační centrum Praha, o.p.s.', address: { street: 'Žitná 1575/49', city: 'Praha', postalCode: '110 00' } },
  programme: { code: 'INT-2027', title: 'Integration of foreigners 2027' },
};

describe('identifiers', () => {
  it('builds organisation ids from the IČO', () => {
    expect(organisationIdentifier('00064581')).toBe('CZ-ICO-00064581');
    expect(() => organisationIdentifier('64581')).toThrow(RangeError);
  });

  it('builds grant ids from the funder prefix and the reference number, without slashes or spaces', () => {
    expect(grantIdentifier('INT-2027-0001')).toBe('360G-CZ-ICO-00064581-INT-2027-0001');
    expect(grantIdentifier(' INT/2027 č.1 ')).toBe('360G-CZ-ICO-00064581-INT_2027___1');
    expect(() => grantIdentifier(' ')).toThrow(RangeError);
  });
});

describe('toThreeSixtyGivingGrant', () => {
  it('maps an awarded grant', () => {
    expect(toThreeSixtyGivingGrant(grant)).toEqual({
      id: '360G-CZ-ICO-00064581-INT-2027-0001',
      title: 'Czech for newcomers in Praha 3',
      description: 'Twelve intensive Czech courses with childcare for newly arrived foreigners.',
      currency: 'CZK',
      amountAppliedFor: 400_000,
      amountAwarded: 350_000,
      amountDisbursed: 260_000,
      awardDate: '2027-05-20',
      plannedDates: [{ startDate: '2027-06-01', endDate: '2027-12-31' }],
      recipientOrganization: [
        {
          id: 'CZ-ICO-25755277',
          name: 'Integrační centrum Praha, o.p.s.',
          streetAddress: 'Žitná 1575/49',
          addressLocality: 'Praha',
          postalCode: '110 00',
          addressCountry: 'CZ',
        },
      ],
      fundingOrganization: [{ id: 'CZ-ICO-00064581', name: 'Hlavní město Praha' }],
      grantProgramme: [{ code: 'INT-2027', title: 'Integration of foreigners 2027' }],
      fromOpenCall: 'Yes',
    });
  });

  it('adds the policy measure, districts, programme link and modification time when known', () => {
    const g = toThreeSixtyGivingGrant({
      ...grant,
      primaryMeasure: { code: '21.III', title: 'Czech language courses' },
      districts: ['Praha 3', 'Praha 14'],
      programme: { ...grant.programme, url: 'https://www.praha.eu/integrace' },
      dateModified: '2028-02-20T10:15:00+01:00',
    });
    expect(g.classifications).toEqual([
      { vocabulary: 'Prague City Policy for Integration of Foreigners 2022–2027, measures', code: '21.III', title: 'Czech language courses' },
    ]);
    expect(g.beneficiaryLocation).toEqual([
      { name: 'Praha 3', countryCode: 'CZ' },
      { name: 'Praha 14', countryCode: 'CZ' },
    ]);
    expect(g.grantProgramme[0].url).toBe('https://www.praha.eu/integrace');
    expect(g.dateModified).toBe('2028-02-20T10:15:00+01:00');
    expect(validateGrant(g)).toBe(true);
  });

  it('shortens a long title to 140 characters and falls back to it for a missing description', () => {
    const g = toThreeSixtyGivingGrant({ ...grant, title: 'Č'.repeat(200), description: '  ' });
    expect([...g.title]).toHaveLength(140);
    expect(g.title.endsWith('…')).toBe(true);
    expect(g.description).toBe(g.title);
  });

  it('leaves out an unknown address', () => {
    expect(toThreeSixtyGivingGrant({ ...grant, recipient: { ico: '25755277', name: 'X', address: null } }).recipientOrganization).toEqual([
      { id: 'CZ-ICO-25755277', name: 'X' },
    ]);
  });

  it('refuses inconsistent input', () => {
    expect(() => toThreeSixtyGivingGrant({ ...grant, returnedCzk: 300_001 })).toThrow(RangeError);
    expect(() => toThreeSixtyGivingGrant({ ...grant, awardedCzk: 1.5 })).toThrow(RangeError);
    expect(() => toThreeSixtyGivingGrant({ ...grant, awardDate: '20.5.2027' })).toThrow(RangeError);
    expect(() => toThreeSixtyGivingGrant({ ...grant, recipient: { ...grant.recipient, ico: 'CZ25755277' } })).toThrow(RangeError);
  });
});

describe('against the official 360Giving schema', () => {
  it('the schema itself rejects what it should (the validator is live)', () => {
    const g = toThreeSixtyGivingGrant(grant);
    expect(validateGrant({ ...g, currency: 'Kč' })).toBe(false);
    expect(validateGrant({ ...g, awardDate: '20.5.2027' })).toBe(false);
    expect(validateGrant({ ...g, fundingOrganization: [] })).toBe(false);
    const { description: _description, ...withoutDescription } = g;
    expect(validateGrant(withoutDescription)).toBe(false);
  });

  it('validates a grant', () => {
    const ok = validateGrant(toThreeSixtyGivingGrant(grant));
    expect(validateGrant.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('validates a package of grants', () => {
    const pkg = toThreeSixtyGivingPackage(
      [toThreeSixtyGivingGrant(grant), toThreeSixtyGivingGrant({ ...grant, referenceNumber: 'INT-2027-0002', paidCzk: 0, returnedCzk: 0 })],
      { title: 'Prague integration grants 2027', license: 'https://creativecommons.org/licenses/by/4.0/', modified: '2028-03-01T08:00:00+01:00' },
    );
    expect(pkg.version).toBe('1.4');
    expect(pkg.publisher).toEqual({ identifier: 'CZ-ICO-00064581', name: 'Hlavní město Praha' });
    const ok = validatePackage(pkg);
    expect(validatePackage.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('refuses an empty package or duplicate grants, which the standard does not allow', () => {
    expect(() => toThreeSixtyGivingPackage([])).toThrow(RangeError);
    const g = toThreeSixtyGivingGrant(grant);
    expect(() => toThreeSixtyGivingPackage([g, g])).toThrow(RangeError);
    expect(validatePackage({ version: '1.4', grants: [] })).toBe(false);
  });

  it('validates any well-formed award (property)', () => {
    const date = fc.integer({ min: 0, max: 3_650 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.record({
          ref: fc.integer({ min: 1, max: 99_999 }),
          title: fc.string({ minLength: 1, maxLength: 300 }),
          description: fc.string({ maxLength: 300 }),
          requested: fc.integer({ min: 1, max: 5_000_000 }),
          awardedPct: fc.integer({ min: 1, max: 100 }),
          paidPct: fc.integer({ min: 0, max: 100 }),
          returnedPct: fc.integer({ min: 0, max: 100 }),
          awardDate: date,
          startDate: date,
          endDate: date,
          ico: fc.stringMatching(/^[0-9]{8}$/),
          name: fc.string({ minLength: 1, maxLength: 80 }),
        }),
        (r) => {
          const awardedCzk = Math.max(1, Math.floor((r.requested * r.awardedPct) / 100));
          const paidCzk = Math.floor((awardedCzk * r.paidPct) / 100);
          const returnedCzk = Math.floor((paidCzk * r.returnedPct) / 100);
          const g = toThreeSixtyGivingGrant({
            ...grant,
            referenceNumber: `INT-2027-${String(r.ref).padStart(4, '0')}`,
            title: r.title.trim() === '' ? 'Grant' : r.title,
            description: r.description,
            requestedCzk: r.requested,
            awardedCzk,
            paidCzk,
            returnedCzk,
            awardDate: r.awardDate,
            startDate: r.startDate,
            endDate: r.endDate,
            recipient: { ico: r.ico, name: r.name },
          });
          expect(validateGrant(g)).toBe(true);
          expect(g.amountDisbursed).toBeLessThanOrEqual(g.amountAwarded);
        },
      ),
      { numRuns: 200 },
    );
  });
});
