import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsoDate, Text } from '../../common/validators';

export class AdoptResolutionRequest {
  @Text(100, { example: 'UR-1234/2027', description: 'The number of the passed resolution, the same for every decision of its annex' })
  resolutionNumber!: string;

  @IsoDate({ description: 'The day the body passed it: not in the future, not before the call’s evaluation closed' })
  resolutionDate!: string;

  @ApiProperty({ enum: ['council', 'assembly'], description: 'Must be the body the draft was prepared for (else 422 RESOLUTION_BODY_MISMATCH)' })
  @IsIn(['council', 'assembly'])
  body!: 'council' | 'assembly';
}

export class AdoptedLineResponse {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ enum: ['approved', 'rejected', 'ineligible'] }) outcome!: 'approved' | 'rejected' | 'ineligible';
  @ApiProperty({ type: 'integer', nullable: true, description: 'The award committed (approved lines)' }) amountCzk!: number | null;
  @ApiProperty({ description: 'The application’s status after the adoption' }) status!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'The decision letter, queued in the same transaction (null for ineligible lines)' })
  letterId!: string | null;
}

export class AdoptionResponse {
  @ApiProperty({ format: 'uuid' }) resolutionId!: string;
  @ApiProperty({ enum: ['adopted'] }) status!: 'adopted';
  @ApiProperty() resolutionNumber!: string;
  @ApiProperty({ format: 'date' }) resolutionDate!: string;
  @ApiProperty({ enum: ['council', 'assembly'] }) body!: 'council' | 'assembly';
  @ApiProperty({ format: 'date-time' }) adoptedAt!: string;
  @ApiProperty({ type: [AdoptedLineResponse] }) lines!: AdoptedLineResponse[];
}
