import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested, IsObject } from 'class-validator';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@app/applications';
import { PageQuery, PageResponse } from '../../common/pagination.dto';
import { Czk, IsoDate, Optional, Text } from '../../common/validators';

export class BudgetLineDto {
  @Text(100, { example: 'Personnel' })
  category!: string;

  @Text(1000, { example: 'Czech teacher, 120 lessons' })
  description!: string;

  @Czk({ description: 'Total cost of the line in whole CZK' })
  totalCzk!: number;

  @Czk({ description: 'Part of the line requested from the city, whole CZK' })
  requestedCzk!: number;
}

export class ContactPersonDto {
  @Text(200)
  name!: string;

  @ApiProperty({ example: 'jana@example.org' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: '+420 601 234 567' })
  @IsString()
  @Matches(/^\+?[0-9 ]{9,20}$/, { message: 'must be a phone number' })
  phone!: string;
}

/** A list of 1..max short strings. */
function StringList(max: number, example: string[]) {
  return applyDecorators(
    ApiProperty({ type: [String], example, minItems: 1, maxItems: max }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(max),
    IsString({ each: true }),
    MaxLength(200, { each: true }),
  );
}

export class ApplicationRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  callId!: string;

  @ApiProperty({ example: '1' })
  @IsString()
  @MaxLength(10)
  partCode!: string;

  @Text(300)
  title!: string;

  @Text(4000)
  summary!: string;

  @Text(20000)
  justification!: string;

  @ApiProperty({ example: '33.I' })
  @IsString()
  @MaxLength(16)
  primaryMeasureCode!: string;

  @StringList(20, ['33.I', '21.III'])
  measureCodes!: string[];

  @StringList(20, ['adult migrants', 'children of foreigners'])
  targetGroups!: string[];

  @StringList(57, ['Praha 1', 'Praha 14'])
  districts!: string[];

  @IsoDate()
  startDate!: string;

  @IsoDate()
  endDate!: string;

  @ApiProperty({ type: [BudgetLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  budgetLines!: BudgetLineDto[];

  @Czk({ description: 'Funding from other sources, whole CZK' })
  otherFundingCzk!: number;

  @ApiProperty({ type: ContactPersonDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ContactPersonDto)
  contactPerson!: ContactPersonDto;
}

export class ApplicationPatchRequest extends PartialType(OmitType(ApplicationRequest, ['callId'] as const), { skipNullProperties: false }) {}

export class WithdrawRequest {
  @ApiPropertyOptional({ maxLength: 2000 })
  @Optional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ApplicationListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  callId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10)
  partCode?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
}

export class SubmissionReceiptResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['submitted'] })
  status!: ApplicationStatus;

  @ApiProperty({ example: 'INT-2027-0001' })
  referenceNumber!: string;

  @ApiProperty({ format: 'date-time', description: 'Receipt time (first submission)' })
  submittedAt!: string;
}

export class ApplicationMoneyResponse {
  @ApiProperty({ type: 'integer', description: 'Awarded by the decision, less what was released after the settlement' })
  awardedCzk!: number;

  @ApiProperty({ type: 'integer', description: 'Paid out in all' })
  paidCzk!: number;

  @ApiProperty({ type: 'integer' })
  returnedCzk!: number;

  @ApiProperty({ type: 'integer', description: 'Claimed back by the settlement review and not yet returned' })
  returnDueCzk!: number;
}

export class ApplicationSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  callId!: string;

  @ApiProperty()
  partCode!: string;

  @ApiProperty({ format: 'uuid' })
  organisationId!: string;

  @ApiProperty({ enum: APPLICATION_STATUSES })
  status!: ApplicationStatus;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: 'integer', description: 'Sum of the budget lines’ requestedCzk' })
  requestedCzk!: number;

  @ApiProperty({ type: 'integer', description: 'Sum of the budget lines’ totalCzk' })
  totalCostCzk!: number;

  @ApiProperty({ type: 'string', nullable: true })
  referenceNumber!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'Last day (Europe/Prague) to re-submit after a request for correction' })
  correctionDueOn!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The funding proposal, once the officer has made one' })
  proposedCzk!: number | null;

  @ApiProperty({ type: ApplicationMoneyResponse })
  money!: ApplicationMoneyResponse;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class StatusChangeResponse {
  @ApiProperty({ enum: APPLICATION_STATUSES, nullable: true, type: 'string' })
  from!: ApplicationStatus | null;

  @ApiProperty({ enum: APPLICATION_STATUSES })
  to!: ApplicationStatus;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  by!: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  reason!: string | null;
}

