/** letters' front door (server side; its pure rules are in ./domain). */
export { LETTERS_ENTITIES } from './letters.entities';
