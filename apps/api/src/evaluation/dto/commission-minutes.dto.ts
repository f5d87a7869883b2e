import { ApiProperty } from '@nestjs/swagger';
import type {
  CommissionMinutes,
  CommissionMinutesApplication,
  CommissionMinutesConflict,
  CommissionMinutesMember,
  CommissionMinutesPart,
  CommissionMinutesScore,
} from '@app/letters';

export class CommissionMinutesCallResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  programmeCode!: string;

  @ApiProperty()
  programmeName!: string;

  @ApiProperty({ type: 'integer' })
  year!: number;
}

export class CommissionMinutesMemberResponse implements CommissionMinutesMember {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'Chairs the commission' })
  chair!: boolean;
}

export class CommissionMinutesScoreResponse implements CommissionMinutesScore {
  @ApiProperty({ format: 'uuid' })
  memberId!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The member’s submitted total, when it counts in the average' })
  totalPoints!: number | null;

  @ApiProperty({ enum: ['scored', 'conflict', 'none'], description: 'scored: counts; conflict: declared or automatic conflict; none: no submitted sheet' })
  state!: 'scored' | 'conflict' | 'none';
}

export class CommissionMinutesConflictResponse implements CommissionMinutesConflict {
  @ApiProperty({ format: 'uuid' })
  memberId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ['declared', 'automatic'], description: 'declared by the member; automatic: the member is affiliated with the applicant' })
  kind!: 'declared' | 'automatic';

  @ApiProperty({ type: 'string', nullable: true })
  reason!: string | null;
}

export class CommissionMinutesApplicationResponse implements CommissionMinutesApplication {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty()
  referenceNumber!: string;

  @ApiProperty()
  applicantName!: string;

  @ApiProperty({ example: '25755277' })
  ico!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'recommended / not_recommended (later approved, rejected, contracted)' })
  status!: string;

  @ApiProperty({ type: 'integer', description: 'Whole CZK' })
  requestedCzk!: number;

  @ApiProperty({ type: [CommissionMinutesScoreResponse], description: 'One per member, in the order of `members`' })
  scores!: CommissionMinutesScoreResponse[];

  @ApiProperty({ type: 'integer' })
  scorers!: number;

  @ApiProperty({ type: 'number', nullable: true, description: 'Mean of the counted totals, 2 decimals (half up), as in the ranking' })
  averageScore!: number | null;

  @ApiProperty({ type: 'number', nullable: true, description: 'Leniency-corrected score, as in the ranking' })
  normalisedScore!: number | null;

  @ApiProperty({ type: 'integer', description: '1.. within the part' })
  rank!: number;

  @ApiProperty()
  recommended!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The commission’s proposal, whole CZK (null: none)' })
  proposedCzk!: number | null;

  @ApiProperty({ description: 'Above the funding line: proposed an amount' })
  funded!: boolean;

  @ApiProperty({ type: [CommissionMinutesConflictResponse] })
  conflicts!: CommissionMinutesConflictResponse[];
}

export class CommissionMinutesFundingLineResponse {
  @ApiProperty({ type: 'integer', nullable: true, description: 'The last rank proposed an amount (null: none)' })
  lastFundedRank!: number | null;

  @ApiProperty({ type: 'integer', description: 'Allocation − proposals, whole CZK' })
  remainingCzk!: number;
}

export class CommissionMinutesPartResponse implements CommissionMinutesPart {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: 'integer' })
  allocationCzk!: number;

  @ApiProperty({ type: 'integer', description: 'Sum of the part’s proposals' })
  proposedCzk!: number;

  @ApiProperty({ type: CommissionMinutesFundingLineResponse })
  fundingLine!: CommissionMinutesFundingLineResponse;

  @ApiProperty({ type: [CommissionMinutesApplicationResponse], description: 'By rank' })
  applications!: CommissionMinutesApplicationResponse[];
}

export class CommissionMinutesResponse implements CommissionMinutes {
  @ApiProperty({ type: CommissionMinutesCallResponse })
  call!: CommissionMinutesCallResponse;

  @ApiProperty({ enum: ['average', 'normalised'] })
  rankingMethod!: 'average' | 'normalised';

  @ApiProperty({ type: 'integer' })
  quorum!: number;

  @ApiProperty({ type: 'integer' })
  minScore!: number;

  @ApiProperty({ type: 'integer', description: 'Sum of the criteria’s maximum points' })
  maxTotal!: number;

  @ApiProperty({ format: 'date-time', description: 'When the evaluation closed: the minutes’ date' })
  evaluationClosedAt!: string;

  @ApiProperty({ type: [CommissionMinutesMemberResponse], description: 'The chair first, then by name' })
  members!: CommissionMinutesMemberResponse[];

  @ApiProperty({ type: [CommissionMinutesPartResponse] })
  parts!: CommissionMinutesPartResponse[];
}
