import { Module } from '@nestjs/common';
import { PolicyModule } from '@app/policy/policy.module';
import { CallsService } from './calls.service';

@Module({ imports: [PolicyModule], providers: [CallsService], exports: [CallsService] })
export class CallsModule {}
