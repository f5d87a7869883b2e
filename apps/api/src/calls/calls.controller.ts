import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, OptionalUser } from '@app/core';
import { CallAnnouncementService, type CallPatch, CallsService, CommissionMembersService } from '@app/calls';
import { PageQuery, pageOf } from '../common/pagination.dto';
import { RateLimited } from '../common/rate-limits';
import { Anyone, ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { CallPageResponse, CallPatchRequest, CallRequest, CallResponse, CommissionRequest, CommissionResponse } from './dto/calls.dto';

@ApiTags('programmes and calls')
@Controller('calls')
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly announcements: CallAnnouncementService,
    private readonly commissionMembers: CommissionMembersService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a call (draft)' })
  @Auth('officer')
  @ApiCreatedResponse({ type: CallResponse, description: 'The call, in draft' })
  @ApiProblems(400, 404)
  create(@CurrentUser() caller: AuthUser, @Body() body: CallRequest): Promise<CallResponse> {
    return this.calls.createCall(caller, { ...body, ...instants(body) } as Parameters<CallsService['createCall']>[1]);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a draft call' })
  @Auth('officer')
  @ApiOkResponse({ type: CallResponse })
  @ApiProblems(400, 404, 409)
  update(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: CallPatchRequest): Promise<CallResponse> {
    return this.calls.updateCall(caller, id, { ...body, ...instants(body) } as CallPatch);
  }

  @Post(':id/announce')
  @ApiOperation({ summary: 'Announce a call (30-day rule, allocations within the appropriation)' })
  @HttpCode(200)
  @Auth('officer')
  @ApiOkResponse({ type: CallResponse, description: 'The call, announced and frozen' })
  @ApiProblems(404, 409, 422)
  announce(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<CallResponse> {
    return this.announcements.announce(caller, id);
  }

  @Put(':id/commission')
  @ApiOperation({
    summary: "Set the call's DOT Commission and its chair",
    description:
      'Free until the submission period closes. From then on members may score: adding or removing a member or moving the chair needs a `reason` (else 409 COMMISSION_FROZEN), kept in the audit event; sending the same commission again needs none. Once the evaluation is closed the commission cannot change (409 COMMISSION_FROZEN). A removed member’s score sheets stay in the record (GET /applications/:id/scores, flagged `memberRemoved`) but leave the averages and the ranking.',
  })
  @Auth('officer')
  @ApiOkResponse({ type: CommissionResponse })
  @ApiProblems(400, 404, 409)
  setCommission(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: CommissionRequest,
  ): Promise<CommissionResponse> {
    return this.commissionMembers.setCommission(caller, id, body);
  }

  @Get(':id/commission')
  @ApiOperation({
    summary: "The call's DOT Commission",
    description: 'Officers: any call. Commission members: an announced call whose commission they sit on (a member of another call’s commission: 403 NOT_A_COMMISSION_MEMBER, as for the ranking). Chair first, then by name.',
  })
  @Auth('officer', 'commission')
  @ApiOkResponse({ type: CommissionResponse })
  @ApiProblems(400, 404)
  commission(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<CommissionResponse> {
    return this.commissionMembers.getCommission(caller, id);
  }

  @Get()
  @ApiOperation({ summary: 'List announced calls' })
  @Anyone()
  @RateLimited('public')
  @ApiOkResponse({ type: CallPageResponse, description: 'Announced calls (officers also see drafts)' })
  @ApiProblems(400, 429)
  async list(@OptionalUser() caller: AuthUser | undefined, @Query() query: PageQuery): Promise<CallPageResponse> {
    return pageOf(await this.calls.list(caller, query.page, query.pageSize), query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A call with its parts, criteria and windows' })
  @Anyone()
  @RateLimited('public')
  @ApiOkResponse({ type: CallResponse })
  @ApiProblems(400, 404, 429)
  get(@OptionalUser() caller: AuthUser | undefined, @Param('id', UuidPipe) id: string): Promise<CallResponse> {
    return this.calls.get(caller, id);
  }
}

function instants(body: { submissionOpensAt?: string; submissionClosesAt?: string }) {
  return {
    submissionOpensAt: body.submissionOpensAt === undefined ? undefined : new Date(body.submissionOpensAt),
    submissionClosesAt: body.submissionClosesAt === undefined ? undefined : new Date(body.submissionClosesAt),
  };
}
