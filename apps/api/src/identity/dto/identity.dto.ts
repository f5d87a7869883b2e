import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested, IsObject } from 'class-validator';
import { type Role, ROLES, STAFF_ROLES, type StaffRole } from '@app/core';
import { ORGANISATION_KINDS, type OrganisationKind } from '@app/identity';
import { PageQuery, PageResponse } from '../../common/pagination.dto';
import { Optional, Text } from '../../common/validators';

export class AddressDto {
  @Text(200, { example: 'Mariánské náměstí 2/2' })
  street!: string;

  @Text(100, { example: 'Praha 1' })
  city!: string;

  @ApiProperty({ example: '110 00' })
  @IsString()
  @Matches(/^\d{3} ?\d{2}$/, { message: 'must be a Czech postal code like 110 00' })
  postalCode!: string;
}

export class NewOrganisationDto {
  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @Text(300, { example: 'Integrační centrum Praha, o. p. s.' })
  name!: string;

  @ApiProperty({ example: '00064581', description: 'IČO: 8 digits with a valid check digit' })
  @IsString()
  @Matches(/^\d{8}$/, { message: 'must be 8 digits' })
  ico!: string;

  @ApiPropertyOptional({ example: 'o. p. s.' })
  @Optional()
  @IsString()
  @MaxLength(100)
  legalForm?: string;

  @ApiProperty({ type: AddressDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;

  @ApiPropertyOptional({ example: '19-2000145399/0800', description: '[prefix-]number/bankcode with valid checksums' })
  @Optional()
  @IsString()
  @MaxLength(40)
  bankAccount?: string;
}

export class NewUserDto {
  @ApiProperty({ example: 'jana.novakova@example.org' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  @MaxLength(200)
  password!: string;

  @Text(200, { example: 'Jana Nováková' })
  fullName!: string;
}

export class RegisterRequest {
  @ApiProperty({ type: NewOrganisationDto })
  @IsObject()
  @ValidateNested()
  @Type(() => NewOrganisationDto)
  organisation!: NewOrganisationDto;

  @ApiProperty({ type: NewUserDto })
  @IsObject()
  @ValidateNested()
  @Type(() => NewUserDto)
  user!: NewUserDto;
}

export class RegisterResponse {
  @ApiProperty({ format: 'uuid' })
  organisationId!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;
}

export class LoginRequest {
  @ApiProperty({ example: 'officer@demo.praha.eu' })
  @IsString()
  @MaxLength(320)
  email!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: 'string' })
  organisationId!: string | null;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES, description: 'Only users of this role; an officer must ask for `commission`' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class DirectoryUserResponse extends UserResponse {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Organisations the user is affiliated with (a commission member is in conflict with their applications)' })
  affiliations!: string[];

  @ApiProperty({ description: 'An admin has disabled the account: no login, every token cut' })
  disabled!: boolean;
}

export class UserPageResponse extends PageResponse(DirectoryUserResponse, 'UserPageResponse') {}

export class LoginResponse {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ type: UserResponse })
  user!: UserResponse;
}

export class NewStaffUserRequest extends NewUserDto {
  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;
}

export class AffiliationsRequest {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Organisations the user works for or sits on the board of (replaces the list)' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  organisationIds!: string[];
}

export class AffiliationsResponse {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  organisationIds!: string[];
}

export class AddressResponse {
  @ApiProperty()
  street!: string;

  @ApiProperty()
  city!: string;

  @ApiProperty()
  postalCode!: string;
}

export class OrganisationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  kind!: OrganisationKind;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  ico!: string;

  @ApiProperty({ nullable: true, type: 'string' })
  legalForm!: string | null;

  @ApiProperty({ type: AddressResponse })
  address!: AddressResponse;

  @ApiProperty({ nullable: true, type: 'string' })
  bankAccount!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class DisableUserRequest {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why (kept in the audit trail)' })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}

export class RoleChangeRequest {
  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;
}

export class PasswordResetIssuedResponse {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ description: 'The one-time token, shown only in this answer (stored as a hash): hand it to the user' })
  token!: string;

  @ApiProperty({ format: 'date-time', description: '24 hours after the issue' })
  expiresAt!: string;
}

export class PasswordResetRequest {
  @ApiProperty({ description: 'The one-time token an administrator issued' })
  @IsString()
  @MaxLength(100)
  token!: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  @MaxLength(200)
  newPassword!: string;
}

export class PasswordChangeRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  @MaxLength(200)
  newPassword!: string;
}
