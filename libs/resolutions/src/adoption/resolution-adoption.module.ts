import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { AdoptionRepository } from './adoption.repository';
import { ResolutionAdoptionService } from './adoption.service';

/** The adoption of a resolution (issue 13): every decision of its annex in one transaction. */
@Module({
  imports: [ApplicationsModule],
  providers: [AdoptionRepository, ResolutionAdoptionService],
  exports: [ResolutionAdoptionService],
})
export class ResolutionAdoptionModule {}
