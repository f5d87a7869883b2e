import fc from 'fast-check';
import type { Response } from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { applicationBody, createDraft, createStaff, openCall, registerApplicant, registrationBody, type Applicant, type OpenCall } from '../support/factories';
import { API } from '../support/http';

/**
 * Property-based: bodies that are invalid by construction (a valid body with one or
 * more mutations, each on its own field) are always a 400 VALIDATION_FAILED problem
 * naming the mutated fields — never a 2xx, never a 5xx.
 *
 * A failure prints fast-check's seed and counterexample; re-run it with FC_SEED=<seed>.
 */

type Json = Record<string, unknown>;
type Path = readonly string[];

/** One change that makes one field invalid, whatever else is in the body. */
interface Mutation {
  /** What it touches; two mutations conflict when one key is a prefix of the other. */
  key: Path;
  label: string;
  /** The field path the contract's `errors` must name, e.g. `budgetLines[2].requestedCzk`. */
  field: string;
  /** A whole object or list was damaged: a path inside it (`budgetLines[0]`) names it too. */
  orInside?: boolean;
  apply: (body: Json) => void;
}

const SEED = Number(process.env.FC_SEED ?? 20_270_301);
const RUNS = { post: 300, patch: 100, register: 100, raw: 100 };

// ---------------------------------------------------------------------------
// Mutation building blocks

/** fast-check prints a counterexample with this, rather than the `apply` function's source. */
function mutation(m: Mutation): Mutation {
  return Object.assign(m, { [fc.toStringMethod]: () => m.label });
}

const isPrefix = (a: Path, b: Path) => a.length <= b.length && a.every((segment, i) => segment === b[i]);
const conflicts = (a: Mutation, b: Mutation) => isPrefix(a.key, b.key) || isPrefix(b.key, a.key);

function parentOf(body: Json, path: Path): Json {
  let node = body;
  for (const segment of path.slice(0, -1)) node = node[segment] as Json;
  return node;
}

const dotted = (path: Path) => path.join('.');

function remove(path: Path): Mutation {
  return mutation({
    key: path,
    field: dotted(path),
    label: `remove ${dotted(path)}`,
    apply: (b) => {
      delete parentOf(b, path)[path[path.length - 1]];
    },
  });
}

