import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@app/core';

/** `:id` path parameters: a malformed id is a 400 naming the field. */
export const UuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('VALIDATION_FAILED', 'The id in the path is not a UUID.', [{ field: 'id', message: 'must be a UUID' }]),
});
