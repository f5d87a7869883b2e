import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/session';
import { AppConfig } from '../config/app-config';
import { requestIdMiddleware } from './request-id';
import { serveWebPortal } from './web-portal';
import { DomainError } from '../errors/domain-error';
import { ErrorStatuses } from '../errors/error-status';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { flattenValidationErrors } from '../errors/validation-errors';

export const API_PREFIX = 'api/v1';

/**
 * Content-Security-Policy for everything the API serves: the portal (same
 * origin, no inline scripts; React sets style attributes, hence inline
 * styles), Swagger UI at /api/docs (its own scripts from the same origin) and
 * the queue dashboard. No framing by anyone.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
  },
};

/**
 * The one HTTP pipeline: main.ts and every e2e test call this, so tests run
 * exactly what production runs.
 */
export function configureHttpApp(app: INestApplication): INestApplication {
  const config = app.get(AppConfig);
  app.getHttpAdapter().getInstance().set('trust proxy', trustProxy(config.get('TRUST_PROXY')));
  app.use(requestIdMiddleware);
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, frameguard: { action: 'deny' } }));
  // The browser session (pg_session), read by the auth guard and the queue dashboard.
  app.use(cookieParser());
  serveWebPortal(app, config.get('WEB_ROOT'));
  applyGlobalPrefix(app);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) =>
        new DomainError('VALIDATION_FAILED', 'The request has invalid fields; see errors.', flattenValidationErrors(errors)),
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(ErrorStatuses)));
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
  return app;
}

/** The client address (rate limits, logs) comes from X-Forwarded-For only behind a trusted proxy. */
function trustProxy(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** `/api/v1` for everything but the health probes and the queue dashboard (bull-board, mounted by the API module). */
export function applyGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'admin/queues'] });
}

const DESCRIPTION = [
  "Prague City's subsidy calls for the integration of foreigners: programmes, calls, applications, the DOT Commission, decisions, money and the audit trail. " +
    'Errors are RFC 9457 problem details with a stable `code`.',
  '',
  '**Authentication.** API clients and scripts send `Authorization: Bearer <accessToken>` from `POST /api/v1/auth/login`. ' +
    `The web portal signs in by cookie instead: a login that carries the header \`${CSRF_HEADER}: 1\` also sets the session cookie \`${SESSION_COOKIE}\` ` +
    '(the same access token; HttpOnly, SameSite=Strict, Path=/, Max-Age = the token lifetime, Secure in production), and `POST /api/v1/auth/logout` clears it. ' +
    'A request with an Authorization header is judged by that header alone. ' +
    `Every request authenticated by the cookie whose method is not GET, HEAD or OPTIONS must carry \`${CSRF_HEADER}: 1\`, ` +
    'else 403 `CSRF_CHECK_FAILED` (a cross-site form cannot send a custom header). Bearer requests need no such header.',
].join('\n');

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Prague integration grants API')
    .setDescription(DESCRIPTION)
    .setVersion('1.0.0')
    .setLicense('Proprietary, Prague City Hall', 'https://www.praha.eu')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addCookieAuth(
      SESSION_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description: `The web portal's session: set by POST /api/v1/auth/login with ${CSRF_HEADER}: 1. State-changing requests by cookie need ${CSRF_HEADER}: 1.`,
      },
      'cookie',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // Routes without a bearer requirement are public: say so explicitly.
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
  return document;
}
