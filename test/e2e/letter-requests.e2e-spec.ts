import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { LETTER_RENDER_TOPIC, LetterRequests, type LetterRequest } from '@app/letters/letter-requests.repository';
import { submitApplication, type Submitted } from '../support/evaluation';
import { createCast, createDraft, openCall, registerApplicant, type Applicant, type Cast, type OpenCall } from '../support/factories';
import { rolledBack as rolledBackIn } from '../support/rolled-back';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * letters' request (LetterRequests.request) against the real database: in
 * the caller's transaction, the `letter` row (queued, its kind, the snapshot
 * of the view letter_subject with decidedAt and the decision merged in) and
 * its outbox row for the relay, in one statement. Every request runs in a
 * transaction that is rolled back: the e2e files share the database, and a
 * letter or outbox row no decision wrote must not be left behind.
 */
describe('LetterRequests', () => {
  let t: TestApp;
  let cast: Cast;
  let applicant: Applicant;
  let call: OpenCall;
  let submitted: Submitted;
  let draft: string;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    applicant = await registerApplicant(t);
    call = await openCall(t, cast.officer.token);
    submitted = await submitApplication(t, applicant, call);
    draft = (await createDraft(t, applicant.token, call, { partCode: '2', title: 'Brožura pro rodiče' })).id;
  });
  afterAll(() => t?.close());

  const letters = () => t.app.get(LetterRequests);

  const rolledBack = <T>(work: (m: EntityManager) => Promise<T>) => rolledBackIn(t.dataSource, work);

  const lettersOf = (m: EntityManager, applicationId: string) =>
    m.query(`SELECT id, application_id, kind, status, data, created_at, sha256, ready_at FROM letter WHERE application_id = $1 ORDER BY created_at, id`, [applicationId]) as Promise<
      { id: string; application_id: string; kind: string; status: string; data: Record<string, unknown>; created_at: Date; sha256: string | null; ready_at: Date | null }[]
    >;
  const outboxOf = (m: EntityManager, letterId: string) =>
    m.query(`SELECT topic, payload, created_at, sent_at FROM outbox_message WHERE payload->>'letterId' = $1 ORDER BY id`, [letterId]) as Promise<
      { topic: string; payload: unknown; created_at: Date; sent_at: Date | null }[]
    >;
  const outboxCount = async (m: EntityManager) => Number(((await m.query('SELECT count(*) AS n FROM outbox_message')) as { n: string }[])[0].n);
  const letterCount = async (m: EntityManager) => Number(((await m.query('SELECT count(*) AS n FROM letter')) as { n: string }[])[0].n);

  /** What the snapshot says of the recipient and the application, from their rows. */
  const expectedSubject = async (m: EntityManager, applicationId: string) => {
    const [r] = (await m.query(
      `SELECT o.name, o.ico, o.street, o.city, o.postal_code, a.title, a.reference_number, a.submitted_at, a.requested_czk, cp.code, cp.name AS part_name,
              c.title AS call_title, c.settlement_due_on::text AS settlement_due_on, p.name AS programme_name
         FROM application a JOIN organisation o ON o.id = a.organisation_id JOIN call_part cp ON cp.id = a.call_part_id
         JOIN call c ON c.id = a.call_id JOIN programme p ON p.id = c.programme_id WHERE a.id = $1`,
      [applicationId],
    )) as {
      name: string;
      ico: string;
      street: string;
      city: string;
      postal_code: string;
      title: string;
      reference_number: string | null;
      submitted_at: Date | null;
      requested_czk: string;
      code: string;
      part_name: string;
      call_title: string;
      settlement_due_on: string;
      programme_name: string;
    }[];
    return {
      recipient: { name: r.name, ico: r.ico, street: r.street, city: r.city, postalCode: r.postal_code },
      application: {
        id: applicationId,
        referenceNumber: r.reference_number,
        title: r.title,
        submittedAt: r.submitted_at,
        requestedCzk: Number(r.requested_czk),
      },
      part: { code: r.code, name: r.part_name },
      // The call's settlement deadline: an approval prints it (the contract copies it later).
      call: { id: call.callId, title: r.call_title, settlementDueOn: r.settlement_due_on },
      programme: { code: call.programmeCode, name: r.programme_name, year: call.year },
    };
  };
  /** jsonb's instants are strings: compared as instants. */
  const instant = (value: unknown) => (value === null ? null : new Date(value as string).getTime());

  const request = (over: Partial<LetterRequest> = {}): LetterRequest => ({
    applicationId: submitted.id,
    kind: 'correction_request',
    decidedAt: new Date('2030-02-03T10:11:12.345Z'),
    decision: { result: 'correction_requested', reasons: ['Chybí stanovy', 'Chybí rozpočet'], correctionDueOn: '2030-02-13' },
    ...over,
  });

  it('queues the letter (queued, its kind, the snapshot with decidedAt and the decision) and its outbox row, in the caller’s transaction', async () => {
    const r = request();
    const { id, rows, outbox, subject } = await rolledBack(async (m) => {
      const id = await letters().request(m, r);
      return { id, rows: await lettersOf(m, submitted.id), outbox: await outboxOf(m, id), subject: await expectedSubject(m, submitted.id) };
    });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rows).toHaveLength(1);
    const [letter] = rows;
    const { data, ...columns } = letter;
    expect(columns).toEqual({ id, application_id: submitted.id, kind: 'correction_request', status: 'queued', created_at: r.decidedAt, sha256: null, ready_at: null });
    // The snapshot: the view's fields, with decidedAt and the decision merged in.
    const { decidedAt, application, ...rest } = data as { decidedAt: string; application: Record<string, unknown> } & Record<string, unknown>;
    expect(instant(decidedAt)).toBe(r.decidedAt.getTime());
    expect({ ...application, submittedAt: instant(application.submittedAt) }).toEqual({
      ...subject.application,
      referenceNumber: submitted.referenceNumber,
      submittedAt: new Date(submitted.submittedAt).getTime(),
      requestedCzk: submitted.requestedCzk,
    });
    expect(rest).toEqual({ recipient: subject.recipient, part: subject.part, call: subject.call, programme: subject.programme, decision: r.decision });
    expect(subject.part.code).toBe('1');
    expect(outbox).toEqual([{ topic: LETTER_RENDER_TOPIC, payload: { letterId: id }, created_at: r.decidedAt, sent_at: null }]);
    expect(LETTER_RENDER_TOPIC).toBe('letter.render');
    // Rolled back with the transaction.
    expect(await rolledBack((m) => lettersOf(m, submitted.id))).toEqual([]);
    expect(await rolledBack((m) => outboxOf(m, id))).toEqual([]);
  });

  it('takes the snapshot from letter_subject as it is: the same data the view gives, for a draft too (no number, no receipt time)', async () => {
    const r = request({ applicationId: draft, kind: 'rejection', decision: { reasons: ['x'] } });
    const { rows, view } = await rolledBack(async (m) => {
      await letters().request(m, r);
      const [v] = (await m.query('SELECT data FROM letter_subject WHERE application_id = $1', [draft])) as { data: Record<string, unknown> }[];
      return { rows: await lettersOf(m, draft), view: v.data };
    });
    expect(rows).toHaveLength(1);
    const { decidedAt, decision, ...snapshot } = rows[0].data;
    expect(snapshot).toEqual(view);
    expect(decision).toEqual({ reasons: ['x'] });
    expect(instant(decidedAt)).toBe(r.decidedAt.getTime());
    expect(snapshot).toMatchObject({ application: { id: draft, referenceNumber: null, submittedAt: null, title: 'Brožura pro rodiče' }, part: { code: '2' } });
    expect(rows[0]).toMatchObject({ kind: 'rejection', status: 'queued' });
  });

  it('each request is a letter of its own with its own outbox row', async () => {
    const { ids, rows, outboxes } = await rolledBack(async (m) => {
      const ids = [await letters().request(m, request()), await letters().request(m, request({ kind: 'ineligible', decision: { result: 'ineligible', reasons: ['y'] } }))];
      return { ids, rows: await lettersOf(m, submitted.id), outboxes: [await outboxOf(m, ids[0]), await outboxOf(m, ids[1])] };
    });
    expect(ids[0]).not.toBe(ids[1]);
    expect(rows.map((l) => [l.id, l.kind]).sort()).toEqual(
      [
        [ids[0], 'correction_request'],
        [ids[1], 'ineligible'],
      ].sort(),
    );
    expect(outboxes.map((o) => o.map((x) => x.payload))).toEqual([[{ letterId: ids[0] }], [{ letterId: ids[1] }]]);
  });

  it('refuses to run outside a transaction, and writes nothing', async () => {
    const before = await rolledBack(async (m) => [await letterCount(m), await outboxCount(m)]);
    await expect(letters().request(t.dataSource.manager, request())).rejects.toThrow('A letter is queued inside the transaction of its decision');
    expect(await rolledBack(async (m) => [await letterCount(m), await outboxCount(m)])).toEqual(before);
    expect(await rolledBack((m) => lettersOf(m, submitted.id))).toEqual([]);
  });

  it('an unknown application: throws, and writes neither a letter nor an outbox row', async () => {
    const unknown = randomUUID();
    const { error, before, after } = await rolledBack(async (m) => {
      const before = [await letterCount(m), await outboxCount(m)];
      const error = await letters()
        .request(m, request({ applicationId: unknown }))
        .then(
          () => null,
          (e: unknown) => e,
        );
      // Read in the same transaction: the statement inserted nothing, not even the outbox row.
      return { error, before, after: [await letterCount(m), await outboxCount(m)] };
    });
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toContain(unknown);
    expect(after).toEqual(before);
  });
});
