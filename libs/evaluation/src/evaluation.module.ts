import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { CallsModule } from '@app/calls';
import { LettersModule } from '@app/letters';
import { CommissionMinutesRepository } from './commission-minutes.repository';
import { CommissionMinutesService } from './commission-minutes.service';
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
    CommissionMinutesRepository,
    CommissionMinutesService,
  ],
  exports: [FormalCheckService, CommissionService, RankingService, CommissionMinutesService],
})
export class EvaluationModule {}
