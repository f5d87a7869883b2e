import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES } from './error-codes';

export class FieldProblemDto {
  @ApiPropertyOptional({ example: 'budgetLines[2].requestedCzk' })
  field?: string;

  @ApiProperty({ example: 'must be a whole number of CZK' })
  message!: string;

  @ApiPropertyOptional({ enum: ERROR_CODES })
  code?: string;
}

/** RFC 9457 problem details, as every error is answered. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:prague-grants:problem:validation-failed' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request has invalid fields; see errors.' })
  detail!: string;

  @ApiProperty({ enum: ERROR_CODES })
  code!: string;

  @ApiProperty({ type: [FieldProblemDto] })
  errors!: FieldProblemDto[];

  @ApiPropertyOptional()
  instance?: string;

  @ApiPropertyOptional()
  requestId?: string;
}
