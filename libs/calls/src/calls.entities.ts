import { BudgetMeasureEntity } from './budget-measure.entity';
import { CallCriterionEntity } from './call-criterion.entity';
import { CallPartEntity } from './call-part.entity';
import { CallEntity } from './call.entity';
import { CommissionMemberEntity } from './commission-member.entity';
import { ProgrammeEntity } from './programme.entity';

/** calls' tables. */
export const CALLS_ENTITIES = [ProgrammeEntity, BudgetMeasureEntity, CallEntity, CallPartEntity, CallCriterionEntity, CommissionMemberEntity];
