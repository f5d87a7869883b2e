/** calls' front door: its module, services, views, the ledger port it needs, its entities, and the repository evaluation closes a call's evaluation through. */
export { BudgetMeasureEntity } from './budget-measure.entity';
export { BudgetMeasuresService, type BudgetMeasureCommand } from './budget-measures.service';
export { CallAnnouncementService } from './call-announcement.service';
export { CallBudgetLedger } from './call-budget-ledger';
export { CallCriterionEntity } from './call-criterion.entity';
export { CallPartEntity } from './call-part.entity';
export { CallEntity } from './call.entity';
export { CALLS_ENTITIES } from './calls.entities';
export { CallsRepository } from './calls.repository';
export { CallsModule } from './calls.module';
export { CallsService, type CallCommand, type CallPatch } from './calls.service';
export type { CallView, CommissionView, ProgrammeView } from './calls.views';
export { CommissionMemberEntity } from './commission-member.entity';
export { CommissionMembersService, type CommissionCommand } from './commission-members.service';
export { ProgrammeEntity } from './programme.entity';
export type { BudgetMeasureView } from './programmes.repository';
export { ProgrammesService, type ProgrammeCommand, type ProgrammeDetailsView } from './programmes.service';

export * from './domain';
