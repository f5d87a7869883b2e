import { ApplicationLifecycle } from '@app/applications';
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

  it('sets and clears what changes with the status: the correction due date, the proposal', async () => {
    const id = await draft();
    await t.dataSource.query(`UPDATE application SET status = 'submitted', proposed_czk = 1000 WHERE id = $1`, [id]);
    await t.dataSource.transaction((m) =>
      lifecycle.changeStatus(m, { applicationId: id, from: 'submitted', to: 'correction_requested', at: t.clock.now(), by: by() }, { correctionDueOn: '2030-01-31' }),
    );
    expect(await row(id)).toEqual({ status: 'correction_requested', correction_due_on: '2030-01-31', proposed_czk: '1000' });
    await t.dataSource.transaction((m) =>
      lifecycle.changeStatus(m, { applicationId: id, from: 'correction_requested', to: 'withdrawn', at: t.clock.now(), by: by() }, { correctionDueOn: null, clearProposal: true }),
    );
    expect(await row(id)).toEqual({ status: 'withdrawn', correction_due_on: null, proposed_czk: null });
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
            { applicationId: c, from: 'eligible', to: 'not_recommended', clearProposal: true },
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
          { applicationId: b, from: 'eligible', to: 'not_recommended', clearProposal: true },
        ],
        common,
      ),
    );
    expect(await row(a)).toMatchObject({ status: 'recommended', proposed_czk: '5000' });
    expect(await row(b)).toMatchObject({ status: 'not_recommended', proposed_czk: null });
    expect((await history(b)).at(-1)).toEqual({ from_status: 'eligible', to_status: 'not_recommended', changed_by: by(), reason: 'evaluation closed' });
  });
});
