import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AuditCheckpoints, AuditTrail } from '@app/core';
import { PageQuery, pageOf, PageResponse } from '../common/pagination.dto';
import { ApiProblems, Auth } from '../common/route.decorators';

class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'application' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;
}

class AuditEventResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'Position in the hash chain' })
  seq!: number;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  actorUserId!: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  actorRole!: string | null;

  @ApiProperty({ example: 'application.submitted' })
  action!: string;

  @ApiProperty({ example: 'application' })
  entityType!: string;

  @ApiProperty({ type: 'string', nullable: true })
  entityId!: string | null;

  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  before!: unknown;

  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  after!: unknown;

  @ApiProperty({ type: 'string', nullable: true })
  reason!: string | null;

  @ApiProperty()
  prevHash!: string;

  @ApiProperty()
  hash!: string;
}

class AuditPageResponse extends PageResponse(AuditEventResponse, 'AuditPageResponse') {}

class AuditVerificationResponse {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ description: 'Events verified (up to the first broken one)' })
  events!: number;

  @ApiPropertyOptional({ format: 'uuid' })
  firstBrokenEventId?: string;
}

class AuditCheckpointResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', description: 'The chain’s head at the checkpoint: its position (0: no event yet)' })
  headSeq!: number;

  @ApiProperty({ description: 'The head event’s hash (64 zeros when there is no event): anchor it outside the system', example: 'c0ffee…' })
  headHash!: string;

  @ApiProperty({ type: 'integer', description: 'Events in the chain up to and including the head' })
  eventCount!: number;

  @ApiProperty({ format: 'date-time', description: 'When the database took the checkpoint' })
  takenAt!: string;
}

class AuditCheckpointPageResponse extends PageResponse(AuditCheckpointResponse, 'AuditCheckpointPageResponse') {}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditTrail,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Audit events, newest first' })
  @Auth('budget', 'admin')
  @ApiOkResponse({ type: AuditPageResponse, description: 'Newest first' })
  @ApiProblems(400)
  async list(@Query() query: AuditQuery): Promise<AuditPageResponse> {
    const result = await this.audit.list({ entityType: query.entityType, entityId: query.entityId }, query.page, query.pageSize);
    return pageOf(
      { total: result.total, items: result.items.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })) },
      query,
    );
  }

  /** Recomputes the whole hash chain; names the first event that does not match. */
  @Get('verify')
  @ApiOperation({ summary: 'Verify the hash chain of the audit trail' })
  @Auth('budget', 'admin')
  @ApiOkResponse({ type: AuditVerificationResponse })
  verify(): Promise<AuditVerificationResponse> {
    return this.audit.verify();
  }

  /** The worker's daily checkpoints of the chain (AUDIT_CHECKPOINT_CRON), newest first. */
  @Get('checkpoints')
  @ApiOperation({
    summary: 'Checkpoints of the audit chain, newest first',
    description:
      'Each checkpoint is the chain’s head (seq and hash), the number of events up to it and the time, computed by the database and written by the worker ' +
      'once a day (AUDIT_CHECKPOINT_CRON) with an `audit.checkpoint` event. Copy the head hash outside the system (a qualified timestamp, a register): ' +
      'a chain rewritten later no longer passes through it.',
  })
  @Auth('budget', 'admin')
  @ApiOkResponse({ type: AuditCheckpointPageResponse })
  @ApiProblems(400)
  async checkpointList(@Query() query: PageQuery): Promise<AuditCheckpointPageResponse> {
    const result = await this.checkpoints.list(query.page, query.pageSize);
    return pageOf({ total: result.total, items: result.items.map((c) => ({ ...c, takenAt: c.takenAt.toISOString() })) }, query);
  }
}
