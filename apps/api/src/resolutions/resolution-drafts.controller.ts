import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@app/core';
import { ResolutionsService } from '@app/resolutions';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { ResolutionCloseRequest, ResolutionLineEditRequest, ResolutionLineEditResponse, ResolutionResponse } from './dto/resolution.dto';

/** One resolution: read, its lines edited while it is a draft, rejected by the body or withdrawn. */
@ApiTags('resolutions')
@Controller('resolutions/:id')
export class ResolutionDraftsController {
  constructor(private readonly resolutions: ResolutionsService) {}

  @Get()
  @ApiOperation({ summary: 'A resolution with its annex' })
  @Auth('officer')
  @ApiOkResponse({ type: ResolutionResponse })
  @ApiProblems(400, 404)
  get(@Param('id', UuidPipe) id: string): Promise<ResolutionResponse> {
    return this.resolutions.view(id);
  }

  @Patch('lines/:applicationId')
  @ApiOperation({
    summary: 'Edit a line of a draft',
    description:
      'Only while the resolution is a draft (409 RESOLUTION_NOT_DRAFT); `version` given and stale: 409 RESOLUTION_CHANGED. An officer affiliated with the ' +
      'line’s applicant organisation: 403 CONFLICT_OF_INTEREST. Judged by the rules of a single ' +
      'decision: an ineligible line cannot change (409 INVALID_STATUS_TRANSITION); an approval at most the request (422 PROPOSAL_EXCEEDS_REQUEST); approving ' +
      'a not_recommended application or above the proposal needs `deviationReason` (422 DEVIATION_REASON_REQUIRED); a rejection needs a reason. Then the ' +
      'approved lines of the part in the call’s drafts must fit what is left of its allocation (409 ALLOCATION_EXCEEDED naming the part, ' +
      '`errors[].field = "parts.<code>"`). A Council line whose IČO now goes above the Council’s limit moves to the call’s Assembly draft (created if ' +
      'needed): `movedToResolutionId`. Bumps `version`; audited (resolution.line_changed, before and after).',
  })
  @Auth('officer')
  @ApiOkResponse({ type: ResolutionLineEditResponse })
  @ApiProblems(400, 404, 409, 422)
  editLine(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Param('applicationId', UuidPipe) applicationId: string,
    @Body() body: ResolutionLineEditRequest,
  ): Promise<ResolutionLineEditResponse> {
    return this.resolutions.editLine(caller, id, applicationId, body);
  }

  @Post('rejection')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that the body did not pass the draft',
    description: 'draft → rejected (else 409 RESOLUTION_NOT_DRAFT); its applications are free for a new draft. Audited (resolution.rejected).',
  })
  @Auth('officer')
  @ApiOkResponse({ type: ResolutionResponse })
  @ApiProblems(400, 404, 409)
  reject(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: ResolutionCloseRequest): Promise<ResolutionResponse> {
    return this.resolutions.reject(caller, id, body.reason);
  }

  @Post('withdrawal')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw the draft',
    description: 'draft → withdrawn (else 409 RESOLUTION_NOT_DRAFT); its applications are free for a new draft. Audited (resolution.withdrawn).',
  })
  @Auth('officer')
  @ApiOkResponse({ type: ResolutionResponse })
  @ApiProblems(400, 404, 409)
  withdraw(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: ResolutionCloseRequest): Promise<ResolutionResponse> {
    return this.resolutions.withdraw(caller, id, body.reason);
  }
}
