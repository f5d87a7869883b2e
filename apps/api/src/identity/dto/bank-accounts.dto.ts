import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { BANK_ACCOUNT_REQUEST_STATUSES, type BankAccountRequestStatus, REJECTION_REASON_MAX_LENGTH } from '@app/identity';
import { PageQuery, PageResponse } from '../../common/pagination.dto';
import { Text } from '../../common/validators';

export class BankAccountChangeRequest {
  @ApiProperty({ example: '2701000133/2010', maxLength: 40, description: 'The new account, [prefix-]number/bankcode with valid checksums' })
  @IsString()
  @MaxLength(40)
  bankAccount!: string;
}

export class BankAccountRejectionRequest {
  @Text(REJECTION_REASON_MAX_LENGTH, { example: 'Výpis z účtu nepatří organizaci.', description: 'Why; the organisation sees it' })
  reason!: string;
}

export class BankAccountRequestQuery extends PageQuery {
  @ApiPropertyOptional({ enum: BANK_ACCOUNT_REQUEST_STATUSES, description: 'Only requests in this status (`pending`: the officers’ queue)' })
  @IsOptional()
  @IsIn(BANK_ACCOUNT_REQUEST_STATUSES)
  status?: BankAccountRequestStatus;
}

export class PersonResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fullName!: string;
}

export class BankAccountRequestResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  organisationId!: string;

  @ApiProperty()
  organisationName!: string;

  @ApiProperty()
  ico!: string;

  @ApiProperty({ description: 'The account asked for' })
  bankAccount!: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'The registered account when it was asked for (null: none)' })
  previousBankAccount!: string | null;

  @ApiProperty({ enum: BANK_ACCOUNT_REQUEST_STATUSES })
  status!: BankAccountRequestStatus;

  @ApiProperty({ type: PersonResponse, description: 'The organisation’s user who asked' })
  requestedBy!: PersonResponse;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ type: PersonResponse, nullable: true, description: 'The officer who confirmed or rejected' })
  decidedBy!: PersonResponse | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  decidedAt!: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  rejectionReason!: string | null;
}

export class BankAccountRequestPageResponse extends PageResponse(BankAccountRequestResponse, 'BankAccountRequestPageResponse') {}
