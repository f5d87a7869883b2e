import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@app/core';
import { CommissionService, FormalCheckService, RankingService } from '@app/evaluation';
import { ApplicationResponse } from '../applications/dto/applications.dto';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import {
  ConflictOfInterestRequest,
  ConflictOfInterestResponse,
  FormalCheckRequest,
  OwnEvaluationResponse,
  ProposalRequest,
  RankingItemResponse,
  ScoreSheetRequest,
  ScoreSheetResponse,
  ScoresResponse,
} from './dto/evaluation.dto';

/** The evaluation of one application: formal check, conflict of interest, score sheets, proposal. */
@ApiTags('evaluation')
@Controller('applications/:id')
export class ApplicationEvaluationController {
  constructor(
    private readonly formalChecks: FormalCheckService,
    private readonly commission: CommissionService,
    private readonly ranking: RankingService,
  ) {}

  @Post('formal-check')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Formal check of a submitted application',
    description:
      'Only after the submission window has closed (409 FORMAL_CHECK_NOT_OPEN). `ineligible` needs reasons; `correction_requested` needs the defects ' +
      'and a `correctionDueOn` after today: the applicant may then edit and re-submit (same reference number) up to and including that day, ' +
      'after which only the officer decides (a new formal check). Ineligibility and correction requests queue a letter.',
  })
  @Auth('officer')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiProblems(400, 404, 409)
  formalCheck(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: FormalCheckRequest): Promise<ApplicationResponse> {
    return this.formalChecks.check(caller, id, body);
  }

  @Put('conflict-of-interest')
  @ApiOperation({
    summary: 'Declare a conflict of interest, or none',
    description:
      'By a member of the call’s commission, before scoring (scoring without it: 409 COI_DECLARATION_REQUIRED). Fixed once the member has scored ' +
      'the application (409 COI_DECLARATION_FIXED). A member affiliated with the applicant organisation is in conflict whatever they declare (403 CONFLICT_OF_INTEREST for hasConflict: false).',
  })
  @Auth('commission')
  @ApiOkResponse({ type: ConflictOfInterestResponse })
  @ApiProblems(400, 404, 409)
  declare(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ConflictOfInterestRequest,
  ): Promise<ConflictOfInterestResponse> {
    return this.commission.declare(caller, id, body);
  }

  @Put('scores')
  @ApiOperation({
    summary: 'Save the caller’s score sheet',
    description:
      'Points for every criterion of the call, whole numbers from 0 to its maxPoints (422 POINTS_OUT_OF_RANGE), and a comment. Only for eligible applications, ' +
      'between the window’s close and the evaluation’s close (409 SCORING_NOT_OPEN / SCORING_CLOSED), after declaring no conflict. Editable until the evaluation closes.',
  })
  @Auth('commission')
  @ApiOkResponse({ type: ScoreSheetResponse })
  @ApiProblems(400, 404, 409, 422)
  score(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: ScoreSheetRequest): Promise<ScoreSheetResponse> {
    return this.commission.score(caller, id, body);
  }

  @Get('scores')
  @ApiOperation({
    summary: 'All score sheets of an application',
    description:
      'Officers always. A commission member only after submitting their own sheet (403 FORBIDDEN before: hidden peer scores), never with a conflict (403 CONFLICT_OF_INTEREST).',
  })
  @Auth('officer', 'commission')
  @ApiOkResponse({ type: ScoresResponse })
  @ApiProblems(404)
  scores(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<ScoresResponse> {
    return this.commission.scores(caller, id);
  }

  @Get('my-evaluation')
  @ApiOperation({
    summary: 'The caller’s own declaration and score sheet',
    description:
      'For a member of the call’s commission (another call’s member, or an application not yet eligible: 404, as for the scores). ' +
      'Shows where the member stands before the peers’ sheets are shown to them: nothing of the other members.',
  })
  @Auth('commission')
  @ApiOkResponse({ type: OwnEvaluationResponse })
  @ApiProblems(400, 404)
  ownEvaluation(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<OwnEvaluationResponse> {
    return this.commission.ownEvaluation(caller, id);
  }

  @Patch('proposal')
  @ApiOperation({
    summary: 'Adjust the funding proposal of one application',
    description: 'At most the request (422 PROPOSAL_EXCEEDS_REQUEST); all proposals of the part at most its allocation (409 ALLOCATION_EXCEEDED). Until the evaluation closes.',
  })
  @Auth('officer')
  @ApiOkResponse({ type: RankingItemResponse, description: 'The application’s line of the ranking' })
  @ApiProblems(400, 404, 409, 422)
  adjustProposal(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: ProposalRequest): Promise<RankingItemResponse> {
    return this.ranking.adjustProposal(caller, id, body.proposedCzk);
  }
}
