import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Validators for the official 360Giving Data Standard schemas (draft 2020-12),
 * kept unchanged in test/fixtures/360giving. Used by the unit test of the
 * mapping and by the e2e test of GET /exports/360giving. No network access:
 * the grant schema is registered under the address the package schema uses.
 */

export const SCHEMA_DIR = join(__dirname, '..', 'fixtures', '360giving');

// The schemas name draft 2020-12 by its http:// address; ajv knows the canonical https:// one.
const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
// The 1.4.3 package schema refers to the grant schema by its 1.4.2 address.
const GRANT_SCHEMA_REF = 'https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json';

const load = (file: string) => ({ ...(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as object), $schema: DRAFT_2020_12 });

export interface ThreeSixtyGivingValidators {
  validateGrant: ValidateFunction;
  validatePackage: ValidateFunction;
}

export function threeSixtyGivingValidators(): ThreeSixtyGivingValidators {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  // 360Giving's own annotations, not validation keywords.
  ajv.addVocabulary(['codelist', 'openCodelist', 'rollUp']);
  ajv.addSchema({ ...load('360-giving-schema.json'), $id: GRANT_SCHEMA_REF });
  const validateGrant = ajv.getSchema(GRANT_SCHEMA_REF);
  if (!validateGrant) throw new Error('the 360Giving grant schema did not compile');
  return { validateGrant, validatePackage: ajv.compile(load('360-giving-package-schema.json')) };
}
