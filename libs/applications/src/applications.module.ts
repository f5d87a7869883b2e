import { Module } from '@nestjs/common';
import { PolicyModule } from '@app/policy/policy.module';
import { ApplicationsService } from './applications.service';

@Module({ imports: [PolicyModule], providers: [ApplicationsService], exports: [ApplicationsService] })
export class ApplicationsModule {}
