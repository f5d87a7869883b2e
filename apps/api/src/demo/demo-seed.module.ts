import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { CallsModule } from '@app/calls';
import { CoreModule } from '@app/core';
import { EvaluationModule, EvaluationPortsModule } from '@app/evaluation';
import { IdentityModule } from '@app/identity';
import { MoneyModule, MoneyPortsModule } from '@app/money';
import { DemoClock } from './demo-clock';
import { ENTITIES } from '../../../../migrations/schema';

export const demoClock = new DemoClock();

/** The feature services without HTTP (and without the letters queue: decisions only queue their letters in the outbox), on a clock the seed can set to the demo's past. */
@Module({ imports: [CoreModule.forRoot({ entities: ENTITIES, clock: demoClock }), IdentityModule, CallsModule, ApplicationsModule, EvaluationModule, EvaluationPortsModule, MoneyModule, MoneyPortsModule] })
export class DemoSeedModule {}
