import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AuditTrail } from '@app/core';
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

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditTrail) {}

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
}
