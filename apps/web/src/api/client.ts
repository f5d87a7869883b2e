import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, toProblem } from '../lib/problem';
import type { paths } from './schema.gen';

/**
 * The portal's one way to the API: typed from the API's OpenAPI document, the
 * session travels in the httpOnly cookie (never in JavaScript), and every request
 * carries the header that tells the API it comes from the portal (its CSRF defence:
 * a cross-site form cannot set it).
 */
export const CSRF_HEADER = 'X-CSRF-Protection';

const portalHeaders: Middleware = {
  onRequest({ request }) {
    request.headers.set(CSRF_HEADER, '1');
    request.headers.set('Accept-Language', document.documentElement.lang || 'cs');
    return request;
  },
};

/** Called when the API says the session is gone (401), so the portal can ask the user to sign in again. */
let onUnauthenticated: () => void = () => undefined;
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

const sessionWatch: Middleware = {
  onResponse({ response, request }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/v1/auth/')) onUnauthenticated();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(portalHeaders, sessionWatch);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's data, or an ApiError carrying its problem details (network failures become INTERNAL_ERROR-free `network` errors). */
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (result.response.ok) return result.data as T;
  throw new ApiError(result.response.status, toProblem(result.response.status, result.error));
}

export class NetworkError extends Error {
  constructor(override readonly cause: unknown) {
    super('network');
    this.name = 'NetworkError';
  }
}

/** A fresh Idempotency-Key for one form: the same key for every resend of that form, so a double click never pays twice. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Downloads a file the API serves (PDF, CSV) with the session cookie, and saves it under `fileName`. */
export async function download(path: string, fileName: string, accept?: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { [CSRF_HEADER]: '1', ...(accept ? { Accept: accept } : {}) } });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status === 401) onUnauthenticated();
    throw new ApiError(response.status, toProblem(response.status, body));
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
