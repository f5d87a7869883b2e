import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig, AuditTrail, type AuthUser, Clock, DomainError, type Role, type StaffRole, TokenService, TokenVersionCache, uniqueViolation } from '@app/core';
import { accountChangeRefusal, type AccountChange, passwordResetExpiry } from './domain/account-rules';
import type { OrganisationKind } from './domain/organisation-kind';
import { isValidCzechBankAccount } from './domain/bank-account';
import { mayListUsers } from './domain/user-directory';
import { isValidIco } from './domain/ico';
import { AffiliationsRepository } from './affiliations.repository';
import { toOrganisationView, toUserView, type OrganisationView, type UserView } from './identity.views';
import { LoginLimiter } from './login-limiter';
import { OrganisationsRepository } from './organisations.repository';
import { PasswordHasher } from './password-hasher';
import { PasswordResetsRepository } from './password-resets.repository';
import type { UserEntity } from './user.entity';
import { UsersRepository, type DirectoryUserView } from './users.repository';

export interface AffiliationsView {
  userId: string;
  organisationIds: string[];
}

export interface RegistrationCommand {
  organisation: {
    kind: OrganisationKind;
    name: string;
    ico: string;
    legalForm?: string;
    address: { street: string; city: string; postalCode: string };
    bankAccount?: string;
  };
  user: NewUser;
}

interface NewUser {
  email: string;
  password: string;
  fullName: string;
}

export interface LoginAnswer {
  accessToken: string;
  user: UserView;
}

/** Shown once, to the admin who issued it: the token itself is stored only as a hash. */
export interface PasswordResetIssued {
  userId: string;
  token: string;
  expiresAt: string;
}

/** The detail of every refused reset token, whatever the reason (unknown, expired, used, replaced, disabled user). */
const RESET_TOKEN_INVALID_DETAIL = 'This password reset token is not valid: it is unknown, expired or already used. Ask an administrator for a new one.';

@Injectable()
export class IdentityService implements OnApplicationBootstrap {
  private readonly logger = new Logger(IdentityService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginLimiter,
    private readonly tokens: TokenService,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly affiliations: AffiliationsRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly versionCache: TokenVersionCache,
    private readonly clock: Clock,
  ) {}

  /** An NGO or district registers itself with its first applicant user. */
  async register(command: RegistrationCommand): Promise<{ organisationId: string; userId: string }> {
    const { organisation: org, user } = command;
    const problems = [];
    if (!isValidIco(org.ico)) problems.push({ field: 'organisation.ico', message: 'is not a valid IČO (checksum)' });
    if (org.bankAccount !== undefined && !isValidCzechBankAccount(org.bankAccount)) {
      problems.push({ field: 'organisation.bankAccount', message: 'is not a valid Czech bank account (checksum)' });
    }
    if (problems.length) {
      const code = problems[0].field === 'organisation.ico' ? 'INVALID_ICO' : 'INVALID_BANK_ACCOUNT';
      throw new DomainError(code, problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
    }
    await this.refuseTakenEmail(user.email, 'user.email');
    const passwordHash = await this.hasher.hash(user.password);
    return this.withUniqueErrors(() =>
      this.dataSource.transaction(async (manager) => {
        const organisation = await this.organisations.insert(manager, {
          kind: org.kind,
          name: org.name,
          ico: org.ico,
          legalForm: org.legalForm ?? null,
          street: org.address.street,
          city: org.address.city,
          postalCode: org.address.postalCode,
          bankAccount: org.bankAccount ?? null,
        }, this.clock.now());
        const created = await this.insertUser(manager, user, passwordHash, 'applicant', organisation.id);
        const actor = { id: created.id, role: created.role };
        await this.audit.append(manager, {
          actor,
          action: 'organisation.registered',
          entityType: 'organisation',
          entityId: organisation.id,
          after: toOrganisationView(organisation),
        });
        await this.audit.append(manager, {
          actor,
          action: 'user.created',
          entityType: 'user',
          entityId: created.id,
          after: toUserView(created),
        });
        return { organisationId: organisation.id, userId: created.id };
      }),
    );
  }

  /**
   * Unknown email and wrong password answer alike (a dummy hash is verified
   * for an unknown email, and the per-email delay applies to both). Only the
   * right password of a disabled account learns that it is disabled.
   */
  async login(email: string, password: string, address: string): Promise<LoginAnswer> {
    const normalised = email.trim().toLowerCase();
    if (await this.limiter.refuseOrDelay(normalised, address)) {
      throw new DomainError('RATE_LIMITED', 'Too many failed logins; try again in a minute.');
    }
    const user = await this.users.findByEmail(this.dataSource.manager, normalised);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      await this.limiter.recordFailure(normalised, address);
      throw new DomainError('UNAUTHENTICATED', 'The email or password is wrong.');
    }
    if (user.disabledAt) throw new DomainError('ACCOUNT_DISABLED', 'This account is disabled; an administrator can enable it again.');
    await this.limiter.recordSuccess(normalised, address);
    return this.signedIn(user, user.tokenVersion);
  }

