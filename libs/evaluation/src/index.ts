/** evaluation's front door (server side; its pure rules are in ./domain). */
export { EVALUATION_ENTITIES } from './evaluation.entities';
