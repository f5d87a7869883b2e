/** Who may apply: a non-governmental organisation or a Prague city district. */
export type OrganisationKind = 'ngo' | 'district';

export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['ngo', 'district'];
