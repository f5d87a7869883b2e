import type { Violation } from './violation';

export interface CoiDeclaration {
  hasConflict: boolean;
}

/** A member belonging to the applicant organisation has a conflict, whatever they declare. */
export function automaticConflict(memberOrganisationId: string | null | undefined, applicationOrganisationId: string): boolean {
  return memberOrganisationId !== null && memberOrganisationId !== undefined && memberOrganisationId === applicationOrganisationId;
}

/**
 * A declaration can be made and changed until the member has scored the
 * application; from then on it is fixed, so a member cannot see the others'
 * scores and then declare a conflict to drop out of the average. Repeating the
 * same declaration (an idempotent PUT) is always accepted.
 */
export function canDeclare(input: { existingDeclaration: CoiDeclaration | null; hasScored: boolean; next?: CoiDeclaration }): boolean {
  if (!input.hasScored) return true;
  return input.existingDeclaration !== null && input.next !== undefined && input.next.hasConflict === input.existingDeclaration.hasConflict;
}

/** The checks of PUT /applications/:id/conflict-of-interest. */
export function checkDeclaration(input: {
  existingDeclaration: CoiDeclaration | null;
  hasScored: boolean;
  hasConflict: boolean;
  /** automaticConflict(member's organisation, applicant organisation). */
  automaticConflict: boolean;
  evaluationClosed: boolean;
}): Violation[] {
  const v: Violation[] = [];
  if (input.evaluationClosed) {
    v.push({ code: 'SCORING_CLOSED', message: 'The evaluation of this call is closed; declarations are frozen.' });
  }
  const next = { hasConflict: input.hasConflict };
  if (!canDeclare({ existingDeclaration: input.existingDeclaration, hasScored: input.hasScored, next })) {
    v.push({
      code: 'COI_DECLARATION_FIXED',
      field: 'hasConflict',
      message: 'You have already scored this application; your declaration can no longer change.',
    });
  }
  if (input.automaticConflict && !input.hasConflict) {
    v.push({
      code: 'CONFLICT_OF_INTEREST',
      field: 'hasConflict',
      message: 'You belong to the applicant organisation, so you have a conflict of interest with this application.',
    });
  }
  return v;
}

/**
 * Who may read all score sheets of an application: the officer always; a
 * commission member only after submitting their own sheet (a draft is not
 * enough: it could still change after a look at the others'), and never a
 * member with a conflict (so no member sees the others' scores before scoring).
 */
export function mayReadScores(input: { role: 'officer' | 'commission'; hasSubmittedSheet: boolean; conflicted: boolean }): boolean {
  if (input.role === 'officer') return true;
  return input.hasSubmittedSheet && !input.conflicted;
}