  /**
   * The caller's new password, with their current one (counted like a failed
   * login when wrong). Every token of the user is cut, the caller gets a new
   * one; outstanding reset tokens are revoked.
   */
  async changePassword(caller: AuthUser, currentPassword: string, newPassword: string, address: string): Promise<LoginAnswer> {
    const user = await this.users.findById(this.dataSource.manager, caller.id);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists.');
    if (await this.limiter.refuseOrDelay(user.email, address)) {
      throw new DomainError('RATE_LIMITED', 'Too many wrong passwords; try again in a minute.');
    }
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.limiter.recordFailure(user.email, address);
      throw new DomainError('CURRENT_PASSWORD_WRONG', 'The current password is wrong.', [{ field: 'currentPassword', message: 'is wrong' }]);
    }
    const passwordHash = await this.hasher.hash(newPassword);
    const { version, changed } = await this.dataSource.transaction(async (manager) => {
      const locked = await this.users.findByIdForUpdate(manager, caller.id);
      if (!locked || locked.disabledAt) throw new DomainError('UNAUTHENTICATED', 'This account is disabled.');
      const bumped = await this.users.changePasswordHash(manager, caller.id, passwordHash);
      const revoked = await this.resets.revokeOutstanding(manager, caller.id, this.clock.now());
      await this.audit.append(manager, {
        actor: caller,
        action: 'user.password_changed',
        entityType: 'user',
        entityId: caller.id,
        after: { tokenVersion: bumped, resetTokensRevoked: revoked },
      });
      return { version: bumped, changed: locked };
    });
    await this.publishTokenVersion(caller.id, version);
    return this.signedIn(changed, version);
  }

  /** Admin: the user can no longer log in, and every token they hold stops working at once. */
  async disableUser(caller: AuthUser, userId: string, reason: string | null): Promise<DirectoryUserView> {
    return this.changeAccount(caller, userId, 'disable', async (manager, user) => {
      if (user.disabledAt) return null;
      const version = await this.users.disable(manager, userId, this.clock.now());
      await this.resets.revokeOutstanding(manager, userId, this.clock.now());
      return { version, action: 'user.disabled', before: { disabled: false }, after: { disabled: true, tokenVersion: version }, reason };
    });
  }

  /** Admin: the user may log in again (tokens from before the disable stay cut). */
  async enableUser(caller: AuthUser, userId: string): Promise<DirectoryUserView> {
    return this.changeAccount(caller, userId, 'enable', async (manager, user) => {
      if (!user.disabledAt) return null;
      await this.users.enable(manager, userId);
      return { version: null, action: 'user.enabled', before: { disabled: true }, after: { disabled: false }, reason: null };
    });
  }

  /** Admin: a staff user's new role; their tokens (which carry the role) are cut. */
  async changeRole(caller: AuthUser, userId: string, role: StaffRole): Promise<DirectoryUserView> {
    return this.changeAccount(caller, userId, 'role', async (manager, user) => {
      if (user.role === role) return null;
      const version = await this.users.changeRole(manager, userId, role);
      return { version, action: 'user.role_changed', before: { role: user.role }, after: { role, tokenVersion: version }, reason: null };
    });
  }

  /**
   * Admin: a one-time token with which the user sets a new password (until
   * notifications exist, the admin hands it over). Replaces any earlier
   * unused one; returned once, stored as its SHA-256 only.
   */
  async issuePasswordReset(caller: AuthUser, userId: string): Promise<PasswordResetIssued> {
    const token = randomBytes(32).toString('base64url');
    const issuedAt = this.clock.now();
    const expiresAt = passwordResetExpiry(issuedAt);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdForUpdate(manager, userId);
      if (!user) throw new DomainError('NOT_FOUND', 'No such user.');
      await this.resets.revokeOutstanding(manager, userId, issuedAt);
      const resetId = await this.resets.insert(manager, { userId, tokenHash: resetTokenHash(token), issuedBy: caller.id, issuedAt, expiresAt });
      await this.audit.append(manager, {
        actor: caller,
        action: 'user.password_reset_issued',
        entityType: 'user',
        entityId: userId,
        after: { resetId, expiresAt: expiresAt.toISOString() },
      });
    });
    return { userId, token, expiresAt: expiresAt.toISOString() };
  }

  /** Anyone holding a valid reset token sets the user's new password once; every token of the user is cut. */
  async completePasswordReset(token: string, newPassword: string): Promise<void> {
    const tokenHash = resetTokenHash(token);
    // Checked before hashing: an invalid token costs no argon2 hash.
    if (!(await this.resets.isUsable(this.dataSource.manager, tokenHash, this.clock.now()))) {
      throw new DomainError('RESET_TOKEN_INVALID', RESET_TOKEN_INVALID_DETAIL, [{ field: 'token', message: 'is not valid' }]);
    }
    const passwordHash = await this.hasher.hash(newPassword);
    const { userId, version } = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const used = await this.resets.use(manager, tokenHash, now);
      if (!used) throw new DomainError('RESET_TOKEN_INVALID', RESET_TOKEN_INVALID_DETAIL, [{ field: 'token', message: 'is not valid' }]);
      const user = await this.users.findByIdForUpdate(manager, used.userId);
      if (!user) throw new DomainError('RESET_TOKEN_INVALID', RESET_TOKEN_INVALID_DETAIL, [{ field: 'token', message: 'is not valid' }]);
      const bumped = await this.users.changePasswordHash(manager, used.userId, passwordHash);
      await this.resets.revokeOutstanding(manager, used.userId, now);
      await this.audit.append(manager, {
        actor: { id: user.id, role: user.role },
        action: 'user.password_reset',
        entityType: 'user',
        entityId: user.id,
        after: { resetId: used.id, tokenVersion: bumped },
      });
      return { userId: user.id, version: bumped };
    });
    await this.publishTokenVersion(userId, version);
  }

  async me(caller: AuthUser): Promise<UserView> {
    const user = await this.users.findById(this.dataSource.manager, caller.id);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists.');
    return toUserView(user);
  }

  /** Users with their affiliations: admins list everyone, officers commission members only (else 403). */
  async listUsers(caller: AuthUser, role: Role | undefined, page: number, pageSize: number): Promise<{ items: DirectoryUserView[]; total: number }> {
    if (!mayListUsers(caller.role, role)) {
      throw new DomainError('FORBIDDEN', 'Officers may list commission members only: ask for role=commission.', [
        { field: 'role', message: `must be commission for the role ${caller.role}` },
      ]);
    }
    return this.users.page(this.dataSource.manager, role, page, pageSize);
  }

  /** Admin creates officers, commission members, budget staff and other admins. */
  async createStaffUser(caller: AuthUser, input: NewUser & { role: StaffRole }): Promise<UserView> {
    await this.refuseTakenEmail(input.email, 'email');
    const passwordHash = await this.hasher.hash(input.password);
    return this.withUniqueErrors(() =>
      this.dataSource.transaction(async (manager) => {
        const user = await this.insertUser(manager, input, passwordHash, input.role, null);
        await this.audit.append(manager, {
          actor: caller,
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          after: toUserView(user),
        });
        return toUserView(user);
      }),
    );
  }

  /**
   * The organisations a staff user (a commission member) works for or sits on
   * the board of. For their applications the member is in conflict of interest
   * automatically. Replaces the previous list.
   */
  async setAffiliations(caller: AuthUser, userId: string, organisationIds: readonly string[]): Promise<AffiliationsView> {
    const ids = [...new Set(organisationIds)];
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdForUpdate(manager, userId);
      if (!user) throw new DomainError('NOT_FOUND', 'No such user.');
      if (user.role === 'applicant') {
        throw new DomainError('VALIDATION_FAILED', 'An applicant belongs to their own organisation; affiliations are for staff users.', [
          { field: 'userId', message: 'is an applicant' },
        ]);
      }
      const knownIds = await this.organisations.existingIds(manager, ids);
      const unknown = organisationIds.flatMap((id, i) => (knownIds.has(id) ? [] : [{ field: `organisationIds[${i}]`, message: 'is not a registered organisation' }]));
      if (unknown.length) throw new DomainError('VALIDATION_FAILED', 'Unknown organisations.', unknown);
      const before = await this.affiliations.organisationIdsOf(manager, userId);
      await this.affiliations.deleteAllOf(manager, userId);
      await this.affiliations.insert(manager, userId, ids);
      const view = { userId, organisationIds: [...ids].sort() };
      await this.audit.append(manager, {
        actor: caller,
        action: 'user.affiliations_set',
        entityType: 'user',
        entityId: userId,
        before: { organisationIds: before },
        after: view,
      });
      return view;
    });
  }

  /**
   * Whether a staff user is affiliated with an organisation (PUT /users/:id/affiliations), read in the caller's
   * transaction: money refuses such a user the decision, contract, settlement review and payment of that
   * organisation's applications (403 CONFLICT_OF_INTEREST).
   */
  isAffiliated(manager: EntityManager, userId: string, organisationId: string): Promise<boolean> {
    return this.affiliations.isAffiliated(manager, userId, organisationId);
  }

  /** Members see their own organisation; officers and budget see all; others: not found. */
  async getOrganisation(caller: AuthUser, id: string): Promise<OrganisationView> {
    const mayRead = caller.role === 'officer' || caller.role === 'budget' || caller.organisationId === id;
    const organisation = mayRead ? await this.organisations.findById(this.dataSource.manager, id) : null;
    if (!organisation) throw new DomainError('NOT_FOUND', 'No such organisation.');
    return toOrganisationView(organisation);
  }

  /** The first admin comes from the environment when no admin exists yet. */
  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.get('BOOTSTRAP_ADMIN_EMAIL');
    const password = this.config.get('BOOTSTRAP_ADMIN_PASSWORD');
    if (!email || !password) return;
    const admins = await this.users.countByRole(this.dataSource.manager, 'admin');
    if (admins > 0) return;
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      // Two instances booting together: only one creates the admin.
      await this.users.lockAdminBootstrap(manager);
      if ((await this.users.countByRole(manager, 'admin')) > 0) return;
      const user = await this.insertUser(manager, { email, password, fullName: 'Administrator' }, passwordHash, 'admin', null);
      await this.audit.append(manager, {
        actor: null,
        action: 'user.bootstrapped',
        entityType: 'user',
        entityId: user.id,
        after: toUserView(user),
        reason: 'First administrator from BOOTSTRAP_ADMIN_EMAIL',
      });
      this.logger.log(`Bootstrap administrator ${user.email} created`);
    });
  }

  /**
   * One admin change of a user in one transaction: the row locked, the rule
   * checked, the change (null: nothing to change, nothing audited) and its
   * audit event; then the new token version into the cache.
   */
  private async changeAccount(
    caller: AuthUser,
    userId: string,
    change: AccountChange,
    apply: (
      manager: EntityManager,
      user: UserEntity,
    ) => Promise<{ version: number | null; action: string; before: unknown; after: unknown; reason: string | null } | null>,
  ): Promise<DirectoryUserView> {
    const { view, version } = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdForUpdate(manager, userId);
      if (!user) throw new DomainError('NOT_FOUND', 'No such user.');
      const refusal = accountChangeRefusal(caller.id, user, change);
      if (refusal === 'own-account') {
        throw new DomainError('CANNOT_CHANGE_OWN_ACCOUNT', 'An administrator cannot disable their own account or change their own role; another administrator can.');
      }
      if (refusal === 'applicant-role') {
        throw new DomainError('VALIDATION_FAILED', 'An applicant belongs to their own organisation; roles are for staff users.', [
          { field: 'userId', message: 'is an applicant' },
        ]);
      }
      const done = await apply(manager, user);
      if (done) {
        await this.audit.append(manager, { actor: caller, action: done.action, entityType: 'user', entityId: userId, before: done.before, after: done.after, reason: done.reason });
      }
      const entry = await this.users.directoryEntry(manager, userId);
      if (!entry) throw new Error('The user vanished inside its own transaction');
      return { view: entry, version: done?.version ?? null };
    });
    if (version !== null) await this.publishTokenVersion(userId, version);
    return view;
  }

  private async signedIn(user: UserEntity, tokenVersion: number): Promise<LoginAnswer> {
    const accessToken = await this.tokens.issue({ id: user.id, role: user.role, organisationId: user.organisationId }, tokenVersion);
    return { accessToken, user: toUserView(user) };
  }

  /** After the commit that bumped it: the cache moves to the new version at once (or as soon as Redis takes it). */
  private publishTokenVersion(userId: string, version: number): Promise<void> {
    return this.versionCache.publish(userId, version);
  }

  /** Before the argon2 hash: a taken email costs none (the unique constraint still decides a race). */
  private async refuseTakenEmail(email: string, field: string): Promise<void> {
    if (await this.users.findByEmail(this.dataSource.manager, email.trim().toLowerCase())) {
      throw new DomainError('EMAIL_TAKEN', 'This email address already has an account.', [{ field, message: 'already has an account' }]);
    }
  }

  private insertUser(
    manager: EntityManager,
    user: NewUser,
    passwordHash: string,
    role: Role,
    organisationId: string | null,
  ): Promise<UserEntity> {
    return this.users.insert(manager, {
      email: user.email.trim().toLowerCase(),
      passwordHash,
      fullName: user.fullName,
      role,
      organisationId,
    });
  }

  private async withUniqueErrors<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'organisation_ico_key') {
        throw new DomainError('ORGANISATION_EXISTS', 'An organisation with this IČO is already registered.', [
          { field: 'organisation.ico', message: 'is already registered' },
        ]);
      }
      if (constraint === 'user_account_email_key') {
        throw new DomainError('EMAIL_TAKEN', 'This email address already has an account.', [
          { field: 'user.email', message: 'already has an account' },
        ]);
      }
      throw error;
    }
  }
}

/** Reset tokens are 256 random bits: one SHA-256 is enough to store them (no slow hash needed). */
function resetTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
