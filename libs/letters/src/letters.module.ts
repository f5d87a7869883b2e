import { Module } from '@nestjs/common';
import { LetterRequests } from './letter-requests';

@Module({ providers: [LetterRequests], exports: [LetterRequests] })
export class LettersModule {}
