/** identity's front door (server side; its pure rules are in ./domain). */
export { BankAccountsService, type BankAccountRequestView, type PersonView } from './bank-accounts.service';
export { IDENTITY_ENTITIES } from './identity.entities';
export { IdentityModule } from './identity.module';
export { IdentityPortsModule } from './identity-ports.module';
export { IdentityService, type LoginAnswer, type PasswordResetIssued } from './identity.service';
export { OrganisationEntity } from './organisation.entity';
export { RegisteredAccounts, RegisteredAccountsModule } from './registered-accounts';
export { UserEntity } from './user.entity';
export * from './domain';
