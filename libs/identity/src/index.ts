/** identity's front door (server side; its pure rules are in ./domain). */
export { IDENTITY_ENTITIES } from './identity.entities';
