import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';
import type { CallPhase, RankingMethod } from '@app/calls';
import { ORGANISATION_KINDS, type OrganisationKind } from '@app/identity';
import { PageResponse } from '../../common/pagination.dto';
import { Czk, IsoDate, IsoInstant, Optional, PositiveInt, Text } from '../../common/validators';

const RANKING_METHODS: RankingMethod[] = ['average', 'normalised'];
const CALL_PHASES: CallPhase[] = ['draft', 'announced', 'open', 'closed', 'evaluated', 'decided'];

export class ProgrammeRequest {
  @ApiProperty({ example: 'INT', description: 'Short code; prefixes the reference numbers' })
  @IsString()
  @Matches(/^[A-Z0-9]{2,20}$/, { message: 'must be 2 to 20 capital letters or digits' })
  code!: string;

  @Text(300, { example: 'Integration of foreigners 2027' })
  name!: string;

  @PositiveInt({ min: 2000, max: 2100, example: 2027 })
  year!: number;

  @Czk({ description: 'The budget appropriation in whole CZK' })
  appropriationCzk!: number;
}

export class ProgrammeResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  year!: number;

  @ApiProperty({ type: 'integer' })
  appropriationCzk!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ProgrammePageResponse extends PageResponse(ProgrammeResponse, 'ProgrammePageResponse') {}

export class BudgetMeasureResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', description: 'Change of the appropriation in whole CZK; negative lowered it' })
  amountCzk!: number;

  @ApiProperty({ example: 'RO 2027/145' })
  reference!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ProgrammeDetailResponse extends ProgrammeResponse {
  @ApiProperty({ type: 'integer', description: 'Sum of the parts’ allocations of the programme’s announced calls; the appropriation never goes below it' })
  allocatedCzk!: number;

  @ApiProperty({ type: [BudgetMeasureResponse], description: 'Every budget measure, oldest first' })
  budgetMeasures!: BudgetMeasureResponse[];
}

export class BudgetMeasureRequest {
  @ApiProperty({ type: 'integer', description: 'Change of the appropriation in whole CZK; negative lowers it' })
  @IsInt({ message: 'must be a whole number of CZK' })
  @Min(-1_000_000_000_000)
  @Max(1_000_000_000_000)
  amountCzk!: number;

  @Text(100, { example: 'RO 2027/145' })
  reference!: string;

  @Text(2000)
  reason!: string;
}

export class CallPartDto {
  @ApiProperty({ example: '1' })
  @IsString()
  @Matches(/^[A-Za-z0-9]{1,10}$/, { message: 'must be 1 to 10 letters or digits' })
  code!: string;

  @Text(300, { example: 'Activities' })
  name!: string;

  @Czk({ min: 1 })
  allocationCzk!: number;

  @Czk({ min: 1 })
  minRequestCzk!: number;

  @Czk({ min: 1 })
  maxRequestCzk!: number;
}

export class CallCriterionDto {
  @ApiProperty({ example: 'K1' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,20}$/, { message: 'must be 1 to 20 letters, digits, dots, dashes or underscores' })
  code!: string;

  @Text(300, { example: 'Relevance to the policy' })
  name!: string;

  @PositiveInt({ min: 1, max: 1000 })
  maxPoints!: number;
}

export class CallRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  programmeId!: string;

  @Text(300)
  title!: string;

  @IsoDate({ description: 'Publication date of the call' })
  announcedOn!: string;

  @IsoInstant()
  submissionOpensAt!: string;

  @IsoInstant()
  submissionClosesAt!: string;

  @IsoDate()
  decisionDueOn!: string;

  @IsoDate()
  settlementDueOn!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsIn(ORGANISATION_KINDS, { each: true })
  eligibleApplicantKinds!: OrganisationKind[];

  @ApiProperty({ type: [String], example: ['33.I', '21.III'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(75)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  eligibleMeasureCodes!: string[];

  @PositiveInt({ max: 100 })
  maxApplicationsPerOrganisation!: number;

  @PositiveInt({ min: 0, max: 100_000 })
  minScore!: number;

  @PositiveInt({ max: 100 })
  quorum!: number;

  @PositiveInt({ max: 100, description: 'Requested CZK may be at most this share of total costs' })
  maxRequestShareOfCostsPct!: number;

  @ApiPropertyOptional({ enum: RANKING_METHODS, default: 'average' })
  @Optional()
  @IsIn(RANKING_METHODS)
  rankingMethod?: RankingMethod;

  @ApiProperty({ type: [CallPartDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CallPartDto)
  parts!: CallPartDto[];

  @ApiProperty({ type: [CallCriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CallCriterionDto)
  criteria!: CallCriterionDto[];
}

export class CallPatchRequest extends PartialType(OmitType(CallRequest, ['programmeId'] as const), { skipNullProperties: false }) {}

export class CallPartResponse {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: 'integer' })
  allocationCzk!: number;

  @ApiProperty({ type: 'integer' })
  minRequestCzk!: number;

  @ApiProperty({ type: 'integer' })
  maxRequestCzk!: number;
}

export class CallCriterionResponse {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  maxPoints!: number;
}

export class CallResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  programmeId!: string;

  @ApiProperty()
  programmeCode!: string;

  @ApiProperty()
  year!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: CALL_PHASES, description: 'Derived from the windows and the evaluation' })
  status!: CallPhase;

  @ApiProperty({ format: 'date' })
  announcedOn!: string;

  @ApiProperty({ format: 'date-time' })
  submissionOpensAt!: string;

  @ApiProperty({ format: 'date-time' })
  submissionClosesAt!: string;

  @ApiProperty({ format: 'date' })
  decisionDueOn!: string;

  @ApiProperty({ format: 'date' })
  settlementDueOn!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, isArray: true })
  eligibleApplicantKinds!: OrganisationKind[];

  @ApiProperty({ type: [String] })
  eligibleMeasureCodes!: string[];

  @ApiProperty()
  maxApplicationsPerOrganisation!: number;

  @ApiProperty()
  minScore!: number;

  @ApiProperty()
  quorum!: number;

  @ApiProperty()
  maxRequestShareOfCostsPct!: number;

  @ApiProperty({ enum: RANKING_METHODS })
  rankingMethod!: RankingMethod;

  @ApiProperty({ type: 'integer' })
  totalAllocationCzk!: number;

  @ApiProperty({ type: [CallPartResponse] })
  parts!: CallPartResponse[];

  @ApiProperty({ type: [CallCriterionResponse] })
  criteria!: CallCriterionResponse[];
}

export class CallPageResponse extends PageResponse(CallResponse, 'CallPageResponse') {}

export class CommissionRequest {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Users with the commission role' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  memberIds!: string[];

  @ApiProperty({ format: 'uuid', description: 'One of the members' })
  @IsUUID()
  chairId!: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description:
      'Why the commission changes. Required (non-blank) to add or remove a member or to move the chair once the submission period has closed (else 409 COMMISSION_FROZEN); kept in the audit event.',
  })
  @Optional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class CommissionMemberResponse {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  chair!: boolean;
}

export class CommissionResponse {
  @ApiProperty({ format: 'uuid' })
  callId!: string;

  @ApiProperty({ type: [CommissionMemberResponse] })
  members!: CommissionMemberResponse[];
}
