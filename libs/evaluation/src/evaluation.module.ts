import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { LettersModule } from '@app/letters';
import { CommissionService } from './commission.service';
import { EvaluationRepository } from './evaluation.repository';
import { FormalCheckService } from './formal-check.service';
import { RankingService } from './ranking.service';

@Module({
  imports: [ApplicationsModule, LettersModule],
  providers: [EvaluationRepository, FormalCheckService, CommissionService, RankingService],
  exports: [FormalCheckService, CommissionService, RankingService],
})
export class EvaluationModule {}
