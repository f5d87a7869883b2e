import { LetterEntity } from './letter.entity';
import { OutboxMessageEntity } from './outbox-message.entity';

/** letters' tables: the letters and the outbox that hands them to the queue. */
export const LETTERS_ENTITIES = [LetterEntity, OutboxMessageEntity];
