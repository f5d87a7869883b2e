import { Module } from '@nestjs/common';
import { CallDocumentsRepository } from './documents/call-documents.repository';
import { CallDocuments } from './documents/call-documents.service';
import { LetterRequests } from './letter-requests.repository';
import { LettersRepository } from './letters.repository';
import { LettersService } from './letters.service';

@Module({
  providers: [LetterRequests, LettersRepository, LettersService, CallDocumentsRepository, CallDocuments],
  exports: [LetterRequests, LettersService, CallDocuments],
})
export class LettersModule {}
