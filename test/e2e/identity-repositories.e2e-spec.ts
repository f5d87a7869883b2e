import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { uniqueViolation } from '@app/core';
import { AffiliationsRepository } from '@app/identity/affiliations.repository';
import { OrganisationsRepository, type NewOrganisation } from '@app/identity/organisations.repository';
import { UsersRepository, type NewUserAccount } from '@app/identity/users.repository';
import { unique, uniqueIco } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * identity's repositories against the real database: rows in, rows out, and
 * what the service relies on — the unique constraints it maps to 409s, the
 * row lock of setAffiliations, the advisory lock of the admin's bootstrap.
 */
describe('identity repositories', () => {
  let t: TestApp;
  let users: UsersRepository;
  let organisations: OrganisationsRepository;
  let affiliations: AffiliationsRepository;

  beforeAll(async () => {
    t = await createTestApp();
    users = t.app.get(UsersRepository);
    organisations = t.app.get(OrganisationsRepository);
    affiliations = t.app.get(AffiliationsRepository);
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
      const inserted = await inTransaction((m) => organisations.insert(m, input));
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
      await inTransaction((m) => organisations.insert(m, newOrganisation({ ico })));
      const second = newOrganisation({ ico });
      expect(uniqueViolation(await failure(inTransaction((m) => organisations.insert(m, second))))).toBe('organisation_ico_key');
      expect(await t.dataSource.query('SELECT name FROM organisation WHERE ico = $1', [ico])).toHaveLength(1);
    });

    it('answers which of the ids are registered organisations', async () => {
      const a = await inTransaction((m) => organisations.insert(m, newOrganisation()));
      const b = await inTransaction((m) => organisations.insert(m, newOrganisation()));
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
      const organisation = await inTransaction((m) => organisations.insert(m, newOrganisation()));
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
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => inTransaction((m) => organisations.insert(m, newOrganisation()))));
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
      const organisation = await inTransaction((m) => organisations.insert(m, newOrganisation()));
      const member = await inTransaction((m) => users.insert(m, newUser()));
      const twice = await failure(inTransaction((m) => affiliations.insert(m, member.id, [organisation.id, organisation.id])));
      expect(uniqueViolation(twice)).toBe('user_affiliation_pkey');
      const unknown = (await failure(inTransaction((m) => affiliations.insert(m, member.id, [randomUUID()])))) as { code?: string; driverError?: { code?: string } };
      expect(unknown.driverError?.code ?? unknown.code).toBe('23503');
      expect(await affiliations.organisationIdsOf(t.dataSource.manager, member.id)).toEqual([]);
    });
  });
});
