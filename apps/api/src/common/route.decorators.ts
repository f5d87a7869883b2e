import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiResponse } from '@nestjs/swagger';
import { Public, type Role, Roles } from '@app/core';
import { ProblemDetailsDto } from './problem.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (VALIDATION_FAILED and friends); every field problem is listed',
  401: 'Missing or invalid bearer token or session cookie',
  403: 'The role may not do this (FORBIDDEN), or a state-changing request by the session cookie lacks X-CSRF-Protection: 1 (CSRF_CHECK_FAILED)',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state',
  422: 'Breaks a business rule',
  429: 'Rate limited',
};

/** Problem-details responses of a route, documented once. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], type: ProblemDetailsDto }),
    ),
  );
}

/** A route for these roles, by bearer token or the portal's session cookie: 401 without either, 403 for other roles. */
export function Auth(...roles: Role[]) {
  return applyDecorators(Roles(...roles), ApiBearerAuth('bearer'), ApiCookieAuth('cookie'), ApiProblems(401, 403));
}

/** A route anyone may call without a token. */
export function Anyone() {
  return Public();
}
