import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { asOwner } from '../support/db';
import { createCast, type Cast } from '../support/factories';
import { applicants, evaluatedCalls, expectLedgerAgrees, paidOut, type EvaluatedCall } from '../support/money';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The money's guarantees that live in the database itself, tried with SQL
 * that goes around the API: the CHECKs on the cached balances, the ledger's
 * append-only triggers and the app role's missing privileges, and the
 * balance of every ledger transaction, checked at COMMIT.
 */

const APP_ROLE = process.env.DATABASE_APP_USER ?? 'prague_grants_app';

/** Runs `sql` as the owner and returns the error it fails with (or throws when it does not fail). */
async function refusal(sql: string, params: unknown[] = []): Promise<{ code: string; constraint?: string; message: string }> {
  return asOwner(async (c) => failure(c, sql, params));
}

async function failure(c: Client, sql: string, params: unknown[] = []): Promise<{ code: string; constraint?: string; message: string }> {
  try {
    await c.query(sql, params);
  } catch (error) {
    const e = error as { code: string; constraint?: string; message: string };
    return { code: e.code, constraint: e.constraint, message: e.message };
  }
  throw new Error(`expected the database to refuse: ${sql}`);
}

describe('money: what the database itself refuses', () => {
  let t: TestApp;
  let cast: Cast;
  let call: EvaluatedCall;
  let partId: string;
  /** Approved CZK 100,000, contracted, paid CZK 60,000. */
  let appId: string;
  /** Its payment transaction. */
  let paymentTx: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    cast = await createCast(t);
    const [applicant] = await applicants(t, 1);
    [call] = await evaluatedCalls(t, cast, [
      {
        call: { parts: [{ code: '1', name: 'Aktivity', allocationCzk: 500_000, minRequestCzk: 50_000, maxRequestCzk: 500_000 }] },
        entries: [{ applicant }],
      },
    ]);
    partId = call.partIds.get('1')!;
    appId = call.applications[0].id;
    await paidOut(t, cast, appId, 100_000, 60_000);
    paymentTx = await asOwner(async (c) => (await c.query<{ id: string }>(`SELECT id FROM ledger_transaction WHERE application_id = $1 AND type = 'payment'`, [appId])).rows[0].id);
  }, 60_000);
  afterAll(() => t?.close());

  const balances = () =>
    asOwner(async (c) => ({
      part: (await c.query('SELECT allocation_czk, committed_czk, paid_czk, returned_czk FROM call_part WHERE id = $1', [partId])).rows[0],
      app: (await c.query('SELECT requested_czk, awarded_czk, paid_czk, returned_czk, return_due_czk FROM application WHERE id = $1', [appId])).rows[0],
    }));

  it('the starting balances', async () => {
    expect(await balances()).toEqual({
      part: { allocation_czk: '500000', committed_czk: '100000', paid_czk: '60000', returned_czk: '0' },
      app: { requested_czk: '175000', awarded_czk: '100000', paid_czk: '60000', returned_czk: '0', return_due_czk: '0' },
    });
  });

  it.each([
    ['committed above the allocation', 'UPDATE call_part SET committed_czk = allocation_czk + 1 WHERE id = $1', 'call_part_committed_check'],
    ['paid above committed', 'UPDATE call_part SET paid_czk = committed_czk + 1 WHERE id = $1', 'call_part_paid_check'],
    ['returned above paid', 'UPDATE call_part SET returned_czk = paid_czk + 1 WHERE id = $1', 'call_part_paid_check'],
  ])('call_part: %s is a check_violation', async (_label, sql, constraint) => {
    expect(await refusal(sql, [partId])).toMatchObject({ code: '23514', constraint });
  });

  it.each([
    ['paid above awarded', 'UPDATE application SET paid_czk = awarded_czk + 1 WHERE id = $1'],
    ['awarded above requested', 'UPDATE application SET awarded_czk = requested_czk + 1 WHERE id = $1'],
    ['returned above paid', 'UPDATE application SET returned_czk = paid_czk + 1 WHERE id = $1'],
    ['a negative return due', 'UPDATE application SET return_due_czk = -1 WHERE id = $1'],
  ])('application: %s is a check_violation', async (_label, sql) => {
    expect(await refusal(sql, [appId])).toMatchObject({ code: '23514', constraint: 'application_balance_check' });
  });

  it('and nothing changed', async () => {
    expect(await balances()).toEqual({
      part: { allocation_czk: '500000', committed_czk: '100000', paid_czk: '60000', returned_czk: '0' },
      app: { requested_czk: '175000', awarded_czk: '100000', paid_czk: '60000', returned_czk: '0', return_due_czk: '0' },
    });
  });

  it.each([
    ['UPDATE', 'ledger_entry', `UPDATE ledger_entry SET amount_czk = amount_czk * 2 WHERE transaction_id = $1`],
    ['DELETE', 'ledger_entry', `DELETE FROM ledger_entry WHERE transaction_id = $1`],
    ['UPDATE', 'ledger_transaction', `UPDATE ledger_transaction SET reference = 'changed' WHERE id = $1`],
    ['DELETE', 'ledger_transaction', `DELETE FROM ledger_transaction WHERE id = $1`],
  ])('%s on %s is refused even for the owner (trigger)', async (op, table, sql) => {
    const error = await refusal(sql, [paymentTx]);
    expect(error.code).toBe('42501');
    expect(error.message).toBe(`${table} is append-only: ${op} is not allowed (correct a movement by a reversal)`);
  });

  it.each(['ledger_entry', 'ledger_transaction'])('TRUNCATE %s is refused even for the owner', async (table) => {
    expect((await refusal(`TRUNCATE ${table} CASCADE`)).message).toBe(`${table} is append-only: TRUNCATE is not allowed (correct a movement by a reversal)`);
  });

  it.each(['ledger_entry', 'ledger_transaction'])("the API's role may only SELECT and INSERT on %s", async (table) => {
    const privileges = await asOwner(async (c) =>
      (
        await c.query(
          `SELECT p AS privilege, has_table_privilege($1, $2, p) AS granted
             FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p`,
          [APP_ROLE, table],
        )
      ).rows,
    );
    expect(privileges).toEqual([
      { privilege: 'SELECT', granted: true },
      { privilege: 'INSERT', granted: true },
      { privilege: 'UPDATE', granted: false },
      { privilege: 'DELETE', granted: false },
      { privilege: 'TRUNCATE', granted: false },
      { privilege: 'REFERENCES', granted: false },
      { privilege: 'TRIGGER', granted: false },
    ]);
    // The API's own connection is that role.
    const [{ role }] = await t.dataSource.query('SELECT current_user AS role');
    expect(role).toBe(APP_ROLE);
    await expect(t.dataSource.query(`UPDATE ${table} SET ${table === 'ledger_entry' ? 'amount_czk = amount_czk' : 'reference = reference'}`)).rejects.toThrow(
      `permission denied for table ${table}`,
    );
    await expect(t.dataSource.query(`DELETE FROM ${table}`)).rejects.toThrow(`permission denied for table ${table}`);
  });

  /** Inserts a transaction with the given entries inside an open transaction of `c`. */
  async function insertTransaction(c: Client, id: string, amounts: number[]): Promise<void> {
    await c.query(
      `INSERT INTO ledger_transaction (id, type, occurred_on, reference, call_part_id, application_id, created_at)
       VALUES ($1, 'payment', '2027-03-06', 'made up by the test', $2, $3, now())`,
      [id, partId, appId],
    );
    for (const amount of amounts) {
      await c.query('INSERT INTO ledger_entry (transaction_id, account, amount_czk) VALUES ($1, $2, $3)', [id, `part:${partId}:application:${appId}:paid`, amount]);
    }
  }

  const exists = (id: string) => asOwner(async (c) => (await c.query('SELECT 1 FROM ledger_transaction WHERE id = $1', [id])).rowCount);

  it('an unbalanced transaction inserted as the owner is accepted statement by statement and refused at COMMIT', async () => {
    const id = randomUUID();
    const error = await asOwner(async (c) => {
      await c.query('BEGIN');
      await insertTransaction(c, id, [100, -99]);
      return failure(c, 'COMMIT');
    });
    expect(error).toMatchObject({ code: '23514', message: `ledger transaction ${id} does not balance: its entries sum to 1` });
    expect(await exists(id)).toBe(0);
  });

  it('one entry alone does not balance either; through the API’s connection neither', async () => {
    const id = randomUUID();
    const error = await asOwner(async (c) => {
      await c.query('BEGIN');
      await insertTransaction(c, id, [5_000]);
      return failure(c, 'COMMIT');
    });
    expect(error.message).toBe(`ledger transaction ${id} does not balance: its entries sum to 5000`);

    const viaApp = randomUUID();
    await expect(
      t.dataSource.transaction(async (m) => {
        await m.query(
          `INSERT INTO ledger_transaction (id, type, occurred_on, reference, created_at) VALUES ($1, 'payment', '2027-03-06', 'made up by the test', now())`,
          [viaApp],
        );
        await m.query(`INSERT INTO ledger_entry (transaction_id, account, amount_czk) VALUES ($1, 'city:budget', 7)`, [viaApp]);
      }),
    ).rejects.toThrow(`ledger transaction ${viaApp} does not balance: its entries sum to 7`);
    expect(await exists(id)).toBe(0);
    expect(await exists(viaApp)).toBe(0);
  });

  it('a balanced one passes the same check (forced before COMMIT, then rolled back); a zero entry is refused', async () => {
    const id = randomUUID();
    await asOwner(async (c) => {
      await c.query('BEGIN');
      await insertTransaction(c, id, [100, -100]);
      await c.query('SET CONSTRAINTS ledger_entry_balanced IMMEDIATE');
      await c.query('ROLLBACK');
    });
    expect(await exists(id)).toBe(0);
    const zero = await asOwner(async (c) => {
      await c.query('BEGIN');
      const e = await failure(c, 'INSERT INTO ledger_entry (transaction_id, account, amount_czk) VALUES ($1, $2, 0)', [paymentTx, 'city:budget']);
      await c.query('ROLLBACK');
      return e;
    });
    expect(zero).toMatchObject({ code: '23514', constraint: 'ledger_entry_amount_check' });
  });

  it('after all that the ledger still agrees with the cached balances', async () => {
    await expectLedgerAgrees(t, cast.budget.token, { partIds: [partId], applicationIds: [appId] });
  });
});
