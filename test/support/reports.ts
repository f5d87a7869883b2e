import type { TestApp } from './test-app';
import { asOwner } from './db';
import { API } from './http';
import { decide, today } from './money';

/** Calls and set-up for the reports and the 360Giving export (test/e2e/reports.e2e-spec.ts). */

export function getReport(t: TestApp, path: string, token?: string, accept?: string) {
  const req = t.http.get(`${API}${path}`);
  if (token) req.auth(token, { type: 'bearer' });
  if (accept) req.set('Accept', accept);
  return req;
}

/** The response body as the bytes sent (a byte order mark included), whatever its type. */
export async function getRawReport(t: TestApp, path: string, token: string, accept: string) {
  const res = await getReport(t, path, token, accept)
    .buffer(true)
    .parse((stream, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => done(null, Buffer.concat(chunks)));
    });
  return { status: res.status, headers: res.headers as Record<string, string>, bytes: res.body as Buffer };
}

/** Noon UTC of a date is 13:00 or 14:00 in Prague: the same Prague date, whatever the season. */
export function moveClockTo(t: TestApp, date: string): void {
  const target = new Date(`${date}T12:00:00Z`);
  if (target.getTime() < t.clock.now().getTime()) throw new Error(`the clock only moves forward; it is already past ${date}`);
  t.clock.set(target);
}

export function reject(t: TestApp, officer: string, id: string) {
  return decide(t, officer, id, {
    outcome: 'rejected',
    body: 'council',
    resolutionNumber: `R-${id.slice(0, 8)}`,
    resolutionDate: today(t),
    reasons: ['Projekt nezapadá do priorit výzvy.'],
  });
}

export function publishContract(t: TestApp, officer: string, id: string) {
  return t.http
    .post(`${API}/applications/${id}/contract/publication`)
    .auth(officer, { type: 'bearer' })
    .send({ publishedOn: today(t), url: `https://smlouvy.gov.cz/smlouva/${id}` });
}

export function reverseMovement(t: TestApp, budget: string, transactionId: string, reason: string) {
  return t.http.post(`${API}/ledger/transactions/${transactionId}/reversal`).auth(budget, { type: 'bearer' }).send({ reason });
}

export async function organisationOf(t: TestApp, token: string, id: string): Promise<{ name: string; ico: string }> {
  const res = await t.http.get(`${API}/organisations/${id}`).auth(token, { type: 'bearer' });
  if (res.status !== 200) throw new Error(`organisation ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return { name: res.body.name, ico: res.body.ico };
}

/**
 * A payment row the API would refuse (no contract, another account, above
 * the award), written straight into the table as the database owner: the
 * books of a real system can hold such rows (an import, a manual fix), and
 * the reconciliation report must find them. Neither the ledger nor the
 * cached balances are touched.
 */
export function insertPaymentAsOwner(p: {
  applicationId: string;
  amountCzk: number;
  paidOn: string;
  reference: string;
  bankAccount: string;
  createdAt: Date;
  createdBy: string;
}): Promise<void> {
  return asOwner(async (c) => {
    await c.query(
      `INSERT INTO payment (application_id, amount_czk, paid_on, payment_reference, bank_account, ledger_transaction_id, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, gen_random_uuid(), $6, $7)`,
      [p.applicationId, p.amountCzk, p.paidOn, p.reference, p.bankAccount, p.createdAt, p.createdBy],
    );
  });
}
