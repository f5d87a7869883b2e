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
  ReopenScoreSheetRequest,
  ScoreSheetRequest,
  ScoreSheetResponse,
  ScoreSheetStateResponse,
  ScoreSheetStatesResponse,
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
    summary: 'Save and submit the caller’s score sheet, or save it as a draft',
    description:
      'Points for every criterion of the call, whole numbers from 0 to its maxPoints (422 POINTS_OUT_OF_RANGE), and a comment. Only for eligible applications, ' +
      'between the window’s close and the evaluation’s close (409 SCORING_NOT_OPEN / SCORING_CLOSED), after declaring no conflict. ' +
      'Without `draft` the sheet is saved and submitted at once: it counts, and the peers’ sheets open to the member. With `draft: true` it is a draft: ' +
      'counted nowhere and the peers’ sheets stay hidden, until the member submits it (POST …/scores/submit or this route without `draft`). ' +
      'A draft may change as often as the member likes; a submitted sheet does not (409 SCORE_SHEET_SUBMITTED) unless the chair reopens it.',
  })
  @Auth('commission')
  @ApiOkResponse({ type: ScoreSheetResponse })
  @ApiProblems(400, 404, 409, 422)
  score(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: ScoreSheetRequest): Promise<ScoreSheetResponse> {
    return this.commission.score(caller, id, body);
  }

  @Post('scores/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit the caller’s score sheet',
    description:
      'The saved draft becomes the member’s sheet: it counts (average, ranking, quorum) and the peers’ sheets open to them. ' +
      'Nothing saved: 404; already submitted: 409 SCORE_SHEET_SUBMITTED; the other checks as for saving it (declaration, conflict, scoring window).',
  })
  @Auth('commission')
  @ApiOkResponse({ type: ScoreSheetResponse })
  @ApiProblems(400, 404, 409)
  submitSheet(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<ScoreSheetResponse> {
    return this.commission.submitSheet(caller, id);
  }

  @Post('scores/:memberId/reopen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen a member’s submitted score sheet (the chair)',
    description:
      'By the chair of the call’s commission (another member: 403 NOT_COMMISSION_CHAIR), with a reason, audited. The sheet becomes its member’s draft again: ' +
      'counted nowhere and the peers’ sheets hidden from them until they submit it anew; the reason is shown to them. ' +
      'Not the chair’s own sheet (403 FORBIDDEN), nor on an application the chair is in conflict with (403 CONFLICT_OF_INTEREST); ' +
      'a draft: 409 SCORE_SHEET_NOT_SUBMITTED; no sheet: 404; after the evaluation’s close: 409 SCORING_CLOSED.',
  })
  @Auth('commission')
  @ApiOkResponse({ type: ScoreSheetStateResponse, description: 'Where the member’s sheet now stands (no points)' })
  @ApiProblems(400, 404, 409)
  reopenSheet(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Param('memberId', UuidPipe) memberId: string,
    @Body() body: ReopenScoreSheetRequest,
  ): Promise<ScoreSheetStateResponse> {
    return this.commission.reopenSheet(caller, id, memberId, body.reason);
  }

  @Get('scores')
  @ApiOperation({
    summary: 'All score sheets of an application',
    description:
      'The submitted sheets (drafts count nowhere). Officers always. A commission member only after submitting their own sheet (403 FORBIDDEN before, also with a saved draft: hidden peer scores), never with a conflict (403 CONFLICT_OF_INTEREST).',
  })
  @Auth('officer', 'commission')
  @ApiOkResponse({ type: ScoresResponse })
  @ApiProblems(404)
  scores(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<ScoresResponse> {
    return this.commission.scores(caller, id);
  }

  @Get('score-sheets')
  @ApiOperation({
    summary: 'Where each member’s score sheet stands (the chair)',
    description:
      'For the chair of the call’s commission (another member: 403 NOT_COMMISSION_CHAIR; a chair in conflict with the application: 403 CONFLICT_OF_INTEREST): ' +
      'each member’s saved sheet, draft or submitted, with the last reopening — never its points — to reopen a submitted one.',
  })
  @Auth('commission')
  @ApiOkResponse({ type: ScoreSheetStatesResponse })
  @ApiProblems(400, 404)
  sheetStates(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<ScoreSheetStatesResponse> {
    return this.commission.sheetStates(caller, id);
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
