import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig, AuditTrail, type AuthUser, DomainError, type Role, type StaffRole, TokenService, uniqueViolation } from '@app/core';
import type { OrganisationKind } from './domain/organisation-kind';
import { isValidCzechBankAccount } from './domain/bank-account';
import { mayListUsers } from './domain/user-directory';
import { isValidIco } from './domain/ico';
import { AffiliationsRepository } from './affiliations.repository';
import { toOrganisationView, toUserView, type OrganisationView, type UserView } from './identity.views';
import { LoginLimiter } from './login-limiter';
import { OrganisationsRepository } from './organisations.repository';
import { PasswordHasher } from './password-hasher';
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
        });
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

  async login(email: string, password: string, address: string): Promise<{ accessToken: string; user: UserView }> {
    const normalised = email.trim().toLowerCase();
    if (await this.limiter.isBlocked(normalised, address)) {
      throw new DomainError('RATE_LIMITED', 'Too many failed logins; try again in a minute.');
    }
    const user = await this.users.findByEmail(this.dataSource.manager, normalised);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      await this.limiter.recordFailure(normalised, address);
      throw new DomainError('UNAUTHENTICATED', 'The email or password is wrong.');
    }
    const accessToken = await this.tokens.issue({ id: user.id, role: user.role, organisationId: user.organisationId });
    return { accessToken, user: toUserView(user) };
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
