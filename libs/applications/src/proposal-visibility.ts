import type { EntityManager } from 'typeorm';

/**
 * Which funding proposals a commission member may be shown. A proposal says
 * where the peers' scores put an application against the funding line, so the
 * rule is evaluation's (the ranking's: applications the member has submitted
 * a sheet for without a conflict; after the evaluation closes, all but their
 * conflicts). Declared here, below evaluation, for GET /applications and
 * GET /applications/:id; evaluation implements it (its EvaluationPortsModule,
 * which each app imports once), so applications does not import evaluation.
 */
export abstract class ProposalVisibility {
  /** Of `applicationIds`, those whose proposal `memberId` may see. */
  abstract shownToMember(manager: EntityManager, memberId: string, applicationIds: readonly string[]): Promise<ReadonlySet<string>>;
}
