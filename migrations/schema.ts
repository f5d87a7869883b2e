import { APPLICATIONS_ENTITIES } from '@app/applications';
import { CALLS_ENTITIES } from '@app/calls';
import { CORE_ENTITIES } from '@app/core';
import { EVALUATION_ENTITIES } from '@app/evaluation';
import { IDENTITY_ENTITIES } from '@app/identity';
import { LETTERS_ENTITIES } from '@app/letters';
import { MONEY_ENTITIES } from '@app/money';
import { POLICY_ENTITIES } from '@app/policy';
import { RESOLUTIONS_ENTITIES } from '@app/resolutions';

export { MIGRATIONS } from './index';

/**
 * Every table's entity, composed from each library's own list: what the API, the
 * worker, the migration CLI and the tests map, and what `npm run migration:check`
 * compares with the migrations. Libraries never import this (core knows no feature).
 */
export const ENTITIES = [
  ...CORE_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...POLICY_ENTITIES,
  ...CALLS_ENTITIES,
  ...APPLICATIONS_ENTITIES,
  ...EVALUATION_ENTITIES,
  ...LETTERS_ENTITIES,
  ...MONEY_ENTITIES,
  ...RESOLUTIONS_ENTITIES,
];
