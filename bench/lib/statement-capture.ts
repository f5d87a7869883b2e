/**
 * Preloaded into the API by bench:approvals (`node --require …/statement-capture.js`):
 * records, between a "capture start" and a "capture stop" message over IPC,
 * every SQL statement the API sends while serving an HTTP request (its text,
 * prepared statement name, parameters and first result row, and on which
 * connection), the UUIDs it generated (crypto.randomUUID) and the time span,
 * so that the benchmark can replay what one decision really sends with new
 * parameters (approvals-replay.ts). Outside a capture nothing is patched: the
 * measured phase runs the API's own code paths untouched.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import http from 'node:http';
import { Client } from 'pg';
import type { CaptureMessage, CaptureReply, CapturedStatement, CapturedValue } from './capture-protocol';

type Loose = (this: unknown, ...args: unknown[]) => unknown;

const requests = new AsyncLocalStorage<number>();
const connectionIds = new WeakMap<object, number>();
let nextConnection = 1;
let nextRequest = 1;
let recorded: CapturedStatement[] = [];
let generatedUuids: string[] = [];
let startedAt = '';
let restore: (() => void) | undefined;

/** JSON-able form of a parameter (Dates tagged, so that the replay sends them as the API did). */
function encode(value: unknown): CapturedValue {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encode);
  if (value === undefined) return null;
  if (Buffer.isBuffer(value)) throw new Error('statement-capture: a Buffer parameter cannot be replayed');
  if (value !== null && typeof value === 'object') return JSON.parse(JSON.stringify(value)) as CapturedValue;
  return value as CapturedValue;
}

function firstRow(result: unknown): Record<string, CapturedValue> | null {
  const rows = (result as { rows?: unknown[] } | null)?.rows;
  if (!Array.isArray(rows) || rows.length === 0) return null;
  const row = rows[0] as Record<string, unknown>;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, encode(v)]));
}

function connectionOf(client: object): number {
  let id = connectionIds.get(client);
  if (id === undefined) {
    id = nextConnection++;
    connectionIds.set(client, id);
  }
  return id;
}

function patch(): () => void {
  const proto = Client.prototype as unknown as { query: Loose };
  const query = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const request = requests.getStore();
    if (request === undefined) return query.apply(this, args);
    const config = args[0];
    const named = typeof config === 'object' && config !== null ? (config as { name?: string; text?: string; values?: unknown[] }) : null;
    const statement: CapturedStatement = {
      request,
      connection: connectionOf(this as object),
      name: named?.name ?? null,
      text: named ? String(named.text ?? '') : String(config),
      values: ((named ? named.values : Array.isArray(args[1]) ? args[1] : undefined) ?? []).map(encode),
      row: null,
      rowCount: null,
      error: null,
    };
    recorded.push(statement);
    const settle = (error: unknown, result: unknown) => {
      if (error) statement.error = error instanceof Error ? error.message : String(error);
      else {
        statement.row = firstRow(result);
        statement.rowCount = (result as { rowCount?: number | null } | null)?.rowCount ?? null;
      }
    };
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        settle(error, result);
        return (last as Loose)(error, result);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result instanceof Promise) result.then((r) => settle(null, r), (e: unknown) => settle(e, null));
    return result;
  };
  const server = http.Server.prototype as unknown as { emit: Loose };
  const emit = server.emit;
  server.emit = function (this: unknown, ...args: unknown[]) {
    if (args[0] !== 'request') return emit.apply(this, args);
    return requests.run(nextRequest++, () => emit.apply(this, args));
  };
  const uuid = crypto.randomUUID;
  (crypto as { randomUUID: typeof crypto.randomUUID }).randomUUID = (options?: crypto.RandomUUIDOptions) => {
    const value = uuid(options);
    generatedUuids.push(value);
    return value;
  };
  return () => {
    proto.query = query;
    server.emit = emit;
    (crypto as { randomUUID: typeof crypto.randomUUID }).randomUUID = uuid;
  };
}

function handle(message: CaptureMessage): CaptureReply | null {
  if (message.capture === 'start') {
    restore?.();
    recorded = [];
    generatedUuids = [];
    startedAt = new Date().toISOString();
    restore = patch();
    return { capture: 'started' };
  }
  if (message.capture === 'stop') {
    restore?.();
    restore = undefined;
    return { capture: 'statements', statements: recorded, generatedUuids, startedAt, stoppedAt: new Date().toISOString() };
  }
  return null;
}

process.on('message', (message: CaptureMessage) => {
  if (typeof message !== 'object' || message === null || !('capture' in message)) return;
  try {
    const reply = handle(message);
    if (reply) process.send?.(reply);
  } catch (error) {
    process.send?.({ capture: 'error', error: String(error) } satisfies CaptureReply);
  }
});
// The IPC channel must not keep the API alive after SIGTERM.
process.channel?.unref();
