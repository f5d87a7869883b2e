import { applyDecorators, type ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { type AppConfig, type AuthUser, type RedisClient, RedisThrottlerStorage } from '@app/core';

/**
 * The API's rate limits, each per caller and route over one minute, counted
 * in Redis (shared by every API instance):
 * - `auth`: login and logout (AUTH_THROTTLE_LIMIT);
 * - `register`: registering an organisation (REGISTER_THROTTLE_LIMIT; each
 *   registration hashes a password and writes an organisation);
 * - `public`: what anyone may read without logging in — the calls, the
 *   policy's measures, the 360Giving export (PUBLIC_THROTTLE_LIMIT).
 */
export const RATE_LIMITS = ['auth', 'register', 'public'] as const;
export type RateLimit = (typeof RATE_LIMITS)[number];

const WINDOW_MS = 60_000;

export function rateLimitOptions(config: AppConfig, redis: RedisClient): ThrottlerModuleOptions {
  const limits: Record<RateLimit, number> = {
    auth: config.get('AUTH_THROTTLE_LIMIT'),
    register: config.get('REGISTER_THROTTLE_LIMIT'),
    public: config.get('PUBLIC_THROTTLE_LIMIT'),
  };
  return {
    throttlers: RATE_LIMITS.map((name) => ({ name, ttl: WINDOW_MS, limit: limits[name] })),
    storage: new RedisThrottlerStorage(redis),
  };
}

/**
 * The caller: a logged-in user by their id (staff behind the City's one
 * address do not share a count), anyone else by client address (behind a
 * reverse proxy, TRUST_PROXY makes it the client's).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const user = (req as unknown as Request & { user?: AuthUser }).user;
    return user ? `user:${user.id}` : `address:${await super.getTracker(req)}`;
  }

  /** The standard Retry-After too (the throttler only sets Retry-After-<limit> for a named limit). */
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }
}

/** The route counts against this limit only (429 RATE_LIMITED with Retry-After past it). */
export function RateLimited(limit: RateLimit) {
  const skip = Object.fromEntries(RATE_LIMITS.map((name) => [name, name !== limit]));
  return applyDecorators(SkipThrottle(skip), UseGuards(RateLimitGuard));
}