export class FormalCheckResponse {
  @ApiProperty({ enum: ['eligible', 'ineligible', 'correction_requested'] })
  result!: 'eligible' | 'ineligible' | 'correction_requested';

  @ApiProperty({ type: [String], description: 'Reasons of ineligibility, or the defects to correct' })
  reasons!: string[];

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  correctionDueOn!: string | null;

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ format: 'uuid' })
  checkedBy!: string;
}

export class ContractRecordResponse {
  @ApiProperty() contractNumber!: string;
  @ApiProperty({ format: 'date' }) signedOn!: string;
  @ApiProperty({ description: 'The recipient’s account; every payment goes to it' }) bankAccount!: string;
  @ApiProperty({ type: 'integer' }) amountCzk!: number;
  @ApiProperty({ format: 'date', description: 'The settlement deadline (the call’s unless the contract sets another): unspent money is due by it' })
  settlementDueOn!: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'Over CZK 50,000: publish in the register of contracts by this day (§10d)' })
  publicationDueOn!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) publishedOn!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'The contract in the register of contracts' }) url!: string | null;
}

export class SettlementLineRecordResponse {
  @ApiProperty() category!: string;
  @ApiProperty({ type: 'integer' }) spentCzk!: number;
}

export class SettlementRecordResponse {
  @ApiProperty({ type: 'integer' }) spentCzk!: number;
  @ApiProperty({ type: [SettlementLineRecordResponse] }) lines!: SettlementLineRecordResponse[];
  @ApiProperty() report!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Accepted by the officer’s review; null before it' }) acceptedCzk!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Claimed back by the review (paid − returned − accepted)' }) returnDueCzk!: number | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'The first deadline of what the review claimed back and was not yet returned' })
  returnDueOn!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'paid − spent (null before the review): due by the contract’s settlement deadline' }) unspentCzk!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'spent − accepted (null before the review): due by the remedy deadline' }) refusedCzk!: number | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'The remedy deadline the review set for the refused money' }) remedyDueOn!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) reviewNote!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) reviewedAt!: string | null;
}

export class ApplicationResponse extends ApplicationSummaryResponse {
  @ApiProperty()
  summary!: string;

  @ApiProperty()
  justification!: string;

  @ApiProperty()
  primaryMeasureCode!: string;

  @ApiProperty({ type: [String] })
  measureCodes!: string[];

  @ApiProperty({ type: [String] })
  targetGroups!: string[];

  @ApiProperty({ type: [String] })
  districts!: string[];

  @ApiProperty({ format: 'date' })
  startDate!: string;

  @ApiProperty({ format: 'date' })
  endDate!: string;

  @ApiProperty({ type: 'integer' })
  otherFundingCzk!: number;

  @ApiProperty({ type: ContactPersonDto })
  contactPerson!: ContactPersonDto;

  @ApiProperty({ type: [BudgetLineDto] })
  budgetLines!: BudgetLineDto[];

  @ApiProperty({ type: [StatusChangeResponse] })
  statusHistory!: StatusChangeResponse[];

  @ApiProperty({ type: [FormalCheckResponse], description: 'Every formal check, oldest first' })
  formalChecks!: FormalCheckResponse[];

  @ApiProperty({ type: ContractRecordResponse, nullable: true, description: 'The signed contract; null before it' })
  contract!: ContractRecordResponse | null;

  @ApiProperty({ type: SettlementRecordResponse, nullable: true, description: 'The recipient’s settlement and its review; null before it' })
  settlement!: SettlementRecordResponse | null;
}

export class ApplicationPageResponse extends PageResponse(ApplicationSummaryResponse, 'ApplicationPageResponse') {}
