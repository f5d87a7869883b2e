import type { Violation } from '@app/core/domain';

export type { Violation };

export const invalid = (field: string, message: string): Violation => ({ code: 'VALIDATION_FAILED', field, message });
