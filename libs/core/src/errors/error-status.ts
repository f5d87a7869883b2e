import type { ErrorCode, ErrorStatus, ErrorStatusTable } from './error-code';

/**
 * The HTTP status of every error code: the map the app composes from core's
 * table and each feature library's (a code without a status does not compile
 * there). Given to CoreModule.forRoot({ http }); the problem-details filter reads it.
 */
export class ErrorStatuses {
  constructor(private readonly table: ErrorStatusTable<ErrorCode>) {}

  of(code: ErrorCode): ErrorStatus {
    return this.table[code] ?? unmapped(code);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function titleOf(status: number): string {
  return TITLES[status] ?? 'Error';
}

function unmapped(code: string): never {
  throw new Error(`Unmapped error code ${code}`);
}
