import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LETTER_KINDS, type LetterKind, type LetterStatus } from '@app/letters/letter.entity';

export class LetterResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LETTER_KINDS }) kind!: LetterKind;
  @ApiProperty({ enum: ['queued', 'ready', 'failed'] }) status!: LetterStatus;
  @ApiProperty({ type: 'string', nullable: true, pattern: '^[0-9a-f]{64}$', description: 'Hex SHA-256 of the PDF once ready; its ETag is this value in quotes' })
  sha256!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) readyAt!: string | null;
  @ApiPropertyOptional({ type: 'string', nullable: true, description: 'Officers and the Budget Department only: why rendering failed (null unless failed). Absent for applicants.' })
  failureReason?: string | null;
}
