import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICANT_NAMESPACES, LANGUAGES, STAFF_LANGUAGES, STAFF_NAMESPACES } from './namespaces';

type Catalogue = { [key: string]: string | Catalogue };

const load = (language: string, namespace: string): Catalogue =>
  JSON.parse(readFileSync(join(__dirname, 'locales', language, `${namespace}.json`), 'utf8')) as Catalogue;

/** Every leaf as `path → text`. */
function leaves(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

const cases: [string, readonly string[]][] = [
  ...APPLICANT_NAMESPACES.map((ns): [string, readonly string[]] => [ns, LANGUAGES]),
  ...STAFF_NAMESPACES.map((ns): [string, readonly string[]] => [ns, STAFF_LANGUAGES]),
];

describe.each(cases)('message catalogue "%s"', (namespace, languages) => {
  const [first, ...others] = languages;
  const reference = leaves(load(first, namespace));

  it.each(others)(`has the same keys in %s as in ${first}`, (language) => {
    const keys = [...leaves(load(language, namespace)).keys()].sort();
    expect(keys).toEqual([...reference.keys()].sort());
  });

  it.each(languages)('has no empty message and the same {{variables}} in %s', (language) => {
    for (const [key, text] of leaves(load(language, namespace))) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, variables: variables(text) }).toEqual({ key, variables: variables(reference.get(key) ?? text) });
    }
  });
});
