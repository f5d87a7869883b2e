import { ApplicationBudgetLineEntity } from './application-budget-line.entity';
import { ApplicationStatusChangeEntity } from './application-status-change.entity';
import { ApplicationEntity } from './application.entity';
import { FormalCheckEntity } from './formal-check.entity';

/** applications' tables. */
export const APPLICATIONS_ENTITIES = [ApplicationEntity, ApplicationBudgetLineEntity, ApplicationStatusChangeEntity, FormalCheckEntity];
