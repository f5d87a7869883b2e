import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { FORMAL_CHECK_RESULTS, SCORE_SHEET_STATES, type FormalCheckResult, type ScoreSheetState } from '@app/evaluation';
import { Czk, IsoDate, Optional, Text } from '../../common/validators';

export class FormalCheckRequest {
  @ApiProperty({ enum: FORMAL_CHECK_RESULTS })
  @IsIn(FORMAL_CHECK_RESULTS)
  result!: FormalCheckResult;

  @ApiProperty({
    type: [String],
    description: 'Reasons of ineligibility (at least one), the defects to correct (at least one), or notes when eligible',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  reasons!: string[];

  @IsoDate({ required: false, description: 'Last day (Europe/Prague) to re-submit; required with correction_requested, after today' })
  @Optional()
  correctionDueOn?: string;
}

export class ConflictOfInterestRequest {
  @ApiProperty()
  @IsBoolean()
  hasConflict!: boolean;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Optional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ConflictOfInterestResponse {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ format: 'uuid' })
  memberId!: string;

  @ApiProperty()
  hasConflict!: boolean;

  @ApiProperty({ type: 'string', nullable: true })
  reason!: string | null;

  @ApiProperty({ description: 'The member is affiliated with the applicant organisation: a conflict they cannot declare away' })
  automatic!: boolean;

  @ApiProperty({ format: 'date-time' })
  declaredAt!: string;
}

export class CriterionPointsDto {
  @Text(20)
  criterionCode!: string;

  @ApiProperty({ type: 'integer', description: "Whole points from 0 to the criterion's maxPoints (else 422 POINTS_OUT_OF_RANGE)" })
  @IsInt()
  points!: number;
}

export class ScoreSheetRequest {
  @ApiProperty({ type: [CriterionPointsDto], description: 'Every criterion of the call, once' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionPointsDto)
  points!: CriterionPointsDto[];

  @ApiProperty({ maxLength: 5000, description: "The member's reasoning (may be empty)" })
  @IsString()
  @MaxLength(5000)
  comment!: string;

  @ApiPropertyOptional({
    description:
      'true: keep the sheet a draft (counted nowhere, the peers’ sheets stay hidden) until POST …/scores/submit; left out or false: the sheet is saved and submitted at once',
  })
  @IsOptional()
  @IsBoolean()
  draft?: boolean;
}

export class ScoreSheetResponse {
  @ApiProperty({ format: 'uuid' })
  memberId!: string;

  @ApiProperty()
  memberName!: string;

  @ApiProperty({ type: [CriterionPointsDto] })
  points!: CriterionPointsDto[];

  @ApiProperty({ type: 'integer' })
  totalPoints!: number;

  @ApiProperty()
  comment!: string;

  @ApiProperty({
    enum: SCORE_SHEET_STATES,
    description: 'draft: saved, open to its member alone, counted nowhere; submitted: counted, and the peers’ sheets are open to its member',
  })
  status!: ScoreSheetState;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'When its member submitted it; null while a draft' })
  submittedAt!: string | null;

  @ApiProperty({ format: 'date-time', description: 'The last change of its points or comment' })
  updatedAt!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'When the chair last reopened it; null if never' })
  reopenedAt!: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'Why the chair last reopened it' })
  reopenReason!: string | null;

  @ApiProperty({ description: 'The member has since been removed from the commission: the sheet stays in the record but is left out of the average, the spread and the ranking' })
  memberRemoved!: boolean;
}

/** Where a member's sheet stands, without its points (what the chair is shown, and the answer to a reopening). */
export class ScoreSheetStateResponse extends PickType(ScoreSheetResponse, ['memberId', 'memberName', 'status', 'submittedAt', 'reopenedAt', 'reopenReason'] as const) {}

export class ReopenScoreSheetRequest {
  @Text(2000, { description: 'Why the submitted sheet is reopened (kept on the sheet for its member and in the audit trail)' })
  reason!: string;
}

export class OwnDeclarationResponse extends PickType(ConflictOfInterestResponse, ['hasConflict', 'reason', 'automatic', 'declaredAt'] as const) {}

