import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProposalVisibility } from '@app/applications';
import { EvaluationRepository } from './evaluation.repository';

/** applications' ProposalVisibility: the ranking's rule of which scores (and so proposals) a member may see. */
@Injectable()
export class EvaluationProposalVisibility extends ProposalVisibility {
  constructor(private readonly repository: EvaluationRepository) {
    super();
  }

  shownToMember(manager: EntityManager, memberId: string, applicationIds: readonly string[]): Promise<ReadonlySet<string>> {
    return this.repository.scoresVisibleAmong(manager, memberId, applicationIds);
  }
}

/**
 * Evaluation's implementations of the ports that lower libraries declare:
 * applications' ProposalVisibility. Global, so applications' module finds it
 * without importing evaluation: each app that serves applications imports
 * this module once (as money's MoneyPortsModule).
 */
@Global()
@Module({
  providers: [EvaluationRepository, { provide: ProposalVisibility, useClass: EvaluationProposalVisibility }],
  exports: [ProposalVisibility],
})
export class EvaluationPortsModule {}