function setTo(path: Path, value: unknown, what: string, orInside = false): Mutation {
  return mutation({
    key: path,
    field: dotted(path),
    orInside,
    label: `${dotted(path)} = ${what}: ${short(value)}`,
    apply: (b) => {
      parentOf(b, path)[path[path.length - 1]] = value;
    },
  });
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}… (${text.length} chars)` : text;
}

const set = (path: Path, what: string, values: fc.Arbitrary<unknown>) => values.map((v) => setTo(path, v, what));

/** The same, for a whole object or list, whose errors may name paths inside it. */
const setWhole = (path: Path, what: string, values: fc.Arbitrary<unknown>) => values.map((v) => setTo(path, v, what, true));

/** An object sent as a one-element array holding it (`{...}` → `[{...}]`). */
function wrapInArray(path: Path): Mutation {
  return mutation({
    key: path,
    field: dotted(path),
    orInside: true,
    label: `${dotted(path)} wrapped in an array`,
    apply: (b) => {
      const parent = parentOf(b, path);
      const name = path[path.length - 1];
      parent[name] = [parent[name]];
    },
  });
}

// ---------------------------------------------------------------------------
// Invalid values

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const fraction = fc.double({ min: 0.001, max: 10_000_000, noNaN: true }).filter((x) => !Number.isInteger(x));
const negative = fc.oneof(fc.integer({ min: -1_000_000_000, max: -1 }), fc.double({ min: -1e9, max: -0.001, noNaN: true }));
const numericString = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }).map(String), fc.constantFrom('1e3', '0x10', '12 000', '100.50', ' 42'));
const huge = fc.oneof(fc.integer({ min: 1_000_000_000_001, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(1e13, 2 ** 53, 1e21, 1e300));
const nanLike = fc.constantFrom('NaN', 'Infinity', '-Infinity', 'null', 'undefined', '', 'one hundred');
/** Anything but a whole number of CZK from 0 to 10^12. */
const badMoney = fc.oneof(
  fraction,
  negative,
  numericString,
  fc.constant(null),
  huge,
  nanLike,
  fc.boolean(),
  fc.constantFrom({}, [], [1_000], { amount: 1_000 }),
);

const smallObject = fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 });
/** Not a string. */
const notString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  smallObject,
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);
/** Not an array. */
const notArray = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null), smallObject);
/** Not an object (arrays included: a DTO is never an array). */
const notObject = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom([], [1], ['x']));
const tooLong = (max: number) => fc.integer({ min: max + 1, max: max + 50 }).map((n) => 'x'.repeat(n));
const blank = fc.constantFrom(' ', '   ', '\t', '\n  ');
const badDate = fc.oneof(
  fc.constantFrom(
    '2027-02-30',
    '2027-02-29',
    '2026-04-31',
    '2027-13-01',
    '2027-00-10',
    '2027-01-00',
    '2027-1-5',
    '15.03.2027',
    '2027/03/01',
    '20270301',
    '2027-03-01T00:00:00Z',
    ' 2027-03-01',
    '',
  ),
  fc.string({ maxLength: 12 }).filter((s) => !DATE_RE.test(s)),
  fc.integer({ min: 0, max: 2_000_000_000_000 }),
  fc.constant(null),
);
const notUuid = fc.oneof(
  fc.string({ maxLength: 40 }).filter((s) => !UUID_RE.test(s)),
  fc.uuid().map((u) => u.replace(/-/g, '')),
  fc.uuid().map((u) => `{${u}}`),
  fc.uuid().map((u) => `${u.slice(0, -1)}g`),
  fc.uuid().map((u) => `${u}0`),
  fc.integer(),
  fc.constant(null),
);
const badEmail = fc.oneof(
  fc.constantFrom('not-an-email', 'jana@', '@example.cz', 'jana@example', 'jana example@example.cz', 'jana@@example.cz', ''),
  fc.string({ maxLength: 20 }).filter((s) => !s.includes('@')),
  notString,
);
/** Property names the DTOs do not declare (letters first, so the path stays `a.b`). */
const unknownName = (known: readonly string[]) =>
  fc.oneof(
    fc.constantFrom('status', 'referenceNumber', 'organisationId', 'id', 'requestedCzk', 'createdBy', 'isAdmin', 'role'),
    fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,15}$/),
  ).filter((name) => !known.includes(name));
const anyJson = fc.jsonValue({ maxDepth: 2 });

function extra(parent: Path, fieldPrefix: string, known: readonly string[]): fc.Arbitrary<Mutation> {
  return fc.tuple(unknownName(known), anyJson).map(([name, value]) =>
    mutation({
    key: [...parent, name],
    field: fieldPrefix ? `${fieldPrefix}.${name}` : name,
    label: `unknown property ${fieldPrefix ? `${fieldPrefix}.` : ''}${name}: ${short(value)}`,
    apply: (b: Json) => {
      (parent.length ? parentOf(b, [...parent, name]) : b)[name] = value;
    },
    }),
  );
}

// ---------------------------------------------------------------------------
// Applications

const APPLICATION_KEYS = [
  'callId',
  'partCode',
  'title',
  'summary',
  'justification',
  'primaryMeasureCode',
  'measureCodes',
  'targetGroups',
  'districts',
  'startDate',
  'endDate',
  'budgetLines',
  'otherFundingCzk',
  'contactPerson',
] as const;
const TEXT_LIMITS = { partCode: 10, title: 300, summary: 4000, justification: 20_000, primaryMeasureCode: 16 } as const;
const LIST_LIMITS = { measureCodes: 20, targetGroups: 20, districts: 57 } as const;
const LINE_KEYS = ['category', 'description', 'totalCzk', 'requestedCzk'] as const;
const CONTACT_KEYS = ['name', 'email', 'phone'] as const;

const validLine = (i: number) => ({ category: `Položka ${i + 1}`, description: `Popis položky ${i + 1}`, totalCzk: 10_000, requestedCzk: 5_000 });

/** One budget line of several made invalid: the error must name `budgetLines[i].field`. */
const lineMutation: fc.Arbitrary<Mutation> = fc
  .record({
    lines: fc.integer({ min: 1, max: 5 }),
    at: fc.nat(),
    change: fc.oneof(
      fc.tuple(fc.constantFrom('totalCzk', 'requestedCzk'), badMoney.map((v) => ({ value: v as unknown, what: 'bad money' }))),
      fc.tuple(fc.constantFrom(...LINE_KEYS), fc.constant({ value: undefined as unknown, what: 'removed' })),
      fc.tuple(fc.constantFrom('category', 'description'), notString.map((v) => ({ value: v as unknown, what: 'not a string' }))),
      fc.tuple(fc.constantFrom('category', 'description'), blank.map((v) => ({ value: v as unknown, what: 'blank' }))),
      fc.tuple(fc.constant('category'), tooLong(100).map((v) => ({ value: v as unknown, what: 'too long' }))),
      fc.tuple(fc.constant('description'), tooLong(1000).map((v) => ({ value: v as unknown, what: 'too long' }))),
      fc.tuple(unknownName(LINE_KEYS), anyJson.map((v) => ({ value: v as unknown, what: 'unknown property' }))),
    ),
  })
  .map(({ lines, at, change: [prop, { value, what }] }) => {
    const i = at % lines;
    const field = `budgetLines[${i}].${prop}`;
    return mutation({
      key: ['budgetLines'],
      field,
      label: `${field} ${what}${what === 'removed' ? '' : `: ${short(value)}`} (of ${lines} lines)`,
      apply: (b: Json) => {
        const list: Json[] = Array.from({ length: lines }, (_, k) => validLine(k));
        if (what === 'removed') delete list[i][prop];
        else list[i][prop] = value;
        b.budgetLines = list;
      },
    });
  });

/** Tried one by one below, as well as drawn by the properties. */
const REQUIRED_REMOVED = APPLICATION_KEYS.map((k) => remove([k]));
const PATCH_NULLS = APPLICATION_KEYS.filter((k) => k !== 'callId').map((k) => setTo([k], null, 'null'));
const CONTACT_AS_ARRAY = [wrapInArray(['contactPerson']), setTo(['contactPerson'], [], 'an empty array', true)];

/** Every kind of damage, by name: the property draws from all of them, the table below tries each. */
const CONTENT_MUTATIONS: Record<string, fc.Arbitrary<Mutation>> = {
  'money in a budget line / a budget line field': lineMutation,
  'otherFundingCzk not whole CZK': set(['otherFundingCzk'], 'bad money', badMoney),
  'text field not a string': fc.constantFrom(...Object.keys(TEXT_LIMITS)).chain((k) => set([k], 'not a string', notString)),
  'text field too long': fc.constantFrom(...(Object.entries(TEXT_LIMITS) as [string, number][])).chain(([k, max]) => set([k], 'too long', tooLong(max))),
  'required text blank': fc.constantFrom('title', 'summary', 'justification').chain((k) => set([k], 'blank', blank)),
  'date not YYYY-MM-DD or impossible': fc.constantFrom('startDate', 'endDate').chain((k) => set([k], 'bad date', badDate)),
  'list not an array': fc.constantFrom('measureCodes', 'targetGroups', 'districts', 'budgetLines').chain((k) => set([k], 'not an array', notArray)),
  'required list empty': fc.constantFrom('measureCodes', 'targetGroups', 'districts', 'budgetLines').chain((k) => set([k], 'empty', fc.constant([]))),
  'list item not a string': fc.constantFrom('measureCodes', 'targetGroups', 'districts').chain((k) =>
    set([k], 'items not strings', fc.array(fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), smallObject), { minLength: 1, maxLength: 3 })),
  ),
  'list item too long': fc.constantFrom('measureCodes', 'targetGroups', 'districts').chain((k) =>
    set([k], 'item too long', tooLong(200).map((s) => ['33.I', s])),
  ),
  'list too long': fc.constantFrom(...(Object.entries(LIST_LIMITS) as [string, number][])).chain(([k, max]) =>
    set([k], 'too many items', fc.integer({ min: max + 1, max: max + 5 }).map((n) => Array.from({ length: n }, (_, i) => `položka ${i}`))),
  ),
  'budget line not an object': setWhole(['budgetLines'], 'items not objects', fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null), fc.constant([])), { minLength: 1, maxLength: 3 })),
  'too many budget lines': set(['budgetLines'], 'too many lines', fc.integer({ min: 101, max: 103 }).map((n) => Array.from({ length: n }, (_, i) => validLine(i)))),
  'contactPerson not an object': fc.oneof(setWhole(['contactPerson'], 'not an object', notObject), fc.constantFrom(...CONTACT_AS_ARRAY)),
  'contactPerson field removed': fc.constantFrom(...CONTACT_KEYS).map((k) => remove(['contactPerson', k])),
  'contactPerson bad email': set(['contactPerson', 'email'], 'bad email', badEmail),
  'contactPerson bad phone': set(['contactPerson', 'phone'], 'bad phone', fc.oneof(fc.constantFrom('abc', '123', '+420-601-234-567', 'x'.repeat(30), ''), notString)),
  'contactPerson name blank or too long': set(['contactPerson', 'name'], 'bad name', fc.oneof(blank, tooLong(200), notString)),
  'unknown property at the top': extra([], '', APPLICATION_KEYS),
  'unknown property in contactPerson': extra(['contactPerson'], 'contactPerson', CONTACT_KEYS),
};


const CREATE_MUTATIONS: Record<string, fc.Arbitrary<Mutation>> = {
  ...CONTENT_MUTATIONS,
  'required field removed': fc.constantFrom(...REQUIRED_REMOVED),
  'callId not a UUID': set(['callId'], 'not a UUID', notUuid),
};

/** What a PATCH may not do on top of bad content: set fields that are not editable. */
const PATCH_MUTATIONS: Record<string, fc.Arbitrary<Mutation>> = {
  ...CONTENT_MUTATIONS,
  'callId (not editable) sent': set(['callId'], 'not editable', fc.uuid()),
  'status / referenceNumber / organisationId sent': fc.oneof(
    set(['status'], 'not editable', fc.constantFrom('submitted', 'approved', 'draft')),
    set(['referenceNumber'], 'not editable', fc.constantFrom('INT-2027-0001', 'X')),
    set(['organisationId'], 'not editable', fc.uuid()),
  ),
  'null for a field': fc.constantFrom(...PATCH_NULLS),
};

function mutations(catalogue: Record<string, fc.Arbitrary<Mutation>>, maxLength = 4): fc.Arbitrary<Mutation[]> {
  return fc.uniqueArray(fc.oneof(...Object.values(catalogue)), { minLength: 1, maxLength, comparator: conflicts });
}

/**
 * A valid partial application for PATCH: the chosen fields, plus the objects that
 * nested mutations (e.g. `contactPerson.email`) need to exist.
 */
function patchBase(full: Json, keys: readonly string[], list: readonly Mutation[]): Json {
  const needed = new Set([...keys, ...list.map((m) => m.key[0]).filter((k) => k in full)]);
  return Object.fromEntries([...needed].map((k) => [k, full[k]]));
}

function mutated(base: Json, list: readonly Mutation[]): Json {
  const body = structuredClone(base);
  for (const m of list) m.apply(body);
  return body;
}

/** A few deterministic samples of every kind, so each kind is tried whatever the property draws. */
function samplesOf(catalogue: Record<string, fc.Arbitrary<Mutation>>, perKind: number, except: readonly string[] = []): [string, Mutation][] {
  return Object.entries(catalogue)
    .filter(([kind]) => !except.includes(kind))
    .flatMap(([kind, arb]) =>
    fc.sample(arb, { numRuns: perKind, seed: SEED }).map((m) => [`${kind}: ${m.label}`, m] as [string, Mutation]),
  );
}

// ---------------------------------------------------------------------------
// Registration

const ORGANISATION_KEYS = ['kind', 'name', 'ico', 'legalForm', 'address', 'bankAccount'] as const;
const ADDRESS_KEYS = ['street', 'city', 'postalCode'] as const;
const USER_KEYS = ['email', 'password', 'fullName'] as const;

const REGISTRATION_REMOVED = (
  [
    ['organisation'],
    ['user'],
    ...['kind', 'name', 'ico', 'address'].map((k) => ['organisation', k]),
    ...ADDRESS_KEYS.map((k) => ['organisation', 'address', k]),
    ...USER_KEYS.map((k) => ['user', k]),
  ] as Path[]
).map(remove);

const REGISTRATION_PARTS: Path[] = [['organisation'], ['user'], ['organisation', 'address']];
const REGISTRATION_PARTS_AS_ARRAYS = REGISTRATION_PARTS.flatMap((p) => [wrapInArray(p), setTo(p, [], 'an empty array', true)]);

const REGISTER_MUTATIONS: Record<string, fc.Arbitrary<Mutation>> = {
  'required part removed': fc.constantFrom(...REGISTRATION_REMOVED),
  'part not an object': fc.oneof(
    fc.constantFrom(...REGISTRATION_PARTS).chain((p) => setWhole(p, 'not an object', notObject)),
    fc.constantFrom(...REGISTRATION_PARTS_AS_ARRAYS),
  ),
  'kind not ngo or district': set(['organisation', 'kind'], 'bad kind', fc.oneof(fc.constantFrom('NGO', 'company', 'ngo ', '', 'municipality'), notString)),
  'IČO not 8 digits': set(['organisation', 'ico'], 'bad IČO', fc.oneof(fc.string({ maxLength: 12 }).filter((s) => !/^\d{8}$/.test(s)), fc.integer({ min: 10_000_000, max: 99_999_999 }), notString)),
  'text not a string, blank or too long': fc
    .constantFrom<[Path, number]>(
      [['organisation', 'name'], 300],
      [['organisation', 'address', 'street'], 200],
      [['organisation', 'address', 'city'], 100],
      [['user', 'fullName'], 200],
    )
    .chain(([p, max]) => set(p, 'bad text', fc.oneof(notString, blank, tooLong(max)))),
  'optional text of the wrong type or too long': fc
    .constantFrom<[Path, number]>([['organisation', 'legalForm'], 100], [['organisation', 'bankAccount'], 40])
    .chain(([p, max]) => set(p, 'bad optional text', fc.oneof(fc.integer(), fc.boolean(), smallObject, tooLong(max)))),
  'postal code malformed': set(['organisation', 'address', 'postalCode'], 'bad postal code', fc.oneof(fc.string({ maxLength: 8 }).filter((s) => !/^\d{3} ?\d{2}$/.test(s)), notString)),
  'email malformed': set(['user', 'email'], 'bad email', badEmail),
  'password shorter than 12 or not a string': set(['user', 'password'], 'bad password', fc.oneof(fc.string({ maxLength: 11 }), tooLong(200), notString)),
  'unknown property at the top': extra([], '', ['organisation', 'user']),
  'unknown property in organisation': extra(['organisation'], 'organisation', ORGANISATION_KEYS),
  'unknown property in address': extra(['organisation', 'address'], 'organisation.address', ADDRESS_KEYS),
  'unknown property in user': extra(['user'], 'user', USER_KEYS),
};

// ---------------------------------------------------------------------------
// Raw bodies sent as application/json

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

const RAW_EXAMPLES = [
  'not json',
  '{',
  '{"callId": ',
  "{'callId': 'x'}",
  '{"title": "a",}',
  '{"title": NaN}',
  '{"title": undefined}',
  '{} trailing',
  '[]',
  '[1, 2, 3]',
  '[{}]',
  '"a string"',
  '42',
  '-1.5',
  'null',
  'true',
  'false',
  '\u0000',
  '{}',
  '{"a": 1}',
];

/** Anything that is not the JSON of an object, or an object without the required fields. */
const rawBody = fc.oneof(
  fc.constantFrom(...RAW_EXAMPLES),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !isJsonObject(s)),
  fc.jsonValue({ maxDepth: 2 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map((v) => JSON.stringify(v)),
  fc.dictionary(unknownName([...APPLICATION_KEYS, 'organisation', 'user']), anyJson, { minKeys: 1, maxKeys: 3 }).map((o) => JSON.stringify(o)),
);

// ---------------------------------------------------------------------------

interface Problem {
  code: string;
  errors: { field?: unknown; message?: unknown }[];
}

/** The contract's answer to a bad body: 400 problem+json VALIDATION_FAILED with every field named. */
function expectValidationProblem(res: Response, expected: readonly (string | Pick<Mutation, 'field' | 'orInside'>)[], what: string): Problem {
  const summary = `${what}\n→ ${res.status} ${res.headers['content-type']} ${JSON.stringify(res.body ?? res.text)}`;
  if (res.status >= 500) throw new Error(`5xx for a malformed body: ${summary}`);
  if (res.status !== 400) throw new Error(`expected 400, got ${res.status}: ${summary}`);
  if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) throw new Error(`not problem+json: ${summary}`);
  const body = res.body as Problem;
  if (body.code !== 'VALIDATION_FAILED') throw new Error(`expected VALIDATION_FAILED: ${summary}`);
  if (!Array.isArray(body.errors) || body.errors.length === 0) throw new Error(`no errors listed: ${summary}`);
  for (const e of body.errors) {
    if (typeof e.field !== 'string' || e.field === '' || typeof e.message !== 'string' || e.message === '') {
      throw new Error(`an error without a field path or message: ${summary}`);
    }
  }
  const named = body.errors.map((e) => e.field as string);
  const missing = expected
    .map((e) => (typeof e === 'string' ? { field: e, orInside: false } : e))
    .filter(({ field, orInside }) => !named.some((n) => n === field || (orInside === true && (n.startsWith(`${field}[`) || n.startsWith(`${field}.`)))))
    .map(({ field }) => field);
  if (missing.length) throw new Error(`errors do not name ${missing.join(', ')}: ${summary}`);
  if (/QueryFailed|node_modules|\bat .*\.(t|j)s:\d+|SELECT |INSERT INTO|TypeError/.test(res.text)) {
    throw new Error(`internal details leaked: ${summary}`);
  }
  return body;
}

const describeMutations = (list: readonly Mutation[]) => list.map((m) => `  - ${m.label}`).join('\n');

describe('malformed bodies are 400 VALIDATION_FAILED, never 5xx', () => {
  let t: TestApp;
  let applicant: Applicant;
  let call: OpenCall;
  let draftId: string;
  let draftBefore: Json;
  let applicationsBefore: number;

  beforeAll(async () => {
    t = await createTestApp();
    const officer = await createStaff(t, 'officer');
    applicant = await registerApplicant(t);
    call = await openCall(t, officer.token);
    draftId = (await createDraft(t, applicant.token, call)).id;
    draftBefore = (await t.http.get(`${API}/applications/${draftId}`).auth(applicant.token, { type: 'bearer' })).body;
    applicationsBefore = (await t.http.get(`${API}/applications`).auth(applicant.token, { type: 'bearer' })).body.total;
  });
  afterAll(() => t?.close());

  const post = (body: unknown) => t.http.post(`${API}/applications`).auth(applicant.token, { type: 'bearer' }).send(body as object);
  const patch = (body: unknown) => t.http.patch(`${API}/applications/${draftId}`).auth(applicant.token, { type: 'bearer' }).send(body as object);
  const register = (body: unknown) => t.http.post(`${API}/auth/register`).send(body as object);

  it('control: the unmutated bodies are accepted', async () => {
    expect((await post(applicationBody(call))).status).toBe(201);
    applicationsBefore += 1;
    expect((await register(registrationBody())).status).toBe(201);
    const res = await patch({ title: draftBefore.title });
    expect(res.status).toBe(200);
    draftBefore = res.body;
  });

  describe('POST /applications', () => {
    it(`${RUNS.post} random mutated bodies`, async () => {
      await fc.assert(
        fc.asyncProperty(mutations(CREATE_MUTATIONS), async (list) => {
          const res = await post(mutated(applicationBody(call), list));
          expectValidationProblem(res, list, describeMutations(list));
        }),
        { numRuns: RUNS.post, seed: SEED },
      );
    }, 120_000);

    it('names the line and the field of a bad amount, e.g. budgetLines[2].requestedCzk', async () => {
      const body = applicationBody(call, {
        budgetLines: [validLine(0), validLine(1), { ...validLine(2), requestedCzk: 1_000.5 }, { ...validLine(3), totalCzk: '4000' }],
      });
      const problem = expectValidationProblem(await post(body), ['budgetLines[2].requestedCzk', 'budgetLines[3].totalCzk'], 'two bad lines');
      expect([...new Set(problem.errors.map((e) => e.field).filter((f) => String(f).startsWith('budgetLines')))]).toEqual([
        'budgetLines[2].requestedCzk',
        'budgetLines[3].totalCzk',
      ]);
    });

    it.each([...REQUIRED_REMOVED, ...CONTACT_AS_ARRAY].map((m) => [m.label, m] as const))('%s', async (_label, m) => {
      expectValidationProblem(await post(mutated(applicationBody(call), [m])), [m], m.label);
    });

    it.each(samplesOf(CREATE_MUTATIONS, 3, ['required field removed']))('each kind alone — %s', async (_label, m) => {
      expectValidationProblem(await post(mutated(applicationBody(call), [m])), [m], m.label);
    });

    it(`${RUNS.raw} raw bodies that are not a JSON object, sent as application/json`, async () => {
      await fc.assert(
        fc.asyncProperty(rawBody, async (text) => {
          const res = await t.http
            .post(`${API}/applications`)
            .auth(applicant.token, { type: 'bearer' })
            .set('Content-Type', 'application/json')
            .send(text);
          expectValidationProblem(res, [], `raw body ${JSON.stringify(text)}`);
        }),
        { numRuns: RUNS.raw, seed: SEED, examples: RAW_EXAMPLES.map((s) => [s] as [string]) },
      );
    }, 60_000);

    it('created no application', async () => {
      const res = await t.http.get(`${API}/applications`).auth(applicant.token, { type: 'bearer' });
      expect(res.body.total).toBe(applicationsBefore);
    });
  });

  describe('PATCH /applications/:id', () => {
    const PATCHABLE = APPLICATION_KEYS.filter((k) => k !== 'callId');

    it(`${RUNS.patch} random mutated patches`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.subarray([...PATCHABLE]), mutations(PATCH_MUTATIONS), async (keys, list) => {
          const res = await patch(mutated(patchBase(applicationBody(call), keys, list), list));
          expectValidationProblem(res, list, `patch of ${keys.join(', ') || 'nothing'} with\n${describeMutations(list)}`);
        }),
        { numRuns: RUNS.patch, seed: SEED },
      );
    }, 120_000);

    it.each([...PATCH_NULLS, ...CONTACT_AS_ARRAY].map((m) => [m.label, m] as const))('%s', async (_label, m) => {
      expectValidationProblem(await patch(mutated(patchBase(applicationBody(call), [], [m]), [m])), [m], m.label);
    });

    it.each(samplesOf(PATCH_MUTATIONS, 2, ['null for a field']))('each kind alone — %s', async (_label, m) => {
      expectValidationProblem(await patch(mutated(patchBase(applicationBody(call), [], [m]), [m])), [m], m.label);
    });

    it('raw bodies that are not a JSON object', async () => {
      for (const text of RAW_EXAMPLES.filter((s) => !isJsonObject(s))) {
        const res = await t.http
          .patch(`${API}/applications/${draftId}`)
          .auth(applicant.token, { type: 'bearer' })
          .set('Content-Type', 'application/json')
          .send(text);
        expectValidationProblem(res, [], `raw body ${JSON.stringify(text)}`);
      }
    });

    it('left the draft exactly as it was', async () => {
      const res = await t.http.get(`${API}/applications/${draftId}`).auth(applicant.token, { type: 'bearer' });
      expect(res.body).toEqual(draftBefore);
    });
  });

  describe('POST /auth/register', () => {
    let organisationsBefore: number;
    beforeAll(async () => {
      [{ count: organisationsBefore }] = await t.dataSource.query('SELECT COUNT(*)::int AS count FROM organisation');
    });

    it(`${RUNS.register} random mutated registrations`, async () => {
      await fc.assert(
        fc.asyncProperty(mutations(REGISTER_MUTATIONS, 3), async (list) => {
          const res = await register(mutated(registrationBody(), list));
          expectValidationProblem(res, list, describeMutations(list));
        }),
        { numRuns: RUNS.register, seed: SEED },
      );
    }, 120_000);

    it.each([...REGISTRATION_REMOVED, ...REGISTRATION_PARTS_AS_ARRAYS].map((m) => [m.label, m] as const))('%s', async (_label, m) => {
      expectValidationProblem(await register(mutated(registrationBody(), [m])), [m], m.label);
    });

    it.each(samplesOf(REGISTER_MUTATIONS, 2, ['required part removed']))('each kind alone — %s', async (_label, m) => {
      expectValidationProblem(await register(mutated(registrationBody(), [m])), [m], m.label);
    });

    it('raw bodies that are not a JSON object', async () => {
      for (const text of RAW_EXAMPLES.filter((s) => !isJsonObject(s))) {
        const res = await t.http.post(`${API}/auth/register`).set('Content-Type', 'application/json').send(text);
        expectValidationProblem(res, [], `raw body ${JSON.stringify(text)}`);
      }
    });

    it('registered no organisation', async () => {
      const [{ count }] = await t.dataSource.query('SELECT COUNT(*)::int AS count FROM organisation');
      expect(count).toBe(organisationsBefore);
    });
  });
});
