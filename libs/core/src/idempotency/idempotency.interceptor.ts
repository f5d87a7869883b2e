import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import { canonicalJson } from '../audit/audit-hash';
import type { AuthUser } from '../auth/role';
import { DomainError } from '../errors/domain-error';
import { IdempotencyRepository } from './idempotency.repository';
import { runAsIdempotentRequest, storedJson, type IdempotentRequest } from './idempotent-request';

const MAX_KEY_LENGTH = 200;

/**
 * Honours `Idempotency-Key` on the routes it decorates (submissions and money).
 * The key is claimed in its own transaction (a duplicate sees it and waits);
 * the handler's business transaction stores the answer on it before its
 * commit (idempotent-request.ts), so a process that dies after the commit
 * leaves the answer, not a free key. A failure before the commit frees the key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyRepository) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: AuthUser }>();
    const res = http.getResponse<Response>();
    const key = req.header('idempotency-key');
    if (key === undefined || !req.user) return next.handle();
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 200 characters.', [
        { field: 'Idempotency-Key', message: 'must be 1 to 200 characters' },
      ]);
    }
    const userId = req.user.id;
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.path}\n${canonicalJson(req.body ?? null)}`)
      .digest('hex');
    const claim = await this.store.claim(userId, key, requestHash);
    if (claim.kind === 'replay') {
      res.status(claim.status);
      res.setHeader('Idempotent-Replayed', 'true');
      return of(claim.body);
    }
    const status: number =
      Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ??
      (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    const request: IdempotentRequest = {
      completeIn: (manager, body, replace) => this.store.completeIn(manager, userId, key, status, body, replace),
    };
    return runAsIdempotentRequest(request, () => next.handle()).pipe(
      mergeMap((body) => from(this.answered(request, userId, key, status, body).then(() => body))),
      catchError((error: unknown) => from(this.store.release(userId, key).then(() => Promise.reject(error)))),
    );
  }

  /** A handler without a transaction, or one that answered other than its transaction's result: the answer is stored now. */
  private async answered(request: IdempotentRequest, userId: string, key: string, status: number, body: unknown): Promise<void> {
    if (request.committedBody === storedJson(body)) return;
    await this.store.complete(userId, key, status, body);
  }
}
