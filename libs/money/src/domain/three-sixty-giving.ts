import { isIsoDate } from '@app/core/domain';
import { assertWholeCzk } from './czk';

/*
 * Awarded grants in the 360Giving Data Standard (schema 1.4, official copy
 * in test/fixtures/360giving). Identifiers:
 * - organisations by the org-id list CZ-ICO (Czech company id, IČO): `CZ-ICO-<ičo>`;
 * - grants by a 360Giving prefix and our reference number. A prefix starts with
 *   `360G-` and is registered with 360Giving; until the city registers one, the
 *   prefix is built from the funder's own org-id, `360G-CZ-ICO-00064581`, which
 *   cannot clash with another publisher's. 360Giving asks for a hyphen as the
 *   separator and no slashes, spaces or special characters in the local part
 *   (replaced by `_`).
 */

export const PRAGUE_ICO = '00064581';
export const FUNDER_NAME = 'Hlavní město Praha';
export const GRANT_ID_PREFIX = `360G-CZ-ICO-${PRAGUE_ICO}`;
/** 360Giving: a grant title "should be under 140 characters long". */
export const TITLE_MAX_LENGTH = 140;
export const SCHEMA_VERSION = '1.4';
export const POLICY_VOCABULARY = 'Prague City Policy for Integration of Foreigners 2022–2027, measures';

export function organisationIdentifier(ico: string): string {
  if (!/^[0-9]{8}$/.test(ico)) throw new RangeError(`IČO must be 8 digits, got ${JSON.stringify(ico)}`);
  return `CZ-ICO-${ico}`;
}

export function grantIdentifier(referenceNumber: string): string {
  if (referenceNumber.trim() === '') throw new RangeError('referenceNumber must not be empty');
  return `${GRANT_ID_PREFIX}-${referenceNumber.trim().replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export interface AwardedGrant {
  referenceNumber: string;
  title: string;
  /** The application's summary. */
  description: string;
  requestedCzk: number;
  awardedCzk: number;
  paidCzk: number;
  returnedCzk: number;
  /** The date of the approving resolution. */
  awardDate: string;
  startDate: string;
  endDate: string;
  recipient: { ico: string; name: string; address?: { street: string; city: string; postalCode: string } | null };
  programme: { code: string; title: string; url?: string | null };
  primaryMeasure?: { code: string; title: string } | null;
  /** Prague districts where the project takes place. */
  districts?: readonly string[];
  /** When the record last changed (ISO 8601 instant). */
  dateModified?: string | null;
}

export interface ThreeSixtyGivingOrganization {
  id: string;
  name: string;
  streetAddress?: string;
  addressLocality?: string;
  postalCode?: string;
  addressCountry?: string;
}

export interface ThreeSixtyGivingGrant {
  id: string;
  title: string;
  description: string;
  currency: 'CZK';
  amountAppliedFor: number;
  amountAwarded: number;
  /** Paid less returned: what the recipient kept. */
  amountDisbursed: number;
  awardDate: string;
  plannedDates: { startDate: string; endDate: string }[];
  recipientOrganization: ThreeSixtyGivingOrganization[];
  fundingOrganization: ThreeSixtyGivingOrganization[];
  grantProgramme: { code: string; title: string; url?: string }[];
  fromOpenCall: 'Yes';
  classifications?: { vocabulary: string; code: string; title: string }[];
  beneficiaryLocation?: { name: string; countryCode: 'CZ' }[];
  dateModified?: string;
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

function assertDate(name: string, s: string): void {
  if (!isIsoDate(s)) throw new RangeError(`${name} must be a date (YYYY-MM-DD), got ${JSON.stringify(s)}`);
}

export function toThreeSixtyGivingGrant(g: AwardedGrant): ThreeSixtyGivingGrant {
  for (const [name, n] of [
    ['requestedCzk', g.requestedCzk],
    ['awardedCzk', g.awardedCzk],
    ['paidCzk', g.paidCzk],
    ['returnedCzk', g.returnedCzk],
  ] as const) {
    assertWholeCzk(name, n);
  }
  if (g.returnedCzk > g.paidCzk) throw new RangeError(`returnedCzk ${g.returnedCzk} exceeds paidCzk ${g.paidCzk}`);
  assertDate('awardDate', g.awardDate);
  assertDate('startDate', g.startDate);
  assertDate('endDate', g.endDate);

  const title = shorten(g.title.trim(), TITLE_MAX_LENGTH);
  const recipient: ThreeSixtyGivingOrganization = { id: organisationIdentifier(g.recipient.ico), name: g.recipient.name };
  if (g.recipient.address) {
    recipient.streetAddress = g.recipient.address.street;
    recipient.addressLocality = g.recipient.address.city;
    recipient.postalCode = g.recipient.address.postalCode;
    recipient.addressCountry = 'CZ';
  }
  const programme: ThreeSixtyGivingGrant['grantProgramme'][number] = { code: g.programme.code, title: g.programme.title };
  if (g.programme.url) programme.url = g.programme.url;

  const grant: ThreeSixtyGivingGrant = {
    id: grantIdentifier(g.referenceNumber),
    title,
    // Required by the standard; the title stands in for a missing summary.
    description: g.description.trim() === '' ? title : g.description.trim(),
    currency: 'CZK',
    amountAppliedFor: g.requestedCzk,
    amountAwarded: g.awardedCzk,
    amountDisbursed: g.paidCzk - g.returnedCzk,
    awardDate: g.awardDate,
    plannedDates: [{ startDate: g.startDate, endDate: g.endDate }],
    recipientOrganization: [recipient],
    fundingOrganization: [{ id: organisationIdentifier(PRAGUE_ICO), name: FUNDER_NAME }],
    grantProgramme: [programme],
    fromOpenCall: 'Yes',
  };
  if (g.primaryMeasure) {
    grant.classifications = [{ vocabulary: POLICY_VOCABULARY, code: g.primaryMeasure.code, title: g.primaryMeasure.title }];
  }
  if (g.districts && g.districts.length > 0) {
    grant.beneficiaryLocation = g.districts.map((name) => ({ name, countryCode: 'CZ' }));
  }
  if (g.dateModified) grant.dateModified = g.dateModified;
  return grant;
}

export interface ThreeSixtyGivingPackage {
  version: string;
  grants: ThreeSixtyGivingGrant[];
  publisher: { identifier: string; name: string };
  title?: string;
  license?: string;
  modified?: string;
}

/**
 * A package of grants. The standard requires at least one grant: with none
 * (a call without awards) there is nothing valid to publish, so this throws and
 * the caller answers with an empty result its own way.
 */
export function toThreeSixtyGivingPackage(
  grants: readonly ThreeSixtyGivingGrant[],
  meta: { title?: string; license?: string; modified?: string } = {},
): ThreeSixtyGivingPackage {
  if (grants.length === 0) throw new RangeError('a 360Giving package needs at least one grant');
  const ids = new Set(grants.map((g) => g.id));
  if (ids.size !== grants.length) throw new RangeError('grant ids in a 360Giving package must be unique');
  const pkg: ThreeSixtyGivingPackage = {
    version: SCHEMA_VERSION,
    grants: [...grants],
    publisher: { identifier: organisationIdentifier(PRAGUE_ICO), name: FUNDER_NAME },
  };
  if (meta.title) pkg.title = meta.title;
  if (meta.license) pkg.license = meta.license;
  if (meta.modified) pkg.modified = meta.modified;
  return pkg;
}
