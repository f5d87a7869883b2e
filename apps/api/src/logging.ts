import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import type { AuthUser } from '@app/core';

/** Structured JSON logs: request id, user id, status, duration; never passwords or tokens. */
export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      level,
      // The id was set by requestIdMiddleware, which runs first.
      genReqId: (req: IncomingMessage) => req.id ?? randomUUID(),
      customProps: (req: IncomingMessage) => ({ userId: (req as IncomingMessage & { user?: AuthUser }).user?.id }),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.accessToken'], censor: '[redacted]' },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health/') },
    },
  };
}
