import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import { problem, sendProblem } from '../errors/problem-details.filter';

/**
 * A 404 problem for every request nothing else answered. Nest's own
 * not-found handler covers only the global prefix (/api/v1) and the routes
 * excluded from it; anything else (GET / without a portal build, /api/v2,
 * /health/x, /favicon.ico) would get Express's HTML error page. Appended when
 * the application has bootstrapped, so it stands behind every route: Nest's,
 * Swagger UI's, the queue dashboard's and the portal's.
 */
@Injectable()
export class UnmatchedRequests implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const adapter = this.adapterHost.httpAdapter;
    // The API's HTTP server only; an application context (the worker) has none.
    if (!adapter) return;
    adapter.use((req: Request, res: Response) => sendProblem(req, res, problem('NOT_FOUND', 'No such resource.')));
  }
}
