/** applications' front door (server side; its pure rules are in ./domain). */
export { APPLICATIONS_ENTITIES } from './applications.entities';
