import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApplicationsService } from '@app/applications';
import { type AuthUser, CurrentUser, IdempotencyInterceptor } from '@app/core';
import { pageOf } from '../common/pagination.dto';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import {
  ApplicationListQuery,
  ApplicationPageResponse,
  ApplicationPatchRequest,
  ApplicationRequest,
  ApplicationResponse,
  SubmissionReceiptResponse,
  WithdrawRequest,
} from './dto/applications.dto';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a draft application' })
  @Auth('applicant')
  @ApiCreatedResponse({ type: ApplicationResponse, description: 'The application, in draft' })
  @ApiProblems(400, 404)
  create(@CurrentUser() caller: AuthUser, @Body() body: ApplicationRequest): Promise<ApplicationResponse> {
    return this.applications.create(caller, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a draft (or an application returned for correction)' })
  @Auth('applicant')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiProblems(400, 404, 409)
  update(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ApplicationPatchRequest,
  ): Promise<ApplicationResponse> {
    return this.applications.update(caller, id, body);
  }

  /** Checks every rule at once; all failures come back together in `errors`. */
  @Post(':id/submit')
  @ApiOperation({ summary: 'Submit an application' })
  @HttpCode(200)
  @Auth('applicant')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body → the first response again' })
  @ApiOkResponse({ type: SubmissionReceiptResponse })
  @ApiProblems(400, 404, 409, 422)
  submit(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<SubmissionReceiptResponse> {
    return this.applications.submit(caller, id);
  }

  @Post(':id/withdraw')
  @ApiOperation({ summary: 'Withdraw an application before a decision' })
  @HttpCode(200)
  @Auth('applicant')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiProblems(400, 404, 409)
  withdraw(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: WithdrawRequest,
  ): Promise<ApplicationResponse> {
    return this.applications.withdraw(caller, id, body.reason);
  }

  @Get()
  @ApiOperation({ summary: 'List applications' })
  @Auth('applicant', 'officer', 'commission', 'budget')
  @ApiOkResponse({
    type: ApplicationPageResponse,
    description: "Applicants see their organisation's applications; commission members the eligible ones of their calls",
  })
  @ApiProblems(400)
  async list(@CurrentUser() caller: AuthUser, @Query() query: ApplicationListQuery): Promise<ApplicationPageResponse> {
    const { page, pageSize, ...filter } = query;
    return pageOf(await this.applications.list(caller, filter, page, pageSize), query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An application with its budget, status history, contract and settlement' })
  @Auth('applicant', 'officer', 'commission', 'budget')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiProblems(400, 404)
  get(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<ApplicationResponse> {
    return this.applications.get(caller, id);
  }
}
