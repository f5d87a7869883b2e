import { ApplicationLifecycle } from '@app/applications';
import { AuditTrail } from '@app/core';
import { DomainError } from '@app/core/domain';
import { createCast, createDraft, openCall, type Cast } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The writer of application.status (ApplicationLifecycle) against the real
 * database: rows in, rows out, and the conditional update — a row no longer in
 * the status the caller read changes nothing and is refused.
 */
describe('ApplicationLifecycle (the one writer of application.status)', () => {
  let t: TestApp;
  let cast: Cast;
  let lifecycle: ApplicationLifecycle;
  let call: { callId: string; year: number };

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    lifecycle = t.app.get(ApplicationLifecycle);
    call = await openCall(t, cast.officer.token);
  });
  afterAll(() => t?.close());

  const draft = async () => (await createDraft(t, cast.applicant.token, call)).id;
  const row = async (id: string) =>
    (
      await t.dataSource.query(`SELECT status, correction_due_on::text AS correction_due_on, proposed_czk FROM application WHERE id = $1`, [id])
    )[0] as { status: string; correction_due_on: string | null; proposed_czk: string | null };
  const history = async (id: string) =>
    (await t.dataSource.query(
      'SELECT from_status, to_status, changed_by, reason FROM application_status_change WHERE application_id = $1 ORDER BY id',
      [id],
    )) as { from_status: string | null; to_status: string; changed_by: string; reason: string | null }[];
  const by = () => cast.officer.id;
  const refusal = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  };

  it('changes the status and writes its history row in the same transaction', async () => {
    const id = await draft();
    await t.dataSource.transaction((m) => lifecycle.changeStatus(m, { applicationId: id, from: 'draft', to: 'withdrawn', at: t.clock.now(), by: by(), reason: 'no longer needed' }));
    expect((await row(id)).status).toBe('withdrawn');
    expect(await history(id)).toEqual([
      { from_status: null, to_status: 'draft', changed_by: cast.applicant.userId, reason: null },
      { from_status: 'draft', to_status: 'withdrawn', changed_by: by(), reason: 'no longer needed' },
    ]);
  });

  it('refuses a step the transition table does not allow, before touching the row', async () => {
    const id = await draft();
    const code = await refusal(t.dataSource.transaction((m) => lifecycle.changeStatus(m, { applicationId: id, from: 'draft', to: 'approved', at: t.clock.now(), by: by() })));
    expect(code).toBe('INVALID_STATUS_TRANSITION');
    expect((await row(id)).status).toBe('draft');
    expect(await history(id)).toHaveLength(1);
  });

  it('refuses a row that is no longer in the status the caller read: zero rows changed, no history', async () => {
    const id = await draft();
    // The caller read "submitted", but the application is still a draft.
    const code = await refusal(
      t.dataSource.transaction((m) => lifecycle.changeStatus(m, { applicationId: id, from: 'submitted', to: 'eligible', at: t.clock.now(), by: by() })),
    );
    expect(code).toBe('INVALID_STATUS_TRANSITION');
    expect((await row(id)).status).toBe('draft');
    expect(await history(id)).toHaveLength(1);
  });

  it('sets and clears the correction due date with the status, and leaves the money columns to money', async () => {
    const id = await draft();
    await t.dataSource.query(`UPDATE application SET status = 'submitted', proposed_czk = 1000 WHERE id = $1`, [id]);
    await t.dataSource.transaction((m) =>
      lifecycle.changeStatus(m, { applicationId: id, from: 'submitted', to: 'correction_requested', at: t.clock.now(), by: by() }, { correctionDueOn: '2030-01-31' }),
    );
    expect(await row(id)).toEqual({ status: 'correction_requested', correction_due_on: '2030-01-31', proposed_czk: '1000' });
    await t.dataSource.transaction((m) =>
      lifecycle.changeStatus(m, { applicationId: id, from: 'correction_requested', to: 'withdrawn', at: t.clock.now(), by: by() }, { correctionDueOn: null }),
    );
    expect(await row(id)).toEqual({ status: 'withdrawn', correction_due_on: null, proposed_czk: '1000' });
  });

  it('moves several at once, each from its own status; one out of step and nothing changes', async () => {
    const [a, b, c] = [await draft(), await draft(), await draft()];
    await t.dataSource.query(`UPDATE application SET status = 'eligible', proposed_czk = 5000 WHERE id = ANY($1::uuid[])`, [[a, b, c]]);
    const common = { at: t.clock.now(), by: by(), reason: 'evaluation closed' };

    await t.dataSource.query(`UPDATE application SET status = 'withdrawn' WHERE id = $1`, [c]);
    const code = await refusal(
      t.dataSource.transaction((m) =>
        lifecycle.changeStatuses(
          m,
          [
            { applicationId: a, from: 'eligible', to: 'recommended' },
            { applicationId: c, from: 'eligible', to: 'not_recommended' },
          ],
          common,
        ),
      ),
    );
    expect(code).toBe('INVALID_STATUS_TRANSITION');
    expect((await row(a)).status).toBe('eligible');

    await t.dataSource.transaction((m) =>
      lifecycle.changeStatuses(
        m,
        [
          { applicationId: a, from: 'eligible', to: 'recommended' },
          { applicationId: b, from: 'eligible', to: 'not_recommended' },
        ],
        common,
      ),
    );
    expect(await row(a)).toMatchObject({ status: 'recommended', proposed_czk: '5000' });
    expect(await row(b)).toMatchObject({ status: 'not_recommended', proposed_czk: '5000' });
    expect((await history(b)).at(-1)).toEqual({ from_status: 'eligible', to_status: 'not_recommended', changed_by: by(), reason: 'evaluation closed' });
  });

  it('appends the audit event of the change in the same statement, and none when the row had moved', async () => {
    const id = await draft();
    const trail = t.app.get(AuditTrail);
    const events = async () => ((await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 AND action <> 'application.created' ORDER BY seq`, [id])) as { action: string }[]).map((e) => e.action);
    const event = { actor: { id: by(), role: 'officer' as const }, action: 'application.test_step', entityType: 'application', entityId: id };
    const moved = await refusal(
      t.dataSource.transaction((m) =>
        lifecycle.changeStatus(m, { applicationId: id, from: 'submitted', to: 'eligible', at: t.clock.now(), by: by() }, { audit: trail.prepare(event) }),
      ),
    );
    expect(moved).toBe('INVALID_STATUS_TRANSITION');
    await t.dataSource.transaction((m) =>
      lifecycle.changeStatus(m, { applicationId: id, from: 'draft', to: 'withdrawn', at: t.clock.now(), by: by() }, { audit: trail.prepare(event) }),
    );
    expect(await events()).toEqual(['application.test_step']);
    expect((await trail.verify()).ok).toBe(true);
  });

  it('submits for the first time: the next number of the call\'s book, the history row, the audit event with the number', async () => {
    const [first, second] = [await draft(), await draft()];
    const trail = t.app.get(AuditTrail);
    const submit = (id: string, from: 'draft' | 'submitted' = 'draft') =>
      t.dataSource.transaction((m) =>
        lifecycle.submitFirst(
          m,
          { applicationId: id, callId: call.callId, prefix: 'TEST-2030-1', from, submittedAt: t.clock.now(), at: t.clock.now(), by: by() },
          trail.prepare({ actor: null, action: 'application.submitted', entityType: 'application', entityId: id, after: (n: string) => ({ referenceNumber: n }) }),
        ),
      );
    const a = await submit(first);
    const b = await submit(second);
    expect(Number(b.split('-').at(-1))).toBe(Number(a.split('-').at(-1)) + 1);
    expect(a).toMatch(/^TEST-2030-1-\d{4,}$/);
    expect((await row(first)).status).toBe('submitted');
    expect((await history(first)).at(-1)).toMatchObject({ from_status: 'draft', to_status: 'submitted' });
    const [audited] = (await t.dataSource.query(`SELECT after FROM audit_event WHERE entity_id = $1 AND action = 'application.submitted'`, [first])) as { after: { referenceNumber: string } }[];
    expect(audited.after.referenceNumber).toBe(a);
    // Read as a draft, but already submitted: nothing changes, not even the book.
    const book = async () => ((await t.dataSource.query('SELECT last_reference_number FROM call WHERE id = $1', [call.callId])) as { last_reference_number: number }[])[0];
    const before = await book();
    expect(await refusal(submit(first))).toBe('INVALID_STATUS_TRANSITION');
    expect(await book()).toEqual(before);
  });
});
