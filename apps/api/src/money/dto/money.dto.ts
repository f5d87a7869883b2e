import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Czk, IsoDate, Optional, Text } from '../../common/validators';

export class DecisionRequest {
  @ApiProperty({ enum: ['approved', 'rejected'] })
  @IsIn(['approved', 'rejected'])
  outcome!: 'approved' | 'rejected';

  @Czk({ required: false, min: 1, description: 'For an approval: the award, at most the request; the commission’s proposal when left out' })
  @Optional()
  amountCzk?: number;

  @ApiProperty({ enum: ['council', 'assembly'], description: 'The Council up to CZK 1,000,000 a recipient (IČO) and year, awards of all programmes counted; above it the Assembly (422 ASSEMBLY_DECISION_REQUIRED)' })
  @IsIn(['council', 'assembly'])
  body!: 'council' | 'assembly';

  @Text(100, { example: 'R-12345' })
  resolutionNumber!: string;

  @IsoDate()
  resolutionDate!: string;

  @ApiPropertyOptional({ type: [String], description: 'Required for a rejection: the applicant is told why' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  reasons?: string[];

  @ApiPropertyOptional({
    maxLength: 2000,
    description:
      'Why the Council or Assembly deviates from the DOT Commission: required to approve a not_recommended application or to award more than the ' +
      'commission’s proposal (else 422 DEVIATION_REASON_REQUIRED), refused otherwise (400). Stored on the decision, audited, and printed in the approval letter.',
  })
  @Optional()
  @IsString()
  @MaxLength(2000)
  deviationReason?: string;
}

export class DecisionResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ enum: ['approved', 'rejected'] }) outcome!: 'approved' | 'rejected';
  @ApiProperty({ type: 'integer', nullable: true }) amountCzk!: number | null;
  @ApiProperty({ enum: ['council', 'assembly'] }) body!: 'council' | 'assembly';
  @ApiProperty() resolutionNumber!: string;
  @ApiProperty({ format: 'date' }) resolutionDate!: string;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Why the decision deviates from the DOT Commission; null when it does not' }) deviationReason!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ format: 'uuid', description: 'The decision letter, queued in the same transaction' }) letterId!: string;
}

export class ContractRequest {
  @Text(100, { example: 'SML/2027/0042' })
  contractNumber!: string;

  @IsoDate()
  signedOn!: string;

  @ApiPropertyOptional({
    type: 'string',
    maxLength: 40,
    example: '19-2000145399/0800',
    description:
      'The recipient’s account: must be the organisation’s registered account (else 422 BANK_ACCOUNT_NOT_REGISTERED, also when it has none); ' +
      'left out, the contract takes the registered account',
  })
  @Optional()
  @IsString()
  @MaxLength(40)
  bankAccount?: string;

  @IsoDate({ required: false, description: 'The settlement deadline, after the signature; the call’s `settlementDueOn` when left out' })
  @Optional()
  settlementDueOn?: string;
}

export class ContractAmendmentRequest {
  @IsoDate({ description: 'The new settlement deadline, after the signature' })
  settlementDueOn!: string;
}

export class ContractResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() contractNumber!: string;
  @ApiProperty({ format: 'date' }) signedOn!: string;
  @ApiProperty() bankAccount!: string;
  @ApiProperty({ type: 'integer' }) amountCzk!: number;
  @ApiProperty({ format: 'date', description: 'The settlement deadline: unspent money is due by it (§22 penalty from the next day)' })
  settlementDueOn!: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'Over CZK 50,000: publish in the register of contracts by this day (§10d)' })
  publicationDueOn!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) publishedOn!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) publicationUrl!: string | null;
}

export class PublicationRequest {
  @IsoDate()
  publishedOn!: string;

  @Text(2000, { example: 'https://smlouvy.gov.cz/smlouva/12345' })
  url!: string;
}

export class PaymentRequest {
  @Czk({ min: 1 })
  amountCzk!: number;

  @IsoDate()
  paidOn!: string;

  @Text(100, { example: 'VS 2027000042' })
  paymentReference!: string;
}

export class PaymentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: 'integer' }) amountCzk!: number;
  @ApiProperty({ format: 'date' }) paidOn!: string;
  @ApiProperty() paymentReference!: string;
  @ApiProperty({ description: 'Always the contract’s account' }) bankAccount!: string;
  @ApiProperty({ type: 'integer' }) paidTotalCzk!: number;
  @ApiProperty({ type: 'integer' }) awardCzk!: number;
}

export class SettlementLineDto {
  @Text(100)
  category!: string;

  @Czk()
  spentCzk!: number;
}

export class SettlementRequest {
  @Czk({ description: 'At most what was paid (422 SETTLEMENT_EXCEEDS_PAYMENTS); the lines sum to it' })
  spentCzk!: number;

