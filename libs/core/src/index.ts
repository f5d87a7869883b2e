/** core's front door (server side; its pure pieces are in ./domain). */
export { CORE_ENTITIES } from './database/core.entities';
