/** policy's front door. */
export { POLICY_ENTITIES } from './policy.entities';
export { PolicyMeasureEntity } from './policy.entities';
export { PolicyModule } from './policy.module';
export { PolicyService } from './policy.service';
