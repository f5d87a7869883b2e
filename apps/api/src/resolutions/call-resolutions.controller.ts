import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@app/core';
import { ResolutionsService } from '@app/resolutions';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { ResolutionResponse, ResolutionsDraftedResponse } from './dto/resolution.dto';

/** The Council's and Assembly's resolutions on a call: drafted from the closed evaluation. */
@ApiTags('resolutions')
@Controller('calls/:id/resolutions')
export class CallResolutionsController {
  constructor(private readonly resolutions: ResolutionsService) {}

  @Post()
  @ApiOperation({
    summary: 'Draft the resolutions on the call',
    description:
      'From the closed evaluation (else 409 EVALUATION_NOT_CLOSED): one annex line per application of the call that is recommended, not_recommended or ' +
      'ineligible, has no decision and is in no live resolution (none: 409 NOTHING_TO_RESOLVE). Default outcomes: recommended with a proposal above 0 → ' +
      'approved with the proposal; recommended below the funding line and not_recommended → rejected with the default reason; ineligible → ineligible with ' +
      'its formal check’s reasons. Lines in annex order: by part, then the commission’s rank. An approved line whose IČO’s awards this Prague year (its ' +
      'approval decisions, plus its approved lines before it in the annex) would go above the Council’s limit (COUNCIL_THRESHOLD_CZK, default CZK 1,000,000) ' +
      'goes to a separate Assembly draft. Audited (resolution.drafted per draft).',
  })
  @Auth('officer')
  @ApiCreatedResponse({ type: ResolutionsDraftedResponse })
  @ApiProblems(404, 409)
  draft(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<ResolutionsDraftedResponse> {
    return this.resolutions.draft(caller, id);
  }

  @Get()
  @ApiOperation({ summary: 'The call’s resolutions, newest first', description: 'Drafts, adopted, rejected and withdrawn ones, each with its annex.' })
  @Auth('officer')
  @ApiOkResponse({ type: [ResolutionResponse] })
  @ApiProblems(404)
  list(@Param('id', UuidPipe) id: string): Promise<ResolutionResponse[]> {
    return this.resolutions.listOfCall(id);
  }
}
