import { randomUUID } from 'node:crypto';
import type { JsonClient } from './http-client';
import { driveLoad, jobsFrom, type LoadResult } from './load';
import { API, type Draft } from './seed';

interface Receipt {
  status?: string;
  referenceNumber?: string;
  code?: string;
}

/** Every draft submitted once, each by its organisation's user (by default with an Idempotency-Key, as a careful client sends). */
export async function submitAll(
  clients: readonly JsonClient[],
  drafts: readonly Draft[],
  idempotencyKeys = true,
): Promise<{ load: LoadResult; references: string[] }> {
  const references: string[] = [];
  const load = await driveLoad(clients, jobsFrom(drafts), async (client, draft) => {
    const res = await client.request<Receipt>('POST', `${API}/applications/${draft.id}/submit`, {
      token: draft.token,
      headers: idempotencyKeys ? { 'idempotency-key': `bench-submit-${randomUUID()}` } : {},
    });
    const ok = res.status === 200 && res.body.status === 'submitted' && typeof res.body.referenceNumber === 'string';
    if (ok) references.push(res.body.referenceNumber!);
    return { status: res.status, ms: res.ms, problem: ok ? undefined : describe(res.status, res.body) };
  });
  return { load, references };
}

function describe(status: number, body: unknown): string {
  const code = typeof body === 'object' && body !== null ? (body as Receipt).code : undefined;
  return `HTTP ${status}${code ? ` ${code}` : ''}: ${JSON.stringify(body).slice(0, 300)}`;
}

/** Problems with the registry book as the clients saw it: the numbers must be exactly prefix-0001..N, once each. */
export function referenceProblems(references: readonly string[], prefix: string, expected: number): string[] {
  const problems: string[] = [];
  const numbers = new Set<number>();
  const pattern = new RegExp(`^${prefix.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}-(\\d{4,})$`);
  for (const reference of references) {
    const match = pattern.exec(reference);
    if (!match) {
      problems.push(`unexpected reference number ${reference}`);
      continue;
    }
    const n = Number(match[1]);
    if (numbers.has(n)) problems.push(`reference number ${reference} given twice`);
    numbers.add(n);
  }
  const missing = Array.from({ length: expected }, (_, i) => i + 1).filter((n) => !numbers.has(n));
  if (missing.length) problems.push(`${missing.length} numbers missing, e.g. ${missing.slice(0, 5).join(', ')}`);
  const beyond = [...numbers].filter((n) => n > expected);
  if (beyond.length) problems.push(`${beyond.length} numbers above ${expected}, e.g. ${beyond.slice(0, 5).join(', ')}`);
  return problems.slice(0, 10);
}
