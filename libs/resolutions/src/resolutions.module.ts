import { Module } from '@nestjs/common';
import { EvaluationModule } from '@app/evaluation';
import { LettersModule } from '@app/letters';
import { ResolutionAnnexDocuments } from './resolution-annex-documents';
import { ResolutionsRepository } from './resolutions.repository';
import { ResolutionsService } from './resolutions.service';

/** The Council's and Assembly's resolutions: drafts, their lines, their annex. */
@Module({
  imports: [EvaluationModule, LettersModule],
  providers: [ResolutionsRepository, ResolutionsService, ResolutionAnnexDocuments],
  exports: [ResolutionsService, ResolutionAnnexDocuments],
})
export class ResolutionsModule {}
