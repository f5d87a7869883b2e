/** calls' front door: its module, service, views, the ledger port it needs, and its entities. */
export { BudgetMeasureEntity } from './budget-measure.entity';
export { CallBudgetLedger } from './call-budget-ledger';
export { CallCriterionEntity } from './call-criterion.entity';
export { CallPartEntity } from './call-part.entity';
export { CallEntity } from './call.entity';
export { CALLS_ENTITIES } from './calls.entities';
export { CallsModule } from './calls.module';
export {
  CallsService,
  type BudgetMeasureCommand,
  type CallCommand,
  type CallPatch,
  type CommissionCommand,
  type CommissionView,
  type ProgrammeCommand,
  type ProgrammeDetailsView,
} from './calls.service';
export type { CallView, ProgrammeView } from './calls.views';
export { CommissionMemberEntity } from './commission-member.entity';
export { ProgrammeEntity } from './programme.entity';
export type { BudgetMeasureView } from './programmes.repository';

export * from './domain';
