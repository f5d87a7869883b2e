import { ApplicationBudgetLineEntity } from '@app/applications/application-budget-line.entity';
import { ApplicationStatusChangeEntity } from '@app/applications/application-status-change.entity';
import { ApplicationEntity } from '@app/applications/application.entity';
import { BudgetMeasureEntity } from '@app/calls/budget-measure.entity';
import { CallCriterionEntity } from '@app/calls/call-criterion.entity';
import { CallPartEntity } from '@app/calls/call-part.entity';
import { CallEntity } from '@app/calls/call.entity';
import { CommissionMemberEntity } from '@app/calls/commission-member.entity';
import { ProgrammeEntity } from '@app/calls/programme.entity';
import { OrganisationEntity } from '@app/identity/organisation.entity';
import { UserAffiliationEntity } from '@app/identity/user-affiliation.entity';
import { UserEntity } from '@app/identity/user.entity';
import { ConflictDeclarationEntity } from '@app/evaluation/conflict-declaration.entity';
import { FormalCheckEntity } from '@app/applications/formal-check.entity';
import { ScoreSheetEntity } from '@app/evaluation/score-sheet.entity';
import { LetterEntity } from '@app/letters/letter.entity';
import { OutboxMessageEntity } from '@app/letters/outbox-message.entity';
import { ContractEntity } from '@app/money/contract.entity';
import { DecisionEntity } from '@app/money/decision.entity';
import { LedgerEntryEntity, LedgerTransactionEntity } from '@app/money/ledger.entities';
import { MoneyReturnEntity } from '@app/money/money-return.entity';
import { PaymentEntity } from '@app/money/payment.entity';
import { SettlementEntity } from '@app/money/settlement.entity';
import {
  PolicyMeasureEntity,
  PolicyPriorityEntity,
  PolicySubAimEntity,
  PolicySubAreaEntity,
} from '@app/policy/policy.entities';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';

/** Every entity, listed as classes (globs break the CLI and bundling). */
export const ENTITIES = [
  OrganisationEntity,
  UserEntity,
  PolicyPriorityEntity,
  PolicySubAreaEntity,
  PolicySubAimEntity,
  PolicyMeasureEntity,
  ProgrammeEntity,
  BudgetMeasureEntity,
  CallEntity,
  CallPartEntity,
  CallCriterionEntity,
  CommissionMemberEntity,
  ApplicationEntity,
  ApplicationBudgetLineEntity,
  ApplicationStatusChangeEntity,
  AuditEventEntity,
  IdempotencyKeyEntity,
  UserAffiliationEntity,
  FormalCheckEntity,
  ConflictDeclarationEntity,
  ScoreSheetEntity,
  LetterEntity,
  OutboxMessageEntity,
  DecisionEntity,
  ContractEntity,
  PaymentEntity,
  SettlementEntity,
  MoneyReturnEntity,
  LedgerTransactionEntity,
  LedgerEntryEntity,
];
