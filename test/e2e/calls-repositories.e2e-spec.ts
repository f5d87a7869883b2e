import type { EntityManager } from 'typeorm';
import { CallsRepository, type NewDraftCall } from '@app/calls/calls.repository';
import { CommissionMembersRepository } from '@app/calls/commission-members.repository';
import { ProgrammesRepository } from '@app/calls/programmes.repository';
import { DomainError } from '@app/core/domain';
import { pragueDate } from '@app/core/time/prague-time';
import { createStaff, unique, type Staff } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const DAY = 86_400_000;

/**
 * calls' repositories against the real database: each writer's rows in and
 * out, and the conditional updates of a call (only a draft changes) — zero
 * rows changed is refused with the error the service would give.
 */
describe('calls repositories (programmes, calls, commission members)', () => {
  let t: TestApp;
  let programmes: ProgrammesRepository;
  let calls: CallsRepository;
  let members: CommissionMembersRepository;
  let officer: Staff;

  beforeAll(async () => {
    t = await createTestApp();
    programmes = t.app.get(ProgrammesRepository);
    calls = t.app.get(CallsRepository);
    members = t.app.get(CommissionMembersRepository);
    officer = await createStaff(t, 'officer');
  });
  // These tests write programmes and calls without the ledger postings the services make; the e2e files share the
  // database and some check the whole ledger against the cached balances, so nothing written here is left behind.
  const created: string[] = [];
  afterAll(async () => {
    if (created.length) {
      await t.dataSource.query('DELETE FROM call WHERE programme_id = ANY($1::uuid[])', [created]);
      await t.dataSource.query('DELETE FROM budget_measure WHERE programme_id = ANY($1::uuid[])', [created]);
      await t.dataSource.query('DELETE FROM programme WHERE id = ANY($1::uuid[])', [created]);
    }
    await t?.close();
  });

  const inTransaction = <T>(work: (m: EntityManager) => Promise<T>) => t.dataSource.transaction(work);
  const code = () => `R${unique().toUpperCase().replace(/[^A-Z0-9]/g, '').slice(-12)}`;
  const refusal = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  };
  const newProgramme = async (appropriationCzk = 1_000_000) => {
    const programme = await inTransaction((m) => programmes.insert(m, { code: code(), name: 'Integrace cizinců', year: 2031, appropriationCzk }));
    created.push(programme.id);
    return programme;
  };
  const draftColumns = (programmeId: string, sequenceInProgramme = 1): NewDraftCall => {
    const now = t.clock.now();
    return {
      programmeId,
      sequenceInProgramme,
      title: 'Podpora integrace',
      announcedOn: pragueDate(now),
      submissionOpensAt: new Date(now.getTime() + 31 * DAY),
      submissionClosesAt: new Date(now.getTime() + 61 * DAY),
      decisionDueOn: pragueDate(new Date(now.getTime() + 120 * DAY)),
      settlementDueOn: pragueDate(new Date(now.getTime() + 400 * DAY)),
      eligibleApplicantKinds: ['ngo'],
      eligibleMeasureCodes: ['33.I'],
      maxApplicationsPerOrganisation: 2,
      minScore: 50,
      quorum: 2,
      maxRequestShareOfCostsPct: 70,
      rankingMethod: 'average',
    };
  };
  const callRow = async (id: string) =>
    (await t.dataSource.query('SELECT status, title, quorum, sequence_in_programme, announced_at FROM call WHERE id = $1', [id]))[0] as {
      status: string;
      title: string;
      quorum: number;
      sequence_in_programme: number;
      announced_at: Date | null;
    };
  const partRows = async (callId: string) =>
    (await t.dataSource.query('SELECT code, name, allocation_czk, min_request_czk, max_request_czk FROM call_part WHERE call_id = $1 ORDER BY code', [callId])) as {
      code: string;
    }[];
  const criterionRows = async (callId: string) =>
    (await t.dataSource.query('SELECT code, name, max_points, position FROM call_criterion WHERE call_id = $1 ORDER BY position', [callId])) as {
      code: string;
    }[];
  const newDraft = async (programmeId: string) =>
    inTransaction(async (m) => {
      const id = await calls.insertDraft(m, draftColumns(programmeId, await calls.nextSequenceInProgramme(m, programmeId)));
      await calls.insertParts(m, id, [
        { code: '2', name: 'Publikace', allocationCzk: 100_000, minRequestCzk: 10_000, maxRequestCzk: 50_000 },
        { code: '1', name: 'Aktivity', allocationCzk: 300_000, minRequestCzk: 20_000, maxRequestCzk: 100_000 },
      ]);
      await calls.insertCriteria(m, id, [
        { code: 'K2', name: 'Potřebnost', maxPoints: 40 },
        { code: 'K1', name: 'Soulad', maxPoints: 60 },
      ]);
      return id;
    });

  describe('ProgrammesRepository', () => {
    it('inserts a programme; its code is unique (PROGRAMME_EXISTS, nothing written)', async () => {
      const programme = await newProgramme(2_500_000);
      const rows = await t.dataSource.query('SELECT code, name, year, appropriation_czk FROM programme WHERE id = $1', [programme.id]);
      expect(rows).toEqual([{ code: programme.code, name: 'Integrace cizinců', year: 2031, appropriation_czk: '2500000' }]);

      const code = await refusal(inTransaction((m) => programmes.insert(m, { code: programme.code, name: 'Again', year: 2031, appropriationCzk: 1 })));
      expect(code).toBe('PROGRAMME_EXISTS');
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM programme WHERE code = $1', [programme.code])).toEqual([{ n: 1 }]);
    });

    it('sets the appropriation and records budget measures, read back oldest first', async () => {
      const programme = await newProgramme(1_000_000);
      await inTransaction(async (m) => {
        await programmes.setAppropriation(m, programme.id, 1_200_000);
        await programmes.insertBudgetMeasure(m, { programmeId: programme.id, amountCzk: 200_000, reference: 'RO 1/2031', reason: 'raise', createdBy: officer.id });
      });
      const second = await inTransaction((m) =>
        programmes.insertBudgetMeasure(m, { programmeId: programme.id, amountCzk: -50_000, reference: 'RO 2/2031', reason: 'cut', createdBy: officer.id }),
      );
      expect((await programmes.find(t.dataSource.manager, programme.id))?.appropriationCzk).toBe(1_200_000);
      const measures = await programmes.budgetMeasuresOf(t.dataSource.manager, programme.id);
      expect(measures.map(({ createdAt: _c, ...m }) => m)).toEqual([
        { id: expect.any(String), amountCzk: 200_000, reference: 'RO 1/2031', reason: 'raise' },
        { id: second, amountCzk: -50_000, reference: 'RO 2/2031', reason: 'cut' },
      ]);
      expect(await t.dataSource.query('SELECT created_by FROM budget_measure WHERE id = $1', [second])).toEqual([{ created_by: officer.id }]);
    });

    it('locks an existing programme; none is NOT_FOUND', async () => {
      const programme = await newProgramme();
      expect((await inTransaction((m) => programmes.lock(m, programme.id))).code).toBe(programme.code);
      expect(await refusal(inTransaction((m) => programmes.lock(m, '00000000-0000-4000-8000-000000000000')))).toBe('NOT_FOUND');
    });

    it('counts only announced calls in what the programme allocates', async () => {
      const programme = await newProgramme();
      const announced = await newDraft(programme.id);
      await newDraft(programme.id);
      expect(await programmes.allocatedByAnnouncedCalls(t.dataSource.manager, programme.id)).toBe(0);
      await inTransaction((m) => calls.markAnnounced(m, announced, t.clock.now()));
      expect(await programmes.allocatedByAnnouncedCalls(t.dataSource.manager, programme.id)).toBe(400_000);
    });
  });

  describe('CallsRepository', () => {
    it('numbers a programme’s calls from 1 and inserts a draft with its parts and criteria (in their order)', async () => {
      const programme = await newProgramme();
      expect(await calls.nextSequenceInProgramme(t.dataSource.manager, programme.id)).toBe(1);
      const first = await newDraft(programme.id);
      expect(await calls.nextSequenceInProgramme(t.dataSource.manager, programme.id)).toBe(2);
      const second = await newDraft(programme.id);

      expect(await callRow(first)).toEqual({ status: 'draft', title: 'Podpora integrace', quorum: 2, sequence_in_programme: 1, announced_at: null });
      expect((await callRow(second)).sequence_in_programme).toBe(2);
      expect(await partRows(first)).toEqual([
        { code: '1', name: 'Aktivity', allocation_czk: '300000', min_request_czk: '20000', max_request_czk: '100000' },
        { code: '2', name: 'Publikace', allocation_czk: '100000', min_request_czk: '10000', max_request_czk: '50000' },
      ]);
      expect(await criterionRows(first)).toEqual([
        { code: 'K2', name: 'Potřebnost', max_points: 40, position: 0 },
        { code: 'K1', name: 'Soulad', max_points: 60, position: 1 },
      ]);
      const view = await calls.viewOf(t.dataSource.manager, first, t.clock.now());
      expect(view).toMatchObject({ status: 'draft', programmeCode: programme.code, totalAllocationCzk: 400_000 });
      expect(view?.criteria.map((c) => c.code)).toEqual(['K2', 'K1']);
      expect(await calls.viewOf(t.dataSource.manager, '00000000-0000-4000-8000-000000000000', t.clock.now())).toBeNull();
    });

    it('inserts no part or criterion when given none', async () => {
      const programme = await newProgramme();
      const id = await newDraft(programme.id);
      await inTransaction(async (m) => {
        await calls.deleteParts(m, id);
        await calls.deleteCriteria(m, id);
        await calls.insertParts(m, id, []);
        await calls.insertCriteria(m, id, []);
      });
      expect(await partRows(id)).toEqual([]);
      expect(await criterionRows(id)).toEqual([]);
    });

    it('changes a draft’s columns and replaces its parts and criteria', async () => {
      const programme = await newProgramme();
      const id = await newDraft(programme.id);
      await inTransaction(async (m) => {
        const { programmeId: _p, sequenceInProgramme: _s, ...columns } = draftColumns(programme.id);
        await calls.updateDraft(m, id, { ...columns, title: 'Nový název', quorum: 3 });
        await calls.deleteParts(m, id);
        await calls.deleteCriteria(m, id);
        await calls.insertParts(m, id, [{ code: '1', name: 'Vše', allocationCzk: 500_000, minRequestCzk: 10_000, maxRequestCzk: 100_000 }]);
        await calls.insertCriteria(m, id, [{ code: 'K9', name: 'Jediné', maxPoints: 100 }]);
      });
      expect(await callRow(id)).toMatchObject({ status: 'draft', title: 'Nový název', quorum: 3 });
      expect((await partRows(id)).map((p) => p.code)).toEqual(['1']);
      expect(await criterionRows(id)).toEqual([{ code: 'K9', name: 'Jediné', max_points: 100, position: 0 }]);
    });

    it('announces a draft once: an announced call is neither announced again nor changed (zero rows → CALL_NOT_EDITABLE)', async () => {
      const programme = await newProgramme();
      const id = await newDraft(programme.id);
      const at = t.clock.now();
      await inTransaction((m) => calls.markAnnounced(m, id, at));
      expect(await callRow(id)).toMatchObject({ status: 'announced', announced_at: at });

      expect(await refusal(inTransaction((m) => calls.markAnnounced(m, id, new Date(at.getTime() + DAY))))).toBe('CALL_NOT_EDITABLE');
      const { programmeId: _p, sequenceInProgramme: _s, ...columns } = draftColumns(programme.id);
      expect(await refusal(inTransaction((m) => calls.updateDraft(m, id, { ...columns, title: 'Too late' })))).toBe('CALL_NOT_EDITABLE');
      expect(await callRow(id)).toMatchObject({ status: 'announced', title: 'Podpora integrace', announced_at: at });
    });

    it('closes the evaluation of an announced call once; a draft or a closed one changes nothing and is refused', async () => {
      const programme = await newProgramme();
      const id = await newDraft(programme.id);
      const at = t.clock.now();
      const closedAt = async () =>
        ((await t.dataSource.query('SELECT evaluation_closed_at FROM call WHERE id = $1', [id])) as { evaluation_closed_at: Date | null }[])[0].evaluation_closed_at;
      await expect(inTransaction((m) => calls.markEvaluationClosed(m, id, at))).rejects.toThrow('is not an announced call with its evaluation open');
      expect(await closedAt()).toBeNull();
      await inTransaction((m) => calls.markAnnounced(m, id, at));
      await inTransaction((m) => calls.markEvaluationClosed(m, id, at));
      expect(await closedAt()).toEqual(at);
      await expect(inTransaction((m) => calls.markEvaluationClosed(m, id, new Date(at.getTime() + DAY)))).rejects.toThrow('is not an announced call');
      expect(await closedAt()).toEqual(at);
    });

    it('a call that does not exist: NOT_FOUND to lock, zero rows to change', async () => {
      const none = '00000000-0000-4000-8000-000000000000';
      expect(await refusal(inTransaction((m) => calls.lock(m, none)))).toBe('NOT_FOUND');
      expect(await calls.find(t.dataSource.manager, none)).toBeNull();
      expect(await refusal(inTransaction((m) => calls.markAnnounced(m, none, t.clock.now())))).toBe('CALL_NOT_EDITABLE');
    });

    it('reads the parts’ allocations by code (what the ledger books)', async () => {
      const programme = await newProgramme();
      const id = await newDraft(programme.id);
      expect(await calls.partAllocationsOf(t.dataSource.manager, id)).toEqual([
        { id: expect.any(String), code: '1', allocationCzk: 300_000 },
        { id: expect.any(String), code: '2', allocationCzk: 100_000 },
      ]);
    });

    it('pages calls, drafts only when asked', async () => {
      const programme = await newProgramme();
      const draft = await newDraft(programme.id);
      const announced = await newDraft(programme.id);
      await inTransaction((m) => calls.markAnnounced(m, announced, t.clock.now()));
      const all = await calls.page(t.dataSource.manager, { includeDrafts: true }, 1, 1000, t.clock.now());
      const public_ = await calls.page(t.dataSource.manager, { includeDrafts: false }, 1, 1000, t.clock.now());
      expect(all.items.map((c) => c.id)).toEqual(expect.arrayContaining([draft, announced]));
      expect(public_.items.map((c) => c.id)).toContain(announced);
      expect(public_.items.map((c) => c.id)).not.toContain(draft);
      expect(public_.items.every((c) => c.status !== 'draft')).toBe(true);
      expect(all.total).toBeGreaterThan(public_.total);
    });
  });

  describe('CommissionMembersRepository', () => {
    let callId: string;
    let anna: Staff;
    let zdenek: Staff;

    beforeAll(async () => {
      callId = await newDraft((await newProgramme()).id);
      [anna, zdenek] = [await createStaff(t, 'commission'), await createStaff(t, 'commission')];
      await t.dataSource.query('UPDATE user_account SET full_name = $2 WHERE id = $1', [anna.id, 'Anna Čermáková']);
      await t.dataSource.query('UPDATE user_account SET full_name = $2 WHERE id = $1', [zdenek.id, 'Zdeněk Adámek']);
    });

    const rows = async () =>
      (await t.dataSource.query('SELECT user_id, is_chair FROM commission_member WHERE call_id = $1 ORDER BY user_id', [callId])) as {
        user_id: string;
        is_chair: boolean;
      }[];

    it('reads the roles of the users that exist', async () => {
      const none = '00000000-0000-4000-8000-000000000000';
      const roles = await members.rolesOf(t.dataSource.manager, [anna.id, officer.id, none, anna.id]);
      expect(roles).toEqual(new Map([[anna.id, 'commission'], [officer.id, 'officer']]));
      expect(await members.rolesOf(t.dataSource.manager, [])).toEqual(new Map());
    });

    it('inserts the members with their chair, read back chair first', async () => {
      await inTransaction((m) => members.insertMembers(m, callId, [anna.id, zdenek.id], zdenek.id));
      expect(await rows()).toEqual(
        [
          { user_id: anna.id, is_chair: false },
          { user_id: zdenek.id, is_chair: true },
        ].sort((a, b) => a.user_id.localeCompare(b.user_id)),
      );
      expect(await members.membersOf(t.dataSource.manager, callId)).toEqual([
        { userId: zdenek.id, fullName: 'Zdeněk Adámek', email: zdenek.email, chair: true },
        { userId: anna.id, fullName: 'Anna Čermáková', email: anna.email, chair: false },
      ]);
      expect(await members.isMember(t.dataSource.manager, callId, anna.id)).toBe(true);
      expect(await members.isMember(t.dataSource.manager, callId, officer.id)).toBe(false);
    });

    it('replaces the members: deletes them all, then inserts the new ones', async () => {
      await inTransaction(async (m) => {
        await members.deleteMembers(m, callId);
        await members.insertMembers(m, callId, [anna.id], anna.id);
      });
      expect(await rows()).toEqual([{ user_id: anna.id, is_chair: true }]);
      await inTransaction((m) => members.deleteMembers(m, callId));
      expect(await rows()).toEqual([]);
      expect(await members.membersOf(t.dataSource.manager, callId)).toEqual([]);
    });
  });
});
