import { createHash } from 'node:crypto';
import { AuditHashInput, canonicalJson, computeAuditHash, findFirstBrokenLink, GENESIS_HASH } from './audit-hash';

describe('canonicalJson', () => {
  it.each<[unknown, string]>([
    [null, 'null'],
    [true, 'true'],
    [false, 'false'],
    [0, '0'],
    [-0, '0'],
    [1.5, '1.5'],
    [1e21, '1e+21'],
    ['Praha "1"\n', '"Praha \\"1\\"\\n"'],
    ['Žižkov', '"Žižkov"'],
    [[], '[]'],
    [{}, '{}'],
    [[3, 1, 2], '[3,1,2]'],
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ b: { d: [{ z: 1, y: 2 }], c: null }, a: [] }, '{"a":[],"b":{"c":null,"d":[{"y":2,"z":1}]}}'],
    [{ a: undefined, b: 1 }, '{"b":1}'],
    [[1, undefined, 3], '[1,null,3]'],
    [new Date('2027-03-01T08:00:00+01:00'), '"2027-03-01T07:00:00.000Z"'],
    [{ at: new Date(0) }, '{"at":"1970-01-01T00:00:00.000Z"}'],
    // UTF-16 code unit order: uppercase before lowercase, '10' before '9', and an astral
    // character (surrogate 0xD83D) before U+FF5E, unlike code point order
    [{ b: 1, B: 2, a: 3 }, '{"B":2,"a":3,"b":1}'],
    [{ 9: 'x', 10: 'y' }, '{"10":"y","9":"x"}'],
    [{ '～': 2, '😀': 1 }, '{"😀":1,"～":2}'],
  ])('%p → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('writes array holes as null, as JSON does', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(canonicalJson([1, , 3])).toBe('[1,null,3]');
  });

  it('honours toJSON of other objects', () => {
    expect(canonicalJson({ x: { toJSON: () => ({ b: 2, a: 1 }) } })).toBe('{"x":{"a":1,"b":2}}');
  });

  it('is independent of key insertion order', () => {
    const a = { seq: 1, nested: { amountCzk: 100, ico: '00064581' }, list: [{ q: 1, p: 2 }] };
    const b = { list: [{ p: 2, q: 1 }], nested: { ico: '00064581', amountCzk: 100 }, seq: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(JSON.parse(canonicalJson(a))).toEqual(a);
  });

  it.each<[string, unknown]>([
    ['NaN', Number.NaN],
    ['Infinity', { x: Number.POSITIVE_INFINITY }],
    ['-Infinity', [Number.NEGATIVE_INFINITY]],
    ['bigint', { amount: 10n }],
    ['function', { f: () => 1 }],
    ['symbol', [Symbol('s')]],
    ['top-level undefined', undefined],
    ['invalid Date', { at: new Date('nope') }],
    ['Map', new Map([['a', 1]])],
    ['Set', { s: new Set([1]) }],
  ])('throws on %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('throws on a cycle but not on a shared reference', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/circular/);
    const shared = { v: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"v":1},"b":[{"v":1}]}');
  });
});

type StoredEvent = { id: string; prevHash: string; hash: string } & AuditHashInput;

function event(seq: number): AuditHashInput {
  return {
    id: `ev-${seq}`,
    seq,
    occurredAt: new Date(Date.UTC(2027, 2, 1, 8, 0, seq)),
    actorUserId: `user-${seq}`,
    actorRole: seq % 2 ? 'officer' : 'budget',
    action: `action.${seq}`,
    entityType: 'application',
    entityId: `app-${seq}`,
    before: seq === 1 ? null : { status: 'submitted', amountCzk: seq * 1000, lines: [{ b: 1, a: 2 }] },
    after: { status: 'eligible', amountCzk: seq * 1000, at: new Date(Date.UTC(2027, 2, 1)) },
    reason: seq === 3 ? null : `reason ${seq}`,
  };
}

