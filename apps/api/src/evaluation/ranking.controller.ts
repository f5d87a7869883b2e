import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@app/core';
import { RankingService } from '@app/evaluation';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { RankingQuery, RankingResponse } from './dto/evaluation.dto';

const RANKING_RULES =
  '`averageScore` is the mean of the totals of the members who scored (conflicted members cannot), computed exactly and rounded half up to 2 decimals. ' +
  '`spread` = highest − lowest total, flagged above a quarter of the maximum total. ' +
  '`normalisedScore` corrects each member’s leniency: with M, D the mean and population standard deviation of all totals of the call and M_m, D_m those of member m, ' +
  'z(m,a) = (t(m,a) − M_m) / D_m (a member with one sheet or D_m = 0 keeps the raw total: z = (t − M) / D); normalised(a) = M + D × mean of z(m,a) over its scorers, rounded half up. ' +
  'A score counts only with at least `quorum` scorers. Ranking per part: by the call’s `rankingMethod` score (average unless `normalised`) descending, ties by earlier receipt, then reference number; ' +
  'applications without a counting score last. `recommended` = counting score ≥ `minScore`.';

/** What the officer sees when an applicant withdraws while the proposal or the close is being written. */
const RACES =
  'An application withdrawn while this runs is never overwritten: the writes change only applications still in the status read, and the operation runs again on what is there; ' +
  'after three such collisions in a row 409 RANKING_CHANGED (nothing changed).';

@ApiTags('evaluation')
@Controller('calls/:id')
export class RankingController {
  constructor(private readonly ranking: RankingService) {}

  @Get('ranking')
  @ApiOperation({ summary: 'Ranking of the call’s applications, per part', description: RANKING_RULES })
  @Auth('officer', 'commission')
  @ApiOkResponse({ type: RankingResponse })
  @ApiProblems(400, 404)
  get(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Query() query: RankingQuery): Promise<RankingResponse> {
    return this.ranking.ranking(caller, id, query.partCode);
  }

  @Post('funding-proposal')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Propose funding down the ranking',
    description:
      'For each part, down the ranking, every recommended application is proposed min(requested, what is left of the allocation) until the allocation is used; ' +
      'applications not recommended get no proposal. Replaces earlier proposals. Returns the ranking. ' + RACES + ' ' + RANKING_RULES,
  })
  @Auth('officer')
  @ApiOkResponse({ type: RankingResponse })
  @ApiProblems(404, 409)
  propose(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<RankingResponse> {
    return this.ranking.proposeFunding(caller, id);
  }

  @Post('close-evaluation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close the evaluation',
    description:
      'Freezes scores and proposals. Needs every application formally checked (409 FORMAL_CHECK_PENDING) and a quorum of sheets on every eligible one ' +
      '(409 QUORUM_NOT_MET, naming each). Sets recommended / not_recommended by the ranking; a not-recommended application keeps no proposal. ' + RACES,
  })
  @Auth('officer')
  @ApiOkResponse({ type: RankingResponse })
  @ApiProblems(404, 409)
  close(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<RankingResponse> {
    return this.ranking.closeEvaluation(caller, id);
  }
}
