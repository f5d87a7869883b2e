import { Module } from '@nestjs/common';
import { PolicyModule } from '@app/policy/policy.module';
import { ApplicationsService } from './applications.service';
import { SubmissionRepository } from './submission.repository';

@Module({ imports: [PolicyModule], providers: [ApplicationsService, SubmissionRepository], exports: [ApplicationsService] })
export class ApplicationsModule {}
