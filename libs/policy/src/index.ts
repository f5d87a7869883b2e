/** policy's front door. */
export { POLICY_ENTITIES } from './policy.entities';
