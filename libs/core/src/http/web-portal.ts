import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { join, relative, sep } from 'node:path';
import { problem, sendProblem } from '../errors/problem-details.filter';
import { assetCacheControl, INDEX_CACHE_CONTROL, servesPortalIndex } from './web-portal.rules';

const logger = new Logger('WebPortal');

/**
 * Serves the web portal's production build from `root` (Vite's output:
 * index.html and assets/): the files under /assets, and index.html for the
 * portal's pages (the history fallback). Installed before Nest's routes, but
 * it never answers below /api, /health or /admin. Nothing is read at start:
 * without a build the API serves the API alone (GET / is then a 404 problem),
 * and a new build is served without a restart.
 */
export function serveWebPortal(app: INestApplication, root: string): void {
  const assets = join(root, 'assets');
  app.use(
    '/assets',
    express.static(assets, {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader('Cache-Control', assetCacheControl(relative(assets, file).split(sep).join('/'))),
    }),
  );
  // A missing asset is a 404, never index.html: a script tag must not receive HTML.
  app.use('/assets', (req: Request, res: Response) => sendProblem(req, res, problem('NOT_FOUND', 'No such file.')));
  const index = join(root, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!servesPortalIndex(req.method, req.path, Boolean(req.accepts('html')))) return next();
    res.sendFile(index, { headers: { 'Cache-Control': INDEX_CACHE_CONTROL } }, (error?: Error & { code?: string; status?: number }) => {
      if (!error || res.headersSent) return;
      // No build (API-only use): on to the other handlers; the last one answers the 404 problem (UnmatchedRequests).
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR' || error.status === 404) return next();
      logger.error({ err: { message: error.message, code: error.code } }, 'Could not send the portal’s index.html');
      sendProblem(req, res, problem('INTERNAL_ERROR', 'An unexpected error occurred; quote the request id when reporting it.'));
    });
  });
}
