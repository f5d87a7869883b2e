import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { CallsModule } from '@app/calls';
import { LettersModule } from '@app/letters';
import { CommissionService } from './commission.service';
import { ConflictDeclarationsRepository } from './conflict-declarations.repository';
import { EvaluationRepository } from './evaluation.repository';
import { FormalCheckService } from './formal-check.service';
import { RankingService } from './ranking.service';
import { ScoreSheetsRepository } from './score-sheets.repository';

@Module({
  imports: [ApplicationsModule, CallsModule, LettersModule],
  providers: [
    EvaluationRepository,
    ConflictDeclarationsRepository,
    ScoreSheetsRepository,
    FormalCheckService,
    CommissionService,
    RankingService,
  ],
  exports: [FormalCheckService, CommissionService, RankingService],
})
export class EvaluationModule {}
