import { pragueDate } from '@app/core/time/prague-time';
import { asOwner } from '../support/db';
import { createTestApp, type TestApp } from '../support/test-app';
import { applicationBody, createCast, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import { auditOf, formalCheck, getApplication, setUpEvaluation, type Submitted } from '../support/evaluation';

const DAY = 86_400_000;

interface LetterRow {
  id: string;
  kind: string;
  status: string;
  decision: Record<string, unknown>;
  topic: string | null;
  payload: Record<string, unknown> | null;
  sentAt: Date | null;
}

/** The application's letters with their outbox messages, oldest first, read as the database owner. */
function lettersOf(applicationId: string): Promise<LetterRow[]> {
  return asOwner(async (c) => {
    const { rows } = await c.query<LetterRow>(
      `SELECT l.id, l.kind, l.status, l.data->'decision' AS decision, o.topic, o.payload, o.sent_at AS "sentAt"
         FROM letter l LEFT JOIN outbox_message o ON o.payload->>'letterId' = l.id::text
        WHERE l.application_id = $1 ORDER BY l.created_at, l.id`,
      [applicationId],
    );
    return rows;
  });
}

describe('formal check', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const officer = () => cast.officer.token;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const submit = (a: Submitted) => t.http.post(`${API}/applications/${a.id}/submit`).set(bearer(a.applicant.token));
  const dayAfterToday = (days: number) => pragueDate(new Date(t.clock.now().getTime() + days * DAY));

  /** Three submitted applications, the window just closed, nothing checked yet. */
  const submittedThree = () => setUpEvaluation(t, officer(), { applications: 3, members: 0, eligible: false });

  it('eligible, ineligible with reasons, or correction requested: status, history, the check, a letter for the applicant, an audit event', async () => {
    const {
      applications: [a, b, c],
    } = await submittedThree();
    const checkedAt = t.clock.now().toISOString();
    const due = dayAfterToday(7);

    const eligible = await formalCheck(t, officer(), a.id, { result: 'eligible', reasons: [] });
    expect(eligible.status).toBe(200);
    expect(eligible.body).toMatchObject({ id: a.id, status: 'eligible', referenceNumber: a.referenceNumber, submittedAt: a.submittedAt, correctionDueOn: null });
    expect(eligible.body.formalChecks).toEqual([{ result: 'eligible', reasons: [], correctionDueOn: null, checkedAt, checkedBy: cast.officer.id }]);
    expect(eligible.body.statusHistory.at(-1)).toEqual({ from: 'submitted', to: 'eligible', at: checkedAt, by: cast.officer.id, reason: null });

    const ineligible = await formalCheck(t, officer(), b.id, {
      result: 'ineligible',
      reasons: ['  Chybí stanovy organizace ', 'Rozpočet není podepsán'],
    });
    expect(ineligible.status).toBe(200);
    expect(ineligible.body).toMatchObject({ status: 'ineligible', correctionDueOn: null });
    expect(ineligible.body.formalChecks).toEqual([
      { result: 'ineligible', reasons: ['Chybí stanovy organizace', 'Rozpočet není podepsán'], correctionDueOn: null, checkedAt, checkedBy: cast.officer.id },
    ]);
    expect(ineligible.body.statusHistory.at(-1)).toMatchObject({
      from: 'submitted',
      to: 'ineligible',
      by: cast.officer.id,
      reason: 'Chybí stanovy organizace; Rozpočet není podepsán',
    });

    const correction = await formalCheck(t, officer(), c.id, {
      result: 'correction_requested',
      reasons: ['Doplňte podpis statutárního zástupce'],
      correctionDueOn: due,
    });
    expect(correction.status).toBe(200);
    expect(correction.body).toMatchObject({ status: 'correction_requested', correctionDueOn: due, referenceNumber: c.referenceNumber });
    expect(correction.body.formalChecks).toEqual([
      { result: 'correction_requested', reasons: ['Doplňte podpis statutárního zástupce'], correctionDueOn: due, checkedAt, checkedBy: cast.officer.id },
    ]);
    // The applicant sees the request and its deadline.
    const seen = await getApplication(t, c.applicant.token, c.id);
    expect(seen.body).toMatchObject({ status: 'correction_requested', correctionDueOn: due });

    // Letters: ineligible → 'ineligible', correction → 'correction_request', eligible → none; each queued with its outbox message.
    expect(await lettersOf(a.id)).toEqual([]);
    const [ineligibleLetter, ...moreB] = await lettersOf(b.id);
    expect(moreB).toEqual([]);
    expect(ineligibleLetter).toMatchObject({
      kind: 'ineligible',
      status: 'queued',
      decision: { result: 'ineligible', reasons: ['Chybí stanovy organizace', 'Rozpočet není podepsán'], correctionDueOn: null },
      topic: 'letter.render',
      payload: { letterId: ineligibleLetter.id },
      sentAt: null,
    });
    const [correctionLetter, ...moreC] = await lettersOf(c.id);
    expect(moreC).toEqual([]);
    expect(correctionLetter).toMatchObject({
      kind: 'correction_request',
      status: 'queued',
      decision: { result: 'correction_requested', reasons: ['Doplňte podpis statutárního zástupce'], correctionDueOn: due },
      topic: 'letter.render',
      payload: { letterId: correctionLetter.id },
    });

    // Audited: who, what before and after, and the letter.
    for (const [app, after] of [
      [a, { status: 'eligible', reasons: [], correctionDueOn: null, letterId: null }],
      [b, { status: 'ineligible', reasons: ['Chybí stanovy organizace', 'Rozpočet není podepsán'], correctionDueOn: null, letterId: ineligibleLetter.id }],
      [c, { status: 'correction_requested', reasons: ['Doplňte podpis statutárního zástupce'], correctionDueOn: due, letterId: correctionLetter.id }],
    ] as const) {
      const events = await auditOf(t, cast.budget.token, 'application', app.id);
      expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(['application.formal_check', 'application.submitted', 'application.created']);
      expect(events.body.items[0]).toMatchObject({
        actorUserId: cast.officer.id,
        actorRole: 'officer',
        before: { status: 'submitted', correctionDueOn: null },
        after,
      });
    }
  });

  it('a correction is re-submitted by the applicant until the due date (Prague), keeping its reference number and receipt time', async () => {
    const {
      applications: [a],
    } = await setUpEvaluation(t, officer(), { applications: 1, members: 0, eligible: false });
    const due = dayAfterToday(3);
    await formalCheck(t, officer(), a.id, { result: 'correction_requested', reasons: ['Rozpočet neodpovídá popisu'], correctionDueOn: due }).expect(200);

    const edited = await t.http
      .patch(`${API}/applications/${a.id}`)
      .set(bearer(a.applicant.token))
      .send({ budgetLines: [{ category: 'Osobní náklady', description: 'Lektorka češtiny', totalCzk: 200_000, requestedCzk: 140_000 }] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'correction_requested', requestedCzk: 140_000, totalCostCzk: 200_000 });

    // 21:30 UTC of the due date is 22:30 or 23:30 in Prague: still the due date there.
    t.clock.set(new Date(`${due}T21:30:00Z`));
    expect(pragueDate(t.clock.now())).toBe(due);
    // The officer cannot decide while the applicant may still correct.
    expectProblem(await formalCheck(t, officer(), a.id, { result: 'eligible', reasons: [] }), 409, 'INVALID_STATUS_TRANSITION');

    const resubmitted = await submit(a);
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toEqual({ id: a.id, status: 'submitted', referenceNumber: a.referenceNumber, submittedAt: a.submittedAt });

    const view = await getApplication(t, cast.officer.token, a.id);
    expect(view.body).toMatchObject({ status: 'submitted', referenceNumber: a.referenceNumber, correctionDueOn: null, requestedCzk: 140_000 });
    expect(view.body.statusHistory.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
      [null, 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'correction_requested'],
      ['correction_requested', 'submitted'],
    ]);
    expectProblem(
      await t.http.patch(`${API}/applications/${a.id}`).set(bearer(a.applicant.token)).send({ title: 'Ještě změna' }),
      409,
      'APPLICATION_NOT_EDITABLE',
    );

    const checked = await formalCheck(t, officer(), a.id, { result: 'eligible', reasons: [] });
    expect(checked.status).toBe(200);
    expect(checked.body.status).toBe('eligible');
    expect(checked.body.formalChecks.map((f: { result: string }) => f.result)).toEqual(['correction_requested', 'eligible']);
  });

  it('after the due date the applicant can no longer re-submit (409 SUBMISSION_WINDOW_CLOSED); the officer decides on it as it is', async () => {
    const {
      applications: [a],
    } = await setUpEvaluation(t, officer(), { applications: 1, members: 0, eligible: false });
    const due = dayAfterToday(2);
    await formalCheck(t, officer(), a.id, { result: 'correction_requested', reasons: ['Chybí příloha'], correctionDueOn: due }).expect(200);

    // 23:30 UTC of the due date is already the next day in Prague.
    t.clock.set(new Date(`${due}T23:30:00Z`));
    expect(pragueDate(t.clock.now())).not.toBe(due);
    const late = expectProblem(await submit(a), 409, 'SUBMISSION_WINDOW_CLOSED');
    expect(late.detail).toContain(due);
    expect((await getApplication(t, a.applicant.token, a.id)).body).toMatchObject({ status: 'correction_requested', referenceNumber: a.referenceNumber });

    const decided = await formalCheck(t, officer(), a.id, { result: 'ineligible', reasons: ['Vady nebyly ve lhůtě odstraněny'] });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'ineligible', correctionDueOn: null });
    expect(decided.body.statusHistory.at(-1)).toMatchObject({ from: 'correction_requested', to: 'ineligible' });
    expect((await lettersOf(a.id)).map((l) => [l.kind, l.status])).toEqual([
      ['correction_request', 'queued'],
      ['ineligible', 'queued'],
    ]);
  });

  it('after the due date the applicant can no longer edit the application (409 APPLICATION_NOT_EDITABLE)', async () => {
    const {
      applications: [a],
    } = await setUpEvaluation(t, officer(), { applications: 1, members: 0, eligible: false });
    const due = dayAfterToday(2);
    await formalCheck(t, officer(), a.id, { result: 'correction_requested', reasons: ['Chybí příloha'], correctionDueOn: due }).expect(200);
    t.clock.set(new Date(`${due}T23:30:00Z`));

    const late = await t.http.patch(`${API}/applications/${a.id}`).set(bearer(a.applicant.token)).send({ title: 'Opraveno po lhůtě' });
    expectProblem(late, 409, 'APPLICATION_NOT_EDITABLE');
    expect((await getApplication(t, a.applicant.token, a.id)).body.title).toBe('Čeština pro rodiče dětí cizinců');
  });

  it('two officers checking the same application at once: one check wins, the other is 409 INVALID_STATUS_TRANSITION; one letter', async () => {
    const {
      applications: [a],
    } = await setUpEvaluation(t, officer(), { applications: 1, members: 0, eligible: false });
    const results = await Promise.all([
      formalCheck(t, officer(), a.id, { result: 'ineligible', reasons: ['Chybí stanovy'] }),
      formalCheck(t, officer(), a.id, { result: 'ineligible', reasons: ['Chybí rozpočet'] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expectProblem(results.find((r) => r.status === 409)!, 409, 'INVALID_STATUS_TRANSITION');
    expect((await lettersOf(a.id)).map((l) => l.kind)).toEqual(['ineligible']);
    expect((await getApplication(t, cast.officer.token, a.id)).body.formalChecks).toHaveLength(1);
  });

  describe('refusals', () => {
    it('only once the window has closed (409 FORMAL_CHECK_NOT_OPEN), from the exact instant', async () => {
      const { terms, applications } = await setUpEvaluation(t, officer(), { applications: 1, members: 0, closeWindow: false });
      const [a] = applications;
      const early = expectProblem(await formalCheck(t, officer(), a.id, { result: 'eligible', reasons: [] }), 409, 'FORMAL_CHECK_NOT_OPEN');
      expect(early.errors.map((e) => e.code)).toEqual(['FORMAL_CHECK_NOT_OPEN']);
      t.clock.set(new Date(terms.submissionClosesAt.getTime() - 1));
      expectProblem(await formalCheck(t, officer(), a.id, { result: 'eligible', reasons: [] }), 409, 'FORMAL_CHECK_NOT_OPEN');
      t.clock.set(terms.submissionClosesAt);
      expect((await formalCheck(t, officer(), a.id, { result: 'eligible', reasons: [] })).status).toBe(200);
    });

    it('INVALID_STATUS_TRANSITION: an application already checked, or returned for correction and still within its due date', async () => {
      const {
        applications: [a, b, c],
      } = await submittedThree();
      await formalCheck(t, officer(), a.id, { result: 'eligible', reasons: [] }).expect(200);
      await formalCheck(t, officer(), b.id, { result: 'ineligible', reasons: ['Nezpůsobilý žadatel'] }).expect(200);
      const due = dayAfterToday(5);
      await formalCheck(t, officer(), c.id, { result: 'correction_requested', reasons: ['Chybí podpis'], correctionDueOn: due }).expect(200);

      expectProblem(await formalCheck(t, officer(), a.id, { result: 'ineligible', reasons: ['Změna názoru'] }), 409, 'INVALID_STATUS_TRANSITION');
      expectProblem(await formalCheck(t, officer(), b.id, { result: 'eligible', reasons: [] }), 409, 'INVALID_STATUS_TRANSITION');
      const pending = expectProblem(await formalCheck(t, officer(), c.id, { result: 'eligible', reasons: [] }), 409, 'INVALID_STATUS_TRANSITION');
      expect(pending.detail).toContain(due);
      // Nothing changed, and the refusals wrote no letter and no event.
      expect((await getApplication(t, cast.officer.token, a.id)).body.status).toBe('eligible');
      expect((await getApplication(t, cast.officer.token, b.id)).body.status).toBe('ineligible');
      expect((await getApplication(t, cast.officer.token, c.id)).body).toMatchObject({ status: 'correction_requested', correctionDueOn: due });
      expect((await lettersOf(b.id)).map((l) => l.kind)).toEqual(['ineligible']);
      expect((await lettersOf(c.id)).map((l) => l.kind)).toEqual(['correction_request']);
      for (const app of [a, b, c]) {
        const events = await auditOf(t, cast.budget.token, 'application', app.id);
        expect(events.body.items.filter((e: { action: string }) => e.action === 'application.formal_check')).toHaveLength(1);
      }
    });

    it('a withdrawn application cannot be checked (409 INVALID_STATUS_TRANSITION); a draft or an unknown id is not found', async () => {
      const {
        applications: [a],
        call,
      } = await setUpEvaluation(t, officer(), { applications: 1, members: 0, eligible: false, closeWindow: false });
      await t.http.post(`${API}/applications/${a.id}/withdraw`).set(bearer(a.applicant.token)).send({}).expect(200);
      const draft = await t.http
        .post(`${API}/applications`)
        .set(bearer(a.applicant.token))
        .send(applicationBody(call));
      expect(draft.status).toBe(201);
      t.clock.advanceDays(40);
      expectProblem(await formalCheck(t, officer(), a.id, { result: 'eligible', reasons: [] }), 409, 'INVALID_STATUS_TRANSITION');
      expectProblem(await formalCheck(t, officer(), draft.body.id, { result: 'eligible', reasons: [] }), 404, 'NOT_FOUND');
      expectProblem(await formalCheck(t, officer(), '00000000-0000-4000-8000-000000000000', { result: 'eligible', reasons: [] }), 404, 'NOT_FOUND');
    });

    it.each([
      ['ineligible without reasons', { result: 'ineligible', reasons: [] }, ['reasons']],
      ['ineligible with a blank reason only', { result: 'ineligible', reasons: ['   '] }, ['reasons[0]', 'reasons']],
      ['correction without a due date', { result: 'correction_requested', reasons: ['Chybí podpis'] }, ['correctionDueOn']],
      ['correction without defects', { result: 'correction_requested', reasons: [], correctionDueOn: 'IN_5_DAYS' }, ['reasons']],
      ['correction due today', { result: 'correction_requested', reasons: ['Chybí podpis'], correctionDueOn: 'TODAY' }, ['correctionDueOn']],
      ['correction due yesterday', { result: 'correction_requested', reasons: ['Chybí podpis'], correctionDueOn: 'YESTERDAY' }, ['correctionDueOn']],
      ['correction due on an impossible date', { result: 'correction_requested', reasons: ['Chybí podpis'], correctionDueOn: '2031-02-30' }, ['correctionDueOn']],
      ['eligible with a due date', { result: 'eligible', reasons: [], correctionDueOn: 'IN_5_DAYS' }, ['correctionDueOn']],
      ['an unknown result', { result: 'maybe', reasons: [] }, ['result']],
      ['no reasons list', { result: 'eligible' }, ['reasons']],
    ])('%s: 400 VALIDATION_FAILED naming the fields; nothing changes', async (_label, body, fields) => {
      const {
        applications: [a],
      } = await setUpEvaluation(t, officer(), { applications: 1, members: 0, eligible: false });
      const dates: Record<string, string> = { IN_5_DAYS: dayAfterToday(5), TODAY: dayAfterToday(0), YESTERDAY: dayAfterToday(-1) };
      const sent: Record<string, unknown> = { ...body };
      if (typeof sent.correctionDueOn === 'string' && sent.correctionDueOn in dates) sent.correctionDueOn = dates[sent.correctionDueOn];

      const problem = expectProblem(await formalCheck(t, officer(), a.id, sent), 400, 'VALIDATION_FAILED');
      expect([...new Set(problem.errors.map((e) => e.field))].sort()).toEqual([...fields].sort());
      expect((await getApplication(t, cast.officer.token, a.id)).body).toMatchObject({ status: 'submitted', formalChecks: [] });
      expect(await lettersOf(a.id)).toEqual([]);
    });

    it('every field problem at once', async () => {
      const {
        applications: [a],
      } = await setUpEvaluation(t, officer(), { applications: 1, members: 0, eligible: false });
      const problem = expectProblem(await formalCheck(t, officer(), a.id, { result: 'correction_requested', reasons: [] }), 400, 'VALIDATION_FAILED');
      expect(problem.errors.map((e) => e.field).sort()).toEqual(['correctionDueOn', 'reasons']);
    });
  });
});
