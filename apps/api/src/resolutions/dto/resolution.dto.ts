import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, MaxLength, Min } from 'class-validator';
import { Czk, Optional, Text } from '../../common/validators';

const BODIES = ['council', 'assembly'] as const;
const STATUSES = ['draft', 'adopted', 'rejected', 'withdrawn'] as const;
const OUTCOMES = ['approved', 'rejected', 'ineligible'] as const;
const COMMISSION_STATUSES = ['recommended', 'not_recommended', 'ineligible'] as const;

export class ResolutionPartResponse {
  @ApiProperty({ format: 'uuid' }) partId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) allocationCzk!: number;
  @ApiProperty({ type: 'integer', description: 'The allocation less what is committed now' }) availableCzk!: number;
  @ApiProperty({ type: 'integer', description: 'Requested by the lines of this resolution in the part' }) requestedCzk!: number;
  @ApiProperty({ type: 'integer', description: 'The DOT Commission’s proposals of the lines of this resolution in the part (none counts as 0)' }) proposedCzk!: number;
  @ApiProperty({ type: 'integer', description: 'Sum of the approved lines of this resolution in the part' }) approvedCzk!: number;
}

export class ResolutionTotalsResponse {
  @ApiProperty({ type: 'integer' }) lines!: number;
  @ApiProperty({ type: 'integer' }) approved!: number;
  @ApiProperty({ type: 'integer' }) rejected!: number;
  @ApiProperty({ type: 'integer' }) ineligible!: number;
  @ApiProperty({ type: 'integer' }) requestedCzk!: number;
  @ApiProperty({ type: 'integer' }) proposedCzk!: number;
  @ApiProperty({ type: 'integer' }) approvedCzk!: number;
}

export class ResolutionLineResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() referenceNumber!: string;
  @ApiProperty() title!: string;
  @ApiProperty() applicantName!: string;
  @ApiProperty() ico!: string;
  @ApiProperty({ format: 'uuid' }) partId!: string;
  @ApiProperty() partCode!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The DOT Commission’s rank in the part when the draft was built; null for an ineligible application' })
  rank!: number | null;
  @ApiProperty({ type: 'number', nullable: true }) averageScore!: number | null;
  @ApiProperty({ enum: COMMISSION_STATUSES, description: 'The application’s status when the draft was built' })
  commissionStatus!: (typeof COMMISSION_STATUSES)[number];
  @ApiProperty({ type: 'integer' }) requestedCzk!: number;
  @ApiProperty({ type: 'integer', nullable: true }) proposedCzk!: number | null;
  @ApiProperty({ enum: OUTCOMES }) outcome!: (typeof OUTCOMES)[number];
  @ApiProperty({ type: 'integer', nullable: true, description: 'The award (approved lines only)' }) amountCzk!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the line is rejected or ineligible' }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why an approval deviates from the DOT Commission' }) deviationReason!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The decision letter once adopted' }) letterId!: string | null;
}

export class ResolutionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) callId!: string;
  @ApiProperty({ enum: BODIES }) body!: (typeof BODIES)[number];
  @ApiProperty({ enum: STATUSES }) status!: (typeof STATUSES)[number];
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Bumped by every change of the draft; send it with an edit to be told when someone else changed it first' })
  version!: number;
  @ApiProperty({ type: String, nullable: true }) resolutionNumber!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) resolutionDate!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) adoptedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the body rejected it or the officers withdrew it' }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closeReason!: string | null;
  @ApiProperty({ type: [ResolutionPartResponse], description: 'Every part of the call' }) parts!: ResolutionPartResponse[];
  @ApiProperty({ type: ResolutionTotalsResponse }) totals!: ResolutionTotalsResponse;
  @ApiProperty({ type: [ResolutionLineResponse], description: 'In annex order: by part, then the commission’s rank' }) lines!: ResolutionLineResponse[];
}

export class ResolutionsDraftedResponse {
  @ApiProperty({ type: [ResolutionResponse], description: 'The Council’s draft, and the Assembly’s when some approved line needs it' })
  resolutions!: ResolutionResponse[];
}

export class ResolutionLineEditRequest {
  @ApiPropertyOptional({ enum: ['approved', 'rejected'], description: 'Left out: the line keeps its outcome' })
  @Optional()
  @IsIn(['approved', 'rejected'])
  outcome?: 'approved' | 'rejected';

  @Czk({ required: false, min: 1, description: 'An approval’s award, at most the request (422 PROPOSAL_EXCEEDS_REQUEST); left out, the line keeps its amount (or takes the proposal)' })
  @Optional()
  amountCzk?: number;

  @ApiPropertyOptional({ maxLength: 2000, description: 'A rejection’s reason; left out, the line keeps its reason (or takes the default one)' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Why an approval deviates from the DOT Commission: required for a not_recommended application or above the proposal (422 DEVIATION_REASON_REQUIRED), refused otherwise (400)',
  })
  @Optional()
  @IsString()
  @MaxLength(2000)
  deviationReason?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'The draft’s version the edit is based on: 409 RESOLUTION_CHANGED when it moved on' })
  @Optional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ResolutionLineEditResponse extends ResolutionResponse {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The call’s Assembly draft the line moved to, its new amount taking its IČO above the Council’s limit; null when it stayed',
  })
  movedToResolutionId!: string | null;
}

export class ResolutionCloseRequest {
  @Text(2000, { description: 'Why the Council did not pass it, or why the officers withdraw it' })
  reason!: string;
}
