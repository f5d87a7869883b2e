import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Role } from '@app/core/auth/role';
import type { TokenService } from '@app/core/auth/token.service';
import type { ErrorCode } from '@app/core/errors/error-code';
import { problem } from '@app/core/errors/problem-details.filter';

/** Who may open the queue dashboard. */
export const QUEUE_DASHBOARD_ROLES: readonly Role[] = ['officer', 'admin'];

/**
 * bull-board is Express middleware: Nest's guards and filter never see its
 * requests. This runs in front of it with the API's own token check and
 * answers refusals as problem details, like the rest of the API: 401 without
 * a valid bearer token, 403 for other roles, 503 while Redis is down (the
 * board would otherwise wait for Redis for as long as it is away).
 */
export function queueDashboardGuard(tokens: TokenService, redisIsUp: () => boolean): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    tokens
      .verifyAuthorization(req.headers.authorization)
      .then((user) => {
        if (!user) return refuse(req, res, 'UNAUTHENTICATED', 'A valid bearer token is required.');
        if (!QUEUE_DASHBOARD_ROLES.includes(user.role)) {
          return refuse(req, res, 'FORBIDDEN', `This action is for the role(s): ${QUEUE_DASHBOARD_ROLES.join(', ')}.`);
        }
        if (!redisIsUp()) return refuse(req, res, 'QUEUE_UNAVAILABLE', 'The queue dashboard needs Redis, which is not reachable; try again later.');
        next();
      })
      .catch(next);
  };
}

function refuse(req: Request, res: Response, code: ErrorCode, detail: string): void {
  const body = { ...problem(code, detail), instance: req.originalUrl.split('?')[0], ...(req.id !== undefined ? { requestId: String(req.id) } : {}) };
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}
