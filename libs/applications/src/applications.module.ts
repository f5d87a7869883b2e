import { Module } from '@nestjs/common';
import { PolicyModule } from '@app/policy';
import { ApplicationLifecycle } from './application-lifecycle.repository';
import { ApplicationsService } from './applications.service';
import { FormalChecksRepository } from './formal-checks.repository';
import { GrantRecordsRepository } from './grant-records.repository';
import { SubmissionRepository } from './submission.repository';

@Module({
  imports: [PolicyModule],
  providers: [ApplicationsService, ApplicationLifecycle, FormalChecksRepository, SubmissionRepository, GrantRecordsRepository],
  exports: [ApplicationsService, ApplicationLifecycle, FormalChecksRepository],
})
export class ApplicationsModule {}