  @ApiProperty({ type: [SettlementLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SettlementLineDto)
  lines!: SettlementLineDto[];

  @Text(10_000)
  report!: string;
}

export class SettlementReviewRequest {
  @Czk()
  acceptedCzk!: number;

  @ApiProperty({ maxLength: 5000, description: 'Required when less than spent is accepted' })
  @IsString()
  @MaxLength(5000)
  note!: string;

  @IsoDate({ required: false, description: 'Remedy deadline: the refused money (spent − accepted) is due by it; after today; 30 days after the review when left out' })
  @Optional()
  remedyDueOn?: string;
}

export class SettlementResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: 'integer' }) spentCzk!: number;
  @ApiProperty({ type: [SettlementLineDto] }) lines!: SettlementLineDto[];
  @ApiProperty() report!: string;
  @ApiProperty({ type: 'integer' }) paidCzk!: number;
  @ApiProperty({ type: 'integer', nullable: true }) acceptedCzk!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'paid − returned − accepted' }) returnDueCzk!: number | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'The first deadline of what the review claimed back and was not yet returned' })
  returnDueOn!: string | null;
  @ApiProperty({ format: 'date', description: 'The contract’s settlement deadline: the unspent money is due by it' }) settlementDueOn!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'paid − spent (null before the review): due by the settlement deadline' }) unspentCzk!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'spent − accepted (null before the review): due by the remedy deadline' }) refusedCzk!: number | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'The remedy deadline the review set for the refused money' }) remedyDueOn!: string | null;
}

export class ReturnRequest {
  @Czk({ min: 1 })
  amountCzk!: number;

  @IsoDate()
  receivedOn!: string;

  @Text(100)
  reference!: string;
}

export class ReturnResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: 'integer' }) amountCzk!: number;
  @ApiProperty({ format: 'date' }) receivedOn!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ type: 'integer', description: 'Still to return' }) returnDueCzk!: number;
  @ApiProperty({ type: 'integer', description: '§22 penalty levied by this return (late money, 1 ‰ a day, none when ≤ CZK 1,000)' }) penaltyLeviedCzk!: number;
  @ApiProperty({ type: 'integer' }) penaltyDueCzk!: number;
  @ApiProperty() status!: string;
}

export class LedgerLineResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['commitment', 'release', 'payment', 'return_due', 'return', 'penalty', 'penalty_payment', 'reversal'] }) type!: string;
  @ApiProperty({ type: 'integer' }) amountCzk!: number;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) reverses!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PartBudgetResponse {
  @ApiProperty() code!: string;
  @ApiProperty({ type: 'integer' }) allocationCzk!: number;
  @ApiProperty({ type: 'integer' }) proposedCzk!: number;
  @ApiProperty({ type: 'integer' }) committedCzk!: number;
  @ApiProperty({ type: 'integer' }) paidCzk!: number;
  @ApiProperty({ type: 'integer' }) returnedCzk!: number;
  @ApiProperty({ type: 'integer', description: 'allocationCzk − committedCzk' }) availableCzk!: number;
}

export class CallBudgetResponse {
  @ApiProperty({ format: 'uuid' }) callId!: string;
  @ApiProperty({ type: [PartBudgetResponse] }) parts!: PartBudgetResponse[];
}

class BalanceMismatch {
  @ApiProperty() field!: string;
  @ApiProperty({ type: 'integer' }) cachedCzk!: number;
  @ApiProperty({ type: 'integer' }) ledgerCzk!: number;
}

class PartMismatch extends BalanceMismatch {
  @ApiProperty({ format: 'uuid' }) partId!: string;
}

class ApplicationMismatch extends BalanceMismatch {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
}

export class LedgerCheckResponse {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: 'integer' }) transactions!: number;
  @ApiProperty({ type: [String] }) unbalancedTransactions!: string[];
  @ApiProperty({ type: [PartMismatch] }) parts!: PartMismatch[];
  @ApiProperty({ type: [ApplicationMismatch] }) applications!: ApplicationMismatch[];
}

export class ReversalRequest {
  @Text(2000, { description: 'Why the movement is reversed (e.g. recorded twice, wrong amount)' })
  reason!: string;
}

export class ReversalResponse {
  @ApiProperty({ format: 'uuid', description: 'The reversal transaction' }) id!: string;
  @ApiProperty({ format: 'uuid' }) reverses!: string;
  @ApiProperty({ enum: ['payment', 'return'] }) type!: string;
  @ApiProperty({ type: 'integer' }) amountCzk!: number;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: 'integer' }) paidCzk!: number;
  @ApiProperty({ type: 'integer' }) returnedCzk!: number;
  @ApiProperty({ type: 'integer' }) returnDueCzk!: number;
}
