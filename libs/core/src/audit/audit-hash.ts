import { createHash } from 'node:crypto';

/**
 * Deterministic JSON: object keys sorted (UTF-16 code unit order) at every depth,
 * no whitespace, Dates as ISO strings, undefined properties omitted. The same
 * value gives the same text whatever its key order, e.g. after a JSONB round trip.
 * Throws on what JSON cannot carry faithfully (NaN, Infinity, bigint, functions,
 * symbols, Map, Set, cycles) rather than silently hashing something else.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set<object>(), '$');
}

function write(value: unknown, ancestors: Set<object>, path: string): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at ${path}`);
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError(`canonicalJson: bigint at ${path}`);
    case 'undefined':
    case 'function':
    case 'symbol':
      throw new TypeError(`canonicalJson: ${typeof value} at ${path}`);
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (obj instanceof Date) {
    if (Number.isNaN(obj.getTime())) throw new TypeError(`canonicalJson: invalid Date at ${path}`);
    return JSON.stringify(obj.toISOString());
  }
  if (obj instanceof Map || obj instanceof Set) throw new TypeError(`canonicalJson: Map/Set at ${path}`);
  if (ancestors.has(obj)) throw new TypeError(`canonicalJson: circular reference at ${path}`);
  ancestors.add(obj);
  try {
    if (Array.isArray(obj)) {
      // As JSON.stringify: a hole or undefined element is null, keeping positions.
      const items = Array.from(obj as unknown[], (item, i) => (item === undefined ? 'null' : write(item, ancestors, `${path}[${i}]`)));
      return `[${items.join(',')}]`;
    }
    const toJSON = (obj as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return write(toJSON.call(obj), ancestors, path);
    const record = obj as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${write(item, ancestors, `${path}.${key}`)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    ancestors.delete(obj);
  }
}

export interface AuditHashInput {
  id: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** The prevHash of the first event of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * sha256(prevHash + "\n" + seq + "\n" + auditPayload(event)), lowercase hex.
 * The payload is everything but the chain position, so the database can chain
 * an event in one statement (see the audit_append migration) from a payload
 * the application canonicalised.
 */
export function computeAuditHash(prevHash: string, event: AuditHashInput): string {
  return chainHash(prevHash, event.seq, auditPayload(event));
}

export function chainHash(prevHash: string, seq: number, payload: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${payload}`, 'utf8').digest('hex');
}

/** Canonical JSON of the hashed fields other than `seq`. */
export function auditPayload(event: Omit<AuditHashInput, 'seq'>): string {
  // Only these fields are hashed, so a row carrying extra columns (hash, prevHash…) hashes the same.
  return canonicalJson({
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actorUserId: event.actorUserId,
    actorRole: event.actorRole,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    // A nullable JSONB column gives back null for undefined: hash both the same.
    before: event.before ?? null,
    after: event.after ?? null,
    reason: event.reason,
  });
}

/**
 * Walks events in chain order. An event is broken when its prevHash is not the
 * previous event's hash (or `expectedPrevHash` for the first) or when its stored
 * hash does not match the recomputed one. Stops at the first broken event.
 * `count` is the number of events verified before it (all of them when intact)
 * and `lastHash` the hash of the last verified one, so a long chain can be
 * verified in batches by passing `lastHash` on as the next `expectedPrevHash`.
 */
export function findFirstBrokenLink(
  events: Iterable<{ id: string; prevHash: string; hash: string } & AuditHashInput>,
  expectedPrevHash: string,
): { brokenEventId: string | null; lastHash: string; count: number } {
  let lastHash = expectedPrevHash;
  let count = 0;
  for (const event of events) {
    if (event.prevHash !== lastHash || computeAuditHash(event.prevHash, event) !== event.hash) {
      return { brokenEventId: event.id, lastHash, count };
    }
    lastHash = event.hash;
    count++;
  }
  return { brokenEventId: null, lastHash, count };
}
