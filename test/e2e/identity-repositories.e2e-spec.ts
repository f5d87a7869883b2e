import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { uniqueViolation } from '@app/core';
import { AffiliationsRepository } from '@app/identity/affiliations.repository';
import { BankAccountRequestsRepository } from '@app/identity/bank-account-requests.repository';
import { OrganisationsRepository, type NewOrganisation } from '@app/identity/organisations.repository';
import { UsersRepository, type NewUserAccount } from '@app/identity/users.repository';
import { PasswordResetsRepository } from '@app/identity/password-resets.repository';
import { rolledBack } from '../support/rolled-back';
import { unique, uniqueIco } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * identity's repositories against the real database: rows in, rows out, and
 * what the service relies on — the unique constraints it maps to 409s, the
 * row lock of setAffiliations, the advisory lock of the admin's bootstrap.
 */
/** When a test organisation's bank account counts as registered from. */
const REGISTERED_AT = new Date('2026-01-05T09:00:00Z');

describe('identity repositories', () => {
  let t: TestApp;
  let users: UsersRepository;
  let organisations: OrganisationsRepository;
  let affiliations: AffiliationsRepository;
  let resets: PasswordResetsRepository;

  beforeAll(async () => {
    t = await createTestApp();
    users = t.app.get(UsersRepository);
    organisations = t.app.get(OrganisationsRepository);
    affiliations = t.app.get(AffiliationsRepository);
    resets = t.app.get(PasswordResetsRepository);
  });
  afterAll(() => t?.close());

  const inTransaction = <T>(work: (m: EntityManager) => Promise<T>) => t.dataSource.transaction(work);
  const failure = (work: Promise<unknown>) =>
    work.then(
      () => {
        throw new Error('expected the statement to fail');
      },
      (e: unknown) => e,
    );

  const newOrganisation = (overrides: Partial<NewOrganisation> = {}): NewOrganisation => ({
    kind: 'ngo',
    name: `Spolek ${unique()}, z. s.`,
    ico: uniqueIco(),
    legalForm: null,
    street: 'Žitná 1',
    city: 'Praha 2',
    postalCode: '120 00',
    bankAccount: null,
    ...overrides,
  });
  const newUser = (overrides: Partial<NewUserAccount> = {}): NewUserAccount => ({
    email: `repo-${unique()}@praha.eu`,
    passwordHash: '$argon2id$not-a-real-hash',
    fullName: 'Repo Test',
    role: 'commission',
    organisationId: null,
    ...overrides,
  });

  describe('OrganisationsRepository', () => {
    it('inserts an organisation and reads it back by id', async () => {
      const input = newOrganisation({ kind: 'district', legalForm: 'městská část', bankAccount: '19-2000145399/0800' });
      const inserted = await inTransaction((m) => organisations.insert(m, input, REGISTERED_AT));
      expect(inserted).toMatchObject({ ...input, id: expect.any(String), createdAt: expect.any(Date) });
      const [row] = await t.dataSource.query('SELECT kind, name, ico, legal_form, street, city, postal_code, bank_account FROM organisation WHERE id = $1', [inserted.id]);
      expect(row).toEqual({
        kind: 'district',
        name: input.name,
        ico: input.ico,
        legal_form: 'městská část',
        street: 'Žitná 1',
        city: 'Praha 2',
        postal_code: '120 00',
        bank_account: '19-2000145399/0800',
      });
      expect(await organisations.findById(t.dataSource.manager, inserted.id)).toMatchObject({ id: inserted.id, ico: input.ico });
      expect(await organisations.findById(t.dataSource.manager, randomUUID())).toBeNull();
    });

    it('refuses a second organisation with the same IČO: organisation_ico_key, and nothing is written', async () => {
      const ico = uniqueIco();
      await inTransaction((m) => organisations.insert(m, newOrganisation({ ico }), REGISTERED_AT));
      const second = newOrganisation({ ico });
      expect(uniqueViolation(await failure(inTransaction((m) => organisations.insert(m, second, REGISTERED_AT))))).toBe('organisation_ico_key');
      expect(await t.dataSource.query('SELECT name FROM organisation WHERE ico = $1', [ico])).toHaveLength(1);
    });

    it('answers which of the ids are registered organisations', async () => {
      const a = await inTransaction((m) => organisations.insert(m, newOrganisation(), REGISTERED_AT));
      const b = await inTransaction((m) => organisations.insert(m, newOrganisation(), REGISTERED_AT));
      const stranger = randomUUID();
      expect(await organisations.existingIds(t.dataSource.manager, [a.id, stranger, b.id])).toEqual(new Set([a.id, b.id]));
      expect(await organisations.existingIds(t.dataSource.manager, [])).toEqual(new Set());
    });
  });

  describe('UsersRepository', () => {
    it('inserts a user and finds it by id and by (stored) email', async () => {
      const input = newUser({ role: 'officer' });
      const inserted = await inTransaction((m) => users.insert(m, input));
      expect(inserted).toMatchObject({ ...input, id: expect.any(String), createdAt: expect.any(Date) });
      const [row] = await t.dataSource.query('SELECT email, password_hash, full_name, role, organisation_id FROM user_account WHERE id = $1', [inserted.id]);
      expect(row).toEqual({ email: input.email, password_hash: input.passwordHash, full_name: 'Repo Test', role: 'officer', organisation_id: null });
      expect(await users.findById(t.dataSource.manager, inserted.id)).toMatchObject({ id: inserted.id, email: input.email });
      expect(await users.findByEmail(t.dataSource.manager, input.email)).toMatchObject({ id: inserted.id });
      expect(await users.findById(t.dataSource.manager, randomUUID())).toBeNull();
      expect(await users.findByEmail(t.dataSource.manager, `nobody-${unique()}@praha.eu`)).toBeNull();
    });

    it('inserts an applicant with its organisation', async () => {
      const organisation = await inTransaction((m) => organisations.insert(m, newOrganisation(), REGISTERED_AT));
      const applicant = await inTransaction((m) => users.insert(m, newUser({ role: 'applicant', organisationId: organisation.id })));
      expect(await users.findById(t.dataSource.manager, applicant.id)).toMatchObject({ role: 'applicant', organisationId: organisation.id });
    });

    it('refuses an email that has an account: user_account_email_key, and nothing is written', async () => {
      const email = `taken-${unique()}@praha.eu`;
      await inTransaction((m) => users.insert(m, newUser({ email })));
      expect(uniqueViolation(await failure(inTransaction((m) => users.insert(m, newUser({ email, role: 'budget' })))))).toBe('user_account_email_key');
      expect(await t.dataSource.query('SELECT role FROM user_account WHERE email = $1', [email])).toEqual([{ role: 'commission' }]);
    });

    it('counts the users of a role', async () => {
      const before = await users.countByRole(t.dataSource.manager, 'budget');
      await inTransaction((m) => users.insert(m, newUser({ role: 'budget' })));
      expect(await users.countByRole(t.dataSource.manager, 'budget')).toBe(before + 1);
      expect(await users.countByRole(t.dataSource.manager, 'admin')).toBeGreaterThanOrEqual(1);
    });

    it('findByIdForUpdate holds the row until the transaction ends', async () => {
      const user = await inTransaction((m) => users.insert(m, newUser()));
      const holder = t.dataSource.createQueryRunner();
      await holder.connect();
      try {
        await holder.startTransaction();
        expect(await users.findByIdForUpdate(holder.manager, user.id)).toMatchObject({ id: user.id });
        const locked = await t.dataSource.query('SELECT id FROM user_account WHERE id = $1 FOR UPDATE SKIP LOCKED', [user.id]);
        expect(locked).toEqual([]);
        await holder.commitTransaction();
        expect(await inTransaction((m) => m.query('SELECT id FROM user_account WHERE id = $1 FOR UPDATE SKIP LOCKED', [user.id]))).toEqual([{ id: user.id }]);
        expect(await inTransaction((m) => users.findByIdForUpdate(m, randomUUID()))).toBeNull();
      } finally {
        await holder.release();
      }
    });

    it('lockAdminBootstrap serialises the bootstrap: a second transaction cannot take the lock until the first ends', async () => {
      const tryLock = () => inTransaction(async (m) => ((await m.query('SELECT pg_try_advisory_xact_lock(7301128) AS got')) as { got: boolean }[])[0].got);
      const holder = t.dataSource.createQueryRunner();
      await holder.connect();
      try {
        await holder.startTransaction();
        await users.lockAdminBootstrap(holder.manager);
        expect(await tryLock()).toBe(false);
        await holder.commitTransaction();
        expect(await tryLock()).toBe(true);
      } finally {
        await holder.release();
      }
    });
  });

  describe('AffiliationsRepository', () => {
    it('inserts, reads in id order, deletes all of one user and no other', async () => {
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => inTransaction((m) => organisations.insert(m, newOrganisation(), REGISTERED_AT))));
      const member = await inTransaction((m) => users.insert(m, newUser()));
      const other = await inTransaction((m) => users.insert(m, newUser()));
      expect(await affiliations.organisationIdsOf(t.dataSource.manager, member.id)).toEqual([]);

      await inTransaction((m) => affiliations.insert(m, member.id, [c.id, a.id]));
      await inTransaction((m) => affiliations.insert(m, other.id, [b.id]));
      expect(await affiliations.organisationIdsOf(t.dataSource.manager, member.id)).toEqual([a.id, c.id].sort());
      expect(await t.dataSource.query('SELECT organisation_id FROM user_affiliation WHERE user_id = $1 ORDER BY organisation_id', [member.id])).toEqual(
        [a.id, c.id].sort().map((id) => ({ organisation_id: id })),
      );

      await inTransaction((m) => affiliations.deleteAllOf(m, member.id));
      expect(await affiliations.organisationIdsOf(t.dataSource.manager, member.id)).toEqual([]);
      expect(await affiliations.organisationIdsOf(t.dataSource.manager, other.id)).toEqual([b.id]);

      // Nothing to delete and nothing to insert are not errors.
      await inTransaction(async (m) => {
        await affiliations.deleteAllOf(m, member.id);
        await affiliations.insert(m, member.id, []);
      });
      expect(await affiliations.organisationIdsOf(t.dataSource.manager, member.id)).toEqual([]);
    });

    it('refuses an organisation twice (the primary key) and an unknown organisation (the foreign key)', async () => {
      const organisation = await inTransaction((m) => organisations.insert(m, newOrganisation(), REGISTERED_AT));
      const member = await inTransaction((m) => users.insert(m, newUser()));
      const twice = await failure(inTransaction((m) => affiliations.insert(m, member.id, [organisation.id, organisation.id])));
      expect(uniqueViolation(twice)).toBe('user_affiliation_pkey');
      const unknown = (await failure(inTransaction((m) => affiliations.insert(m, member.id, [randomUUID()])))) as { code?: string; driverError?: { code?: string } };
      expect(unknown.driverError?.code ?? unknown.code).toBe('23503');
      expect(await affiliations.organisationIdsOf(t.dataSource.manager, member.id)).toEqual([]);
    });
  });

  describe('bank accounts: OrganisationsRepository history and BankAccountRequestsRepository', () => {
    const OLD = '19-2000145399/0800';
    const NEW = '2701000133/2010';
    const history = (m: EntityManager, organisationId: string) =>
      m.query('SELECT bank_account, valid_from, valid_until, request_id FROM organisation_bank_account WHERE organisation_id = $1 ORDER BY valid_from', [organisationId]);

    it('registration opens the first period of the account; none without an account', async () => {
      await rolledBack(t.dataSource, async (m) => {
        const withAccount = await organisations.insert(m, newOrganisation({ bankAccount: OLD }), REGISTERED_AT);
        expect(await history(m, withAccount.id)).toEqual([{ bank_account: OLD, valid_from: REGISTERED_AT, valid_until: null, request_id: null }]);
        const without = await organisations.insert(m, newOrganisation(), REGISTERED_AT);
        expect(await history(m, without.id)).toEqual([]);
        expect(await organisations.registeredAccountForShare(m, withAccount.id)).toBe(OLD);
        expect(await organisations.registeredAccountForShare(m, without.id)).toBeNull();
        expect(await organisations.registeredAccountForShare(m, randomUUID())).toBeUndefined();
      });
    });

    it('a confirmed change ends the period, opens the next and shows on the organisation; the database keeps one current period and a second person', async () => {
      const requests = t.app.get(BankAccountRequestsRepository);
      await rolledBack(t.dataSource, async (m) => {
        const organisation = await organisations.insert(m, newOrganisation({ bankAccount: OLD }), REGISTERED_AT);
        const applicant = await users.insert(m, newUser({ role: 'applicant', organisationId: organisation.id, fullName: 'Žadatel' }));
        const officer = await users.insert(m, newUser({ role: 'officer', fullName: 'Úředník' }));
        const id = randomUUID();
        const askedAt = new Date('2026-03-01T10:00:00Z');
        await requests.insert(m, { id, organisationId: organisation.id, bankAccount: NEW, previousBankAccount: OLD, requestedBy: applicant.id, at: askedAt });
        expect(await requests.hasPending(m, organisation.id)).toBe(true);
        expect(await requests.lockForDecision(m, id)).toEqual({ organisationId: organisation.id, bankAccount: NEW, status: 'pending', requestedBy: applicant.id });
        expect(await requests.lockForDecision(m, randomUUID())).toBeNull();

        // The requester cannot be the decider, whatever the caller does.
        await m.query('SAVEPOINT s');
        const same = await failure(requests.decide(m, id, { status: 'confirmed', decidedBy: applicant.id, at: askedAt, rejectionReason: null }));
        expect((same as { driverError?: { constraint?: string } }).driverError?.constraint).toBe('bank_account_request_second_person_check');
        await m.query('ROLLBACK TO SAVEPOINT s');
        // One pending request an organisation.
        await m.query('SAVEPOINT s');
        const second = await failure(
          requests.insert(m, { id: randomUUID(), organisationId: organisation.id, bankAccount: NEW, previousBankAccount: OLD, requestedBy: applicant.id, at: askedAt }),
        );
        expect(uniqueViolation(second)).toBe('bank_account_request_one_pending_idx');
        await m.query('ROLLBACK TO SAVEPOINT s');

        const confirmedAt = new Date('2026-03-02T08:30:00Z');
        await requests.decide(m, id, { status: 'confirmed', decidedBy: officer.id, at: confirmedAt, rejectionReason: null });
        await organisations.changeBankAccount(m, organisation.id, NEW, id, confirmedAt);
        expect(await history(m, organisation.id)).toEqual([
          { bank_account: OLD, valid_from: REGISTERED_AT, valid_until: confirmedAt, request_id: null },
          { bank_account: NEW, valid_from: confirmedAt, valid_until: null, request_id: id },
        ]);
        expect(await organisations.lockForUpdate(m, organisation.id)).toEqual({ id: organisation.id, name: organisation.name, ico: organisation.ico, bankAccount: NEW });
        expect(await requests.hasPending(m, organisation.id)).toBe(false);
        const view = await requests.view(m, id);
        expect(view).toEqual({
          id,
          organisationId: organisation.id,
          organisationName: organisation.name,
          ico: organisation.ico,
          bankAccount: NEW,
          previousBankAccount: OLD,
          status: 'confirmed',
          requestedBy: { id: applicant.id, fullName: 'Žadatel' },
          requestedAt: askedAt.toISOString(),
          decidedBy: { id: officer.id, fullName: 'Úředník' },
          decidedAt: confirmedAt.toISOString(),
          rejectionReason: null,
        });
        expect(await requests.ofOrganisation(m, organisation.id)).toEqual([view]);
        const page = await requests.page(m, 'confirmed', 1, 200);
        expect(page.items).toContainEqual(view);
        expect(page.total).toBeGreaterThanOrEqual(1);

        // A second current period is refused.
        await m.query('SAVEPOINT s');
        const twoCurrent = await failure(m.query('INSERT INTO organisation_bank_account (organisation_id, bank_account, valid_from) VALUES ($1, $2, now())', [organisation.id, OLD]));
        expect(uniqueViolation(twoCurrent)).toBe('organisation_bank_account_current_idx');
        await m.query('ROLLBACK TO SAVEPOINT s');
        // A rejection needs its reason, a confirmation none.
        const rejected = randomUUID();
        await requests.insert(m, { id: rejected, organisationId: organisation.id, bankAccount: OLD, previousBankAccount: NEW, requestedBy: applicant.id, at: confirmedAt });
        await m.query('SAVEPOINT s');
        const noReason = await failure(requests.decide(m, rejected, { status: 'rejected', decidedBy: officer.id, at: confirmedAt, rejectionReason: null }));
        expect((noReason as { driverError?: { constraint?: string } }).driverError?.constraint).toBe('bank_account_request_rejection_reason_check');
        await m.query('ROLLBACK TO SAVEPOINT s');
      });
    });
  });

  describe('account lifecycle: token versions and reset tokens', () => {
    const hashOf = () => randomBytes(32);

    it('disable, role and password changes each bump the token version by one; enable does not', async () => {
      const user = await inTransaction((m) => users.insert(m, newUser()));
      expect(await users.tokenVersion(t.dataSource.manager, user.id)).toBe(0);
      const versions = await rolledBack(t.dataSource, async (m) => {
        const disabled = await users.disable(m, user.id, new Date());
        await users.enable(m, user.id);
        const afterEnable = await users.tokenVersion(m, user.id);
        const role = await users.changeRole(m, user.id, 'budget');
        const password = await users.changePasswordHash(m, user.id, '$argon2id$another');
        const entry = await users.directoryEntry(m, user.id);
        return { disabled, afterEnable, role, password, entry };
      });
      expect(versions).toMatchObject({ disabled: 1, afterEnable: 1, role: 2, password: 3, entry: { id: user.id, role: 'budget', disabled: false, affiliations: [] } });
      expect(await users.tokenVersion(t.dataSource.manager, randomUUID())).toBeNull();
      expect(await users.directoryEntry(t.dataSource.manager, randomUUID())).toBeNull();
      await expect(rolledBack(t.dataSource, (m) => users.disable(m, randomUUID(), new Date()))).rejects.toThrow(/does not exist/);
    });

    it('a reset token is used once, even by two transactions at the same time; expired, revoked and disabled users’ tokens are not usable', async () => {
      const admin = await inTransaction((m) => users.insert(m, newUser({ role: 'admin' })));
      const user = await inTransaction((m) => users.insert(m, newUser()));
      const now = new Date();
      const later = new Date(now.getTime() + 3_600_000);
      const tokenHash = hashOf();
      await inTransaction((m) => resets.insert(m, { userId: user.id, tokenHash, issuedBy: admin.id, issuedAt: now, expiresAt: later }));
      expect(await resets.isUsable(t.dataSource.manager, tokenHash, now)).toBe(true);
      expect(await resets.isUsable(t.dataSource.manager, tokenHash, later)).toBe(false);

      const outcomes = await Promise.all([1, 2].map(() => inTransaction((m) => resets.use(m, tokenHash, now))));
      expect(outcomes.filter((o) => o !== null)).toEqual([{ id: expect.any(String), userId: user.id }]);
      expect(await resets.isUsable(t.dataSource.manager, tokenHash, now)).toBe(false);

      const revoked = hashOf();
      const disabledUsers = hashOf();
      await rolledBack(t.dataSource, async (m) => {
        await resets.insert(m, { userId: user.id, tokenHash: revoked, issuedBy: admin.id, issuedAt: now, expiresAt: later });
        expect(await resets.revokeOutstanding(m, user.id, now)).toBe(1);
        expect(await resets.use(m, revoked, now)).toBeNull();
        await resets.insert(m, { userId: user.id, tokenHash: disabledUsers, issuedBy: admin.id, issuedAt: now, expiresAt: later });
        await users.disable(m, user.id, now);
        expect(await resets.isUsable(m, disabledUsers, now)).toBe(false);
        expect(await resets.use(m, disabledUsers, now)).toBeNull();
      });
      const spent = await failure(
        t.dataSource.query("UPDATE password_reset_token SET revoked_at = now() WHERE token_hash = $1", [tokenHash]),
      );
      expect((spent as Error).message).toMatch(/password_reset_token_spent_check/);
    });
  });
});