export class OwnEvaluationResponse {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ type: OwnDeclarationResponse, nullable: true, description: 'The caller’s conflict-of-interest declaration; null before they made one' })
  declaration!: OwnDeclarationResponse | null;

  @ApiProperty({ description: 'The caller is affiliated with the applicant organisation: in conflict whatever they declare' })
  automaticConflict!: boolean;

  @ApiProperty({ type: ScoreSheetResponse, nullable: true, description: 'The caller’s own score sheet, draft or submitted; null before they saved one' })
  sheet!: ScoreSheetResponse | null;

  @ApiProperty({ enum: ['not_open', 'open', 'closed'], description: 'Scoring opens when the submission window closes and closes with the evaluation' })
  scoring!: 'not_open' | 'open' | 'closed';

  @ApiProperty({ description: 'GET /applications/:id/scores is open to the caller: their own sheet is submitted and they have no conflict' })
  mayReadScores!: boolean;

  @ApiProperty({ description: 'The caller chairs the call’s commission: GET …/score-sheets and the reopening of a submitted sheet are theirs' })
  chair!: boolean;
}

export class ScoreSheetStatesResponse {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ type: [ScoreSheetStateResponse], description: 'Each member’s saved sheet (draft or submitted), without points, by name' })
  sheets!: ScoreSheetStateResponse[];
}

export class ScoresResponse {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty({ type: 'integer', description: 'Sitting members who submitted a sheet (conflicted members never do; drafts and removed members’ sheets do not count)' })
  scorers!: number;

  @ApiProperty({ type: 'number', nullable: true, description: 'Mean of the totals, exact, rounded half up to 2 decimals' })
  averageScore!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Highest minus lowest total' })
  spread!: number | null;

  @ApiProperty({ description: 'spread above a quarter of the maximum total: worth a discussion' })
  spreadFlagged!: boolean;

  @ApiProperty({ type: [ScoreSheetResponse], description: 'The submitted sheets' })
  sheets!: ScoreSheetResponse[];
}

export class ProposalRequest {
  @Czk({ description: 'The proposed subsidy: at most the request (else 422 PROPOSAL_EXCEEDS_REQUEST); the part’s proposals at most its allocation (else 409 ALLOCATION_EXCEEDED)' })
  proposedCzk!: number;
}

export class RankingQuery {
  @ApiPropertyOptional({ description: 'One part of the call; all parts when left out' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  partCode?: string;
}

export class RankingItemResponse {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty()
  partCode!: string;

  @ApiProperty()
  referenceNumber!: string;

  @ApiProperty()
  organisationName!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'eligible while the evaluation runs; recommended / not_recommended after it closes' })
  status!: string;

  @ApiProperty({ type: 'number', nullable: true, description: 'Mean of the members’ totals, 2 decimals (half up)' })
  averageScore!: number | null;

  @ApiProperty({ type: 'number', nullable: true, description: 'Leniency-corrected score (see the operation’s description)' })
  normalisedScore!: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  scorers!: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  spread!: number | null;

  @ApiProperty()
  spreadFlagged!: boolean;

  @ApiProperty({ type: 'boolean', nullable: true, description: 'Scored by at least the quorum: only then does the score count' })
  counting!: boolean | null;

  @ApiProperty({ type: 'integer', nullable: true, description: '1.. within the part (null when hidden from a commission member)' })
  rank!: number | null;

  @ApiProperty({ type: 'integer' })
  requestedCzk!: number;

  @ApiProperty({ type: 'integer', nullable: true })
  proposedCzk!: number | null;

  @ApiProperty({ type: 'boolean', nullable: true, description: 'A counting score of at least the call’s minScore' })
  recommended!: boolean | null;

  @ApiProperty({
    description:
      'For a commission member: scores, scorers, rank and proposal of an application they have not scored yet (or are conflicted on) are null, and it is listed after the others by part and reference number',
  })
  scoresHidden!: boolean;
}

export class RankingPartResponse {
  @ApiProperty()
  code!: string;

  @ApiProperty({ type: 'integer' })
  allocationCzk!: number;

  @ApiProperty({ type: 'integer', description: 'Sum of the part’s proposals' })
  proposedCzk!: number;
}

export class RankingResponse {
  @ApiProperty({ format: 'uuid' })
  callId!: string;

  @ApiProperty({ enum: ['average', 'normalised'] })
  rankingMethod!: 'average' | 'normalised';

  @ApiProperty({ type: 'integer' })
  quorum!: number;

  @ApiProperty({ type: 'integer' })
  minScore!: number;

  @ApiProperty({ type: 'integer', description: 'Sum of the criteria’s maximum points' })
  maxTotal!: number;

  @ApiProperty()
  evaluationClosed!: boolean;

  @ApiProperty({ type: [RankingPartResponse] })
  parts!: RankingPartResponse[];

  @ApiProperty({ type: [RankingItemResponse], description: 'By part, then by rank' })
  items!: RankingItemResponse[];
}
