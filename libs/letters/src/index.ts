/** letters' front door (server side; its pure rules are in ./domain). */
export { LETTERS_ENTITIES } from './letters.entities';
export { LETTER_RENDER_TOPIC, LetterRequests } from './letter-requests.repository';
export { LettersModule } from './letters.module';
export { LettersService } from './letters.service';
export { LETTERS_QUEUE } from './queue/letters-queue';
export { LettersWorkerModule } from './worker/letters-worker.module';
export * from './domain';
