import { Module } from '@nestjs/common';
import { PolicyModule } from '@app/policy/policy.module';
import { ApplicationsService } from './applications.service';
import { GrantRecordsRepository } from './grant-records.repository';
import { SubmissionRepository } from './submission.repository';

@Module({ imports: [PolicyModule], providers: [ApplicationsService, SubmissionRepository, GrantRecordsRepository], exports: [ApplicationsService] })
export class ApplicationsModule {}
