import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications/applications.module';
import { CallsModule } from '@app/calls/calls.module';
import { CoreModule } from '@app/core/core.module';
import { IdentityModule } from '@app/identity/identity.module';
import { DemoClock } from './demo-clock';

export const demoClock = new DemoClock();

/** The feature services without HTTP, on a clock the seed can set to the demo's past. */
@Module({ imports: [CoreModule.forRoot({ clock: demoClock }), IdentityModule, CallsModule, ApplicationsModule] })
export class DemoSeedModule {}
