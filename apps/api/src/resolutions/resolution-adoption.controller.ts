import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, IdempotencyInterceptor } from '@app/core';
import { ResolutionAdoptionService } from '@app/resolutions';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { AdoptionResponse, AdoptResolutionRequest } from './dto/adopt-resolution.dto';

/** The adoption of a resolution: every decision of its annex recorded at once. */
@ApiTags('resolutions')
@Controller('resolutions/:id')
export class ResolutionAdoptionController {
  constructor(private readonly adoption: ResolutionAdoptionService) {}

  @Post('adopt')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Adopt the resolution: record every decision of its annex at once',
    description:
      'All or nothing, in one transaction: every approved and rejected line is decided exactly as POST /applications/:id/decision decides one ' +
      'application (status and history, decision, commitment and ledger posting, letter and outbox, audit event), ineligible lines record nothing new, ' +
      'and the resolution becomes adopted (audit `resolution.adopted`). Any line the single decision would refuse (status changed meanwhile, no longer ' +
      'fits the part, the Council’s limit crossed, dated before the evaluation’s close …) → 409 RESOLUTION_NOT_ADOPTABLE with one `errors[]` entry per ' +
      'offending line (`field: lines.<applicationId>`, the single decision’s code). Not a draft → 409 RESOLUTION_NOT_DRAFT; `body` not the draft’s → 422 ' +
      'RESOLUTION_BODY_MISMATCH; an officer affiliated with any line’s applicant organisation → 403 CONFLICT_OF_INTEREST (the lines listed).',
  })
  @Auth('officer')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body → the first response again, also for concurrent duplicates' })
  @ApiOkResponse({ type: AdoptionResponse })
  @ApiProblems(400, 404, 409, 422)
  adopt(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: AdoptResolutionRequest): Promise<AdoptionResponse> {
    return this.adoption.adopt(caller, id, body);
  }
}
