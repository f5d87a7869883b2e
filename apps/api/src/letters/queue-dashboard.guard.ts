import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type Authenticator, CSRF_FAILED_DETAIL, MISSING_CREDENTIALS_DETAIL, passesCsrfCheck, type PlatformErrorCode, problem, type Role, sendProblem } from '@app/core';

/** Who may open the queue dashboard. */
export const QUEUE_DASHBOARD_ROLES: readonly Role[] = ['officer', 'admin'];

/**
 * bull-board is Express middleware: Nest's guards and filter never see its
 * requests. This runs in front of it with the API's own authentication (a
 * bearer token, or the portal's session cookie with the same CSRF rule as
 * the guard) and answers refusals as problem details, like the rest of the
 * API: 401 without valid credentials, 403 for other roles, 503 while Redis is
 * down (the board would otherwise wait for Redis for as long as it is away).
 */
export function queueDashboardGuard(authenticator: Authenticator, redisIsUp: () => boolean): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    authenticator
      .authenticate(req)
      .then((authentication) => {
        const user = authentication?.user;
        if (!authentication || !user) return refuse(req, res, 'UNAUTHENTICATED', MISSING_CREDENTIALS_DETAIL);
        if (!passesCsrfCheck(req.method, authentication.source, req.headers)) return refuse(req, res, 'CSRF_CHECK_FAILED', CSRF_FAILED_DETAIL);
        if (!QUEUE_DASHBOARD_ROLES.includes(user.role)) {
          return refuse(req, res, 'FORBIDDEN', `This action is for the role(s): ${QUEUE_DASHBOARD_ROLES.join(', ')}.`);
        }
        if (!redisIsUp()) return refuse(req, res, 'QUEUE_UNAVAILABLE', 'The queue dashboard needs Redis, which is not reachable; try again later.');
        next();
      })
      .catch(next);
  };
}

function refuse(req: Request, res: Response, code: PlatformErrorCode, detail: string): void {
  sendProblem(req, res, problem(code, detail));
}
