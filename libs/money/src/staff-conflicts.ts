import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuthUser, DomainError } from '@app/core';
import { IdentityService } from '@app/identity';
import { checkStaffConflict, type StaffAct } from './domain/staff-conflict.rules';

/**
 * The staff's conflicts of interest, one check for the decision, the contract,
 * the settlement review and the payment: identity's read of the caller's
 * affiliation with the applicant organisation, in the caller's transaction,
 * judged by the pure rule (403 CONFLICT_OF_INTEREST).
 */
@Injectable()
export class StaffConflicts {
  constructor(private readonly identity: IdentityService) {}

  async refuseAffiliated(manager: EntityManager, caller: AuthUser, organisationId: string, act: StaffAct): Promise<void> {
    const affiliated = await this.identity.isAffiliated(manager, caller.id, organisationId);
    const violations = checkStaffConflict({ act, affiliated });
    if (violations.length) throw DomainError.fromViolations(violations);
  }
}
