import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { ANOMALY_KINDS, type AnomalyKind, DISBURSEMENT_TYPES, type DisbursementType } from '@app/money';

export class ReportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One announced call; every announced call when left out' })
  @IsOptional()
  @IsUUID()
  callId?: string;
}

export class DisbursementResponse {
  @ApiProperty({ format: 'date', description: 'Paid on / received on' }) date!: string;
  @ApiProperty({
    enum: DISBURSEMENT_TYPES,
    description: '`payment` to the recipient; `return` of grant money to the city; `penalty` a §22 penalty paid to the city (not a return of the grant)',
  })
  type!: DisbursementType;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ example: 'INT-2027-0001' }) referenceNumber!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ example: '25755277' }) ico!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'The account paid to; null for money received (the sender’s account is not recorded)' })
  bankAccount!: string | null;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Whole CZK, always positive: the direction is in `type`' }) amountCzk!: number;
  @ApiProperty({ type: 'string', nullable: true }) contractNumber!: string | null;
  @ApiProperty({ description: 'Payment reference (e.g. variable symbol) or the reference of the money received' }) reference!: string;
}

export class DisbursementReportResponse {
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) callId!: string | null;
  @ApiProperty({ type: [DisbursementResponse] }) items!: DisbursementResponse[];
}

export class PartReconciliationResponse {
  @ApiProperty({ format: 'uuid' }) callId!: string;
  @ApiProperty({ example: '1' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) allocationCzk!: number;
  @ApiProperty({ type: 'integer', description: 'Awarded, net of releases (returned money stays committed)' }) committedCzk!: number;
  @ApiProperty({ type: 'integer', description: 'Paid out, gross (returns not deducted)' }) paidCzk!: number;
  @ApiProperty({ type: 'integer' }) returnedCzk!: number;
  @ApiProperty({ type: 'integer', description: 'committedCzk − paidCzk: awarded and not yet paid out' }) outstandingCzk!: number;
  @ApiProperty({ type: 'integer', description: 'allocationCzk − committedCzk' }) availableCzk!: number;
}

export class AnomalyResponse {
  @ApiProperty({ enum: ANOMALY_KINDS }) kind!: AnomalyKind;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() referenceNumber!: string;
  @ApiProperty() detail!: string;
}

export class ReconciliationResponse {
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) callId!: string | null;
  @ApiProperty({ format: 'date', description: 'The Prague date the deadlines were judged on (today)' }) asOf!: string;
  @ApiProperty({ type: [PartReconciliationResponse] }) parts!: PartReconciliationResponse[];
  @ApiProperty({ type: [AnomalyResponse] }) anomalies!: AnomalyResponse[];
}

export class PolicyGroupResponse {
  @ApiProperty({ description: 'Priority `3`, sub-area `3A` (priority number and letter) or measure `16.II`', example: '3A' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) awardedCzk!: number;
  @ApiProperty({ type: 'integer', description: 'Approved applications counted' }) applications!: number;
}

export class TargetGroupTotalResponse {
  @ApiProperty() targetGroup!: string;
  @ApiProperty({ type: 'integer' }) awardedCzk!: number;
  @ApiProperty({ type: 'integer' }) applications!: number;
}

export class DistrictTotalResponse {
  @ApiProperty({ example: 'Praha 14' }) district!: string;
  @ApiProperty({ type: 'integer' }) awardedCzk!: number;
  @ApiProperty({ type: 'integer' }) applications!: number;
}

export class PolicyReportResponse {
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) callId!: string | null;
  @ApiProperty({ type: 'integer', description: 'Sum of the approving decisions’ amounts' }) totalAwardedCzk!: number;
  @ApiProperty({ type: 'integer', description: 'Approved applications' }) applications!: number;
  @ApiProperty({ type: [PolicyGroupResponse] }) byPriority!: PolicyGroupResponse[];
  @ApiProperty({ type: [PolicyGroupResponse] }) bySubArea!: PolicyGroupResponse[];
  @ApiProperty({ type: [PolicyGroupResponse] }) byMeasure!: PolicyGroupResponse[];
  @ApiProperty({ type: [TargetGroupTotalResponse], description: 'Full amount in each of an application’s target groups: overlapping, the rows do not add up to the total' })
  byTargetGroup!: TargetGroupTotalResponse[];
  @ApiProperty({ type: [DistrictTotalResponse], description: 'Full amount in each of an application’s districts: overlapping, the rows do not add up to the total' })
  byDistrict!: DistrictTotalResponse[];
}

// The 360Giving package, as far as this export fills it (the standard defines more optional fields).

class OrganizationResponse {
  @ApiProperty({ example: 'CZ-ICO-25755277' }) id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() streetAddress?: string;
  @ApiPropertyOptional() addressLocality?: string;
  @ApiPropertyOptional() postalCode?: string;
  @ApiPropertyOptional({ example: 'CZ' }) addressCountry?: string;
}

class PlannedDatesResponse {
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date' }) endDate!: string;
}

class GrantProgrammeResponse {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional() url?: string;
}

class ClassificationResponse {
  @ApiProperty() vocabulary!: string;
  @ApiProperty({ example: '21.III' }) code!: string;
  @ApiProperty() title!: string;
}

class BeneficiaryLocationResponse {
  @ApiProperty({ example: 'Praha 14' }) name!: string;
  @ApiProperty({ example: 'CZ' }) countryCode!: string;
}

class ThreeSixtyGivingGrantResponse {
  @ApiProperty({ example: '360G-CZ-ICO-00064581-INT-2027-0001' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: 'CZK' }) currency!: string;
  @ApiProperty({ type: 'integer' }) amountAppliedFor!: number;
  @ApiProperty({ type: 'integer', description: 'The amount of the approving decision' }) amountAwarded!: number;
  @ApiProperty({ type: 'integer', description: 'Paid less returned' }) amountDisbursed!: number;
  @ApiProperty({ format: 'date', description: 'Date of the approving resolution' }) awardDate!: string;
  @ApiProperty({ type: [PlannedDatesResponse] }) plannedDates!: PlannedDatesResponse[];
  @ApiProperty({ type: [OrganizationResponse] }) recipientOrganization!: OrganizationResponse[];
  @ApiProperty({ type: [OrganizationResponse], description: 'Hlavní město Praha, CZ-ICO-00064581' }) fundingOrganization!: OrganizationResponse[];
  @ApiProperty({ type: [GrantProgrammeResponse] }) grantProgramme!: GrantProgrammeResponse[];
  @ApiProperty({ example: 'Yes' }) fromOpenCall!: string;
  @ApiPropertyOptional({ type: [ClassificationResponse], description: 'The primary measure of the city’s integration policy' }) classifications?: ClassificationResponse[];
  @ApiPropertyOptional({ type: [BeneficiaryLocationResponse], description: 'The Prague districts where the project takes place' })
  beneficiaryLocation?: BeneficiaryLocationResponse[];
  @ApiPropertyOptional({ format: 'date-time' }) dateModified?: string;
}

class PublisherResponse {
  @ApiProperty({ example: 'CZ-ICO-00064581' }) identifier!: string;
  @ApiProperty({ example: 'Hlavní město Praha' }) name!: string;
}

export class ThreeSixtyGivingPackageResponse {
  @ApiProperty({ example: '1.4', description: 'Version of the 360Giving Data Standard' }) version!: string;
  @ApiProperty({ type: [ThreeSixtyGivingGrantResponse], minItems: 1 }) grants!: ThreeSixtyGivingGrantResponse[];
  @ApiProperty({ type: PublisherResponse }) publisher!: PublisherResponse;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the latest grant in the package last changed' }) modified?: string;
}
