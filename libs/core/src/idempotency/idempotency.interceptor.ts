import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import { canonicalJson } from '../audit/audit-hash';
import type { AuthUser } from '../auth/role';
import { DomainError } from '../errors/domain-error';
import { IdempotencyRepository } from './idempotency.repository';

const MAX_KEY_LENGTH = 200;

/** Honours `Idempotency-Key` on the routes it decorates (submissions and money). */
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
    return next.handle().pipe(
      mergeMap((body) => from(this.store.complete(userId, key, status, body).then(() => body))),
      catchError((error: unknown) => from(this.store.release(userId, key).then(() => Promise.reject(error)))),
    );
  }
}
