import { Module } from '@nestjs/common';
import { LetterRequests } from './letter-requests.repository';
import { LettersRepository } from './letters.repository';
import { LettersService } from './letters.service';

@Module({ providers: [LetterRequests, LettersRepository, LettersService], exports: [LetterRequests, LettersService] })
export class LettersModule {}
