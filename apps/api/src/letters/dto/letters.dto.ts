import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { LETTER_KINDS, type LetterKind, type LetterStatus } from '@app/letters';
import { PageQuery, PageResponse } from '../../common/pagination.dto';

const LETTER_STATUSES: readonly LetterStatus[] = ['queued', 'ready', 'failed'];

export class LetterResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LETTER_KINDS }) kind!: LetterKind;
  @ApiProperty({ enum: LETTER_STATUSES }) status!: LetterStatus;
  @ApiProperty({ type: 'string', nullable: true, pattern: '^[0-9a-f]{64}$', description: 'Hex SHA-256 of the PDF once ready; its ETag is this value in quotes' })
  sha256!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) readyAt!: string | null;
  @ApiPropertyOptional({ type: 'string', nullable: true, description: 'Officers and the Budget Department only: why rendering failed (null unless failed). Absent for applicants.' })
  failureReason?: string | null;
}

export class LetterListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LETTER_STATUSES, description: '`failed`: the letters an officer can retry' })
  @IsOptional()
  @IsIn(LETTER_STATUSES)
  status?: LetterStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only letters of this call’s applications' })
  @IsOptional()
  @IsUUID()
  callId?: string;
}

export class LetterListItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) callId!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'INT-2027-0001' }) referenceNumber!: string | null;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ enum: LETTER_KINDS }) kind!: LetterKind;
  @ApiProperty({ enum: LETTER_STATUSES }) status!: LetterStatus;
  @ApiProperty({ type: 'string', nullable: true, description: 'Why rendering failed (null unless failed)' }) failureReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) readyAt!: string | null;
}

export class LetterPageResponse extends PageResponse(LetterListItemResponse, 'LetterPageResponse') {}
