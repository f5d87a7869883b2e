import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { LettersModule } from '@app/letters';
import { CommissionService } from './commission.service';
import { ConflictDeclarationsRepository } from './conflict-declarations.repository';
import { EvaluationRepository } from './evaluation.repository';
import { FormalCheckService } from './formal-check.service';
import { FormalChecksRepository } from './formal-checks.repository';
import { RankingService } from './ranking.service';
import { ScoreSheetsRepository } from './score-sheets.repository';

@Module({
  imports: [ApplicationsModule, LettersModule],
  providers: [
    EvaluationRepository,
    ConflictDeclarationsRepository,
    ScoreSheetsRepository,
    FormalChecksRepository,
    FormalCheckService,
    CommissionService,
    RankingService,
  ],
  exports: [FormalCheckService, CommissionService, RankingService],
})
export class EvaluationModule {}
