import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  ms: number;
}

export interface RequestOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** false: the body comes back as text, not parsed (a large answer measured many times). Default true. */
  parse?: boolean;
}

/** A request that takes longer is a hung server, not a slow answer: fail instead of waiting forever. */
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * One HTTP client over keep-alive connections (node:http, no dependencies).
 * `maxSockets: 1` makes it behave like a single browser tab or script.
 */
export class JsonClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly origin: URL,
    maxSockets = 1,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        { host: this.origin.hostname, port: this.origin.port, method, path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const ms = performance.now() - started;
            const body = options.parse === false ? Buffer.concat(chunks).toString('utf8') : parseBody(res.headers['content-type'], chunks);
            resolve({ status: res.statusCode ?? 0, body: body as T, ms });
          });
        },
      );
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`${method} ${path}: no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function parseBody(contentType: string | undefined, chunks: Buffer[]): unknown {
  const text = Buffer.concat(chunks).toString('utf8');
  if (!/json/i.test(contentType ?? '') || text === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Throws with the answer when the status is not the expected one (seeding must not fail silently). */
export function expectStatus<T>(what: string, result: HttpResult<T>, status: number): T {
  if (result.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${result.status} ${JSON.stringify(result.body).slice(0, 500)}`);
  }
  return result.body;
}
