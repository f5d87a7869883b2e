import { CallDocumentEntity } from './documents/call-document.entity';
import { LetterEntity } from './letter.entity';
import { OutboxMessageEntity } from './outbox-message.entity';

/** letters' tables: the letters, the call's documents, and the outbox that hands them to the queue. */
export const LETTERS_ENTITIES = [LetterEntity, CallDocumentEntity, OutboxMessageEntity];