function chain(n: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = event(seq);
    const hash = computeAuditHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

const TAMPERS: Record<keyof StoredEvent, (e: StoredEvent) => void> = {
  id: (e) => (e.id = `${e.id}-swapped`),
  prevHash: (e) => (e.prevHash = 'f'.repeat(64)),
  hash: (e) => (e.hash = e.hash.replace(/^./, (c) => (c === '0' ? '1' : '0'))),
  seq: (e) => (e.seq += 10),
  occurredAt: (e) => (e.occurredAt = new Date(e.occurredAt.getTime() + 1)),
  actorUserId: (e) => (e.actorUserId = null),
  actorRole: (e) => (e.actorRole = 'admin'),
  action: (e) => (e.action = 'payment.create'),
  entityType: (e) => (e.entityType = 'call'),
  entityId: (e) => (e.entityId = 'app-999'),
  before: (e) => (e.before = { status: 'draft' }),
  after: (e) => (e.after = { ...(e.after as object), amountCzk: 1 }),
  reason: (e) => (e.reason = 'edited'),
};

describe('computeAuditHash', () => {
  it('is sha256 of prevHash, the position and the canonical event, newline-separated', () => {
    const e = event(1);
    const text =
      '{"action":"action.1","actorRole":"officer","actorUserId":"user-1","after":{"amountCzk":1000,"at":"2027-03-01T00:00:00.000Z","status":"eligible"},' +
      '"before":null,"entityId":"app-1","entityType":"application","id":"ev-1","occurredAt":"2027-03-01T08:00:01.000Z","reason":"reason 1"}';
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n1\n${text}`).digest('hex');
    expect(computeAuditHash(GENESIS_HASH, e)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  });

  it('depends on the previous hash', () => {
    expect(computeAuditHash(GENESIS_HASH, event(1))).not.toBe(computeAuditHash('1'.repeat(64), event(1)));
  });

  it('does not change when before/after keys are reordered, as after a JSONB round trip', () => {
    const e = event(2);
    const reordered: AuditHashInput = {
      ...e,
      before: { lines: [{ a: 2, b: 1 }], amountCzk: 2000, status: 'submitted' },
      after: JSON.parse(JSON.stringify({ at: new Date(Date.UTC(2027, 2, 1)), status: 'eligible', amountCzk: 2000 })),
    };
    expect(computeAuditHash(GENESIS_HASH, reordered)).toBe(computeAuditHash(GENESIS_HASH, e));
  });

  it('hashes only the audit fields, and an absent before like null', () => {
    const e = event(1);
    const row = { ...e, hash: 'y', prevHash: 'z', createdAt: new Date() };
    expect(computeAuditHash(GENESIS_HASH, row)).toBe(computeAuditHash(GENESIS_HASH, e));
    expect(computeAuditHash(GENESIS_HASH, { ...e, before: undefined })).toBe(computeAuditHash(GENESIS_HASH, e));
  });
});

describe('findFirstBrokenLink', () => {
  it('accepts an intact chain and an empty one', () => {
    const events = chain(5);
    expect(findFirstBrokenLink(events, GENESIS_HASH)).toEqual({ brokenEventId: null, lastHash: events[4].hash, count: 5 });
    expect(findFirstBrokenLink([], GENESIS_HASH)).toEqual({ brokenEventId: null, lastHash: GENESIS_HASH, count: 0 });
  });

  it('verifies in batches by passing lastHash on', () => {
    const events = chain(5);
    const first = findFirstBrokenLink(events.slice(0, 2), GENESIS_HASH);
    expect(findFirstBrokenLink(events.slice(2), first.lastHash)).toEqual({ brokenEventId: null, lastHash: events[4].hash, count: 3 });
    expect(findFirstBrokenLink(events.slice(2), GENESIS_HASH).brokenEventId).toBe('ev-3');
  });

  const hashedFields = Object.keys(TAMPERS) as (keyof StoredEvent)[];
  const cases = hashedFields.flatMap((field) => [0, 1, 2, 3, 4].map((i) => [field, i] as const));

  it.each(cases)('detects tampering with %s of event %i at that event', (field, i) => {
    const events = chain(5);
    TAMPERS[field](events[i]);
    expect(findFirstBrokenLink(events, GENESIS_HASH)).toEqual({
      brokenEventId: events[i].id,
      lastHash: i === 0 ? GENESIS_HASH : events[i - 1].hash,
      count: i,
    });
  });

  it('detects tampering even when the tampered event is re-hashed', () => {
    const events = chain(5);
    events[1].reason = 'edited';
    events[1].hash = computeAuditHash(events[1].prevHash, events[1]);
    expect(findFirstBrokenLink(events, GENESIS_HASH).brokenEventId).toBe('ev-3');
  });

  it('detects a deleted, inserted or swapped event', () => {
    const events = chain(5);
    expect(findFirstBrokenLink([events[0], events[2], events[3], events[4]], GENESIS_HASH).brokenEventId).toBe('ev-3');
    expect(findFirstBrokenLink([events[0], events[1], events[3], events[2], events[4]], GENESIS_HASH).brokenEventId).toBe('ev-4');
    const forgedEvent = { ...event(9), id: 'ev-forged' };
    const forged = { ...forgedEvent, prevHash: events[1].hash, hash: computeAuditHash(events[1].hash, forgedEvent) };
    expect(findFirstBrokenLink([events[0], events[1], forged, ...events.slice(2)], GENESIS_HASH).brokenEventId).toBe('ev-3');
  });

  it('detects a renamed event: the id is hashed too', () => {
    const events = chain(5);
    events[2].id = 'renamed';
    expect(findFirstBrokenLink(events, GENESIS_HASH).brokenEventId).toBe('renamed');
  });

  it('consumes any iterable, lazily stopping at the break', () => {
    const events = chain(5);
    events[1].action = 'forged';
    let pulled = 0;
    function* gen() {
      for (const e of events) {
        pulled++;
        yield e;
      }
    }
    expect(findFirstBrokenLink(gen(), GENESIS_HASH).brokenEventId).toBe('ev-2');
    expect(pulled).toBe(2);
  });
});
