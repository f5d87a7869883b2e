import { ApiProperty } from '@nestjs/swagger';
import type { ResolutionAnnex, ResolutionAnnexLine, ResolutionAnnexPart, ResolutionAnnexTotals } from '@app/letters';

export class ResolutionAnnexTotalsResponse implements ResolutionAnnexTotals {
  @ApiProperty({ type: 'integer' })
  lines!: number;

  @ApiProperty({ type: 'integer' })
  approved!: number;

  @ApiProperty({ type: 'integer' })
  rejected!: number;

  @ApiProperty({ type: 'integer' })
  ineligible!: number;

  @ApiProperty({ type: 'integer', description: 'CZK' })
  requestedCzk!: number;

  @ApiProperty({ type: 'integer', description: 'CZK: the commission’s proposals (none counts as 0)' })
  proposedCzk!: number;

  @ApiProperty({ type: 'integer', description: 'CZK' })
  awardedCzk!: number;
}

export class ResolutionAnnexLineResponse implements ResolutionAnnexLine {
  @ApiProperty({ type: 'integer', description: 'The line’s number across the annex (by part, then the commission’s rank)' })
  position!: number;

  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty()
  referenceNumber!: string;

  @ApiProperty()
  applicantName!: string;

  @ApiProperty()
  ico!: string;

  @ApiProperty()
  projectTitle!: string;

  @ApiProperty({ type: 'integer', description: 'CZK' })
  requestedCzk!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'CZK: the commission’s proposal' })
  proposedCzk!: number | null;

  @ApiProperty({ enum: ['approved', 'rejected', 'ineligible'] })
  outcome!: 'approved' | 'rejected' | 'ineligible';

  @ApiProperty({ type: 'integer', nullable: true, description: 'CZK: approved lines only' })
  awardedCzk!: number | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'Why rejected or ineligible, or why an approval deviates from the commission' })
  reason!: string | null;
}

export class ResolutionAnnexPartResponse implements ResolutionAnnexPart {
  @ApiProperty({ format: 'uuid' })
  partId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: 'integer', description: 'CZK' })
  allocationCzk!: number;

  @ApiProperty({ type: [ResolutionAnnexLineResponse] })
  lines!: ResolutionAnnexLineResponse[];

  @ApiProperty({ type: ResolutionAnnexTotalsResponse })
  totals!: ResolutionAnnexTotalsResponse;
}

export class ResolutionAnnexCallResponse {
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

export class ResolutionAnnexResponse implements ResolutionAnnex {
  @ApiProperty({ format: 'uuid' })
  resolutionId!: string;

  @ApiProperty({ type: 'integer', description: 'The resolution’s version the annex shows' })
  version!: number;

  @ApiProperty({ enum: ['council', 'assembly'] })
  body!: 'council' | 'assembly';

  @ApiProperty({ enum: ['draft', 'adopted', 'rejected', 'withdrawn'] })
  status!: 'draft' | 'adopted' | 'rejected' | 'withdrawn';

  @ApiProperty({ type: 'string', nullable: true })
  resolutionNumber!: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  resolutionDate!: string | null;

  @ApiProperty({ type: ResolutionAnnexCallResponse })
  call!: ResolutionAnnexCallResponse;

  @ApiProperty({ format: 'date-time' })
  evaluationClosedAt!: string;

  @ApiProperty({ type: [ResolutionAnnexPartResponse] })
  parts!: ResolutionAnnexPartResponse[];

  @ApiProperty({ type: ResolutionAnnexTotalsResponse })
  totals!: ResolutionAnnexTotalsResponse;
}
