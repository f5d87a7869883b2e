/** applications' front door (server side; its pure rules are in ./domain). */
export { APPLICATIONS_ENTITIES } from './applications.entities';
export { ApplicationEntity } from './application.entity';
export { ApplicationsModule } from './applications.module';
export { type ApplicationContent, ApplicationsService } from './applications.service';
export type { ApplicationView } from './applications.views';
export { ApplicationLifecycle, type ChangedWithStatus, type StatusChange } from './application-lifecycle.repository';
export { FormalChecksRepository, type ApplicationToCheck, type FormalCheckWrite } from './formal-checks.repository';
export { ProposalBalances, type ProposedAmount } from './proposal-balances';
export { ProposalVisibility } from './proposal-visibility';
export * from './domain';
