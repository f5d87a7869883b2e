import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppConfig } from '../config/app-config';
import { requestIdMiddleware } from './request-id';
import { DomainError } from '../errors/domain-error';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { flattenValidationErrors } from '../errors/validation-errors';

export const API_PREFIX = 'api/v1';

/**
 * The one HTTP pipeline: main.ts and every e2e test call this, so tests run
 * exactly what production runs.
 */
export function configureHttpApp(app: INestApplication): INestApplication {
  app.getHttpAdapter().getInstance().set('trust proxy', trustProxy(app.get(AppConfig).get('TRUST_PROXY')));
  app.use(requestIdMiddleware);
  app.use(helmet());
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
  app.useGlobalFilters(new ProblemDetailsFilter());
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

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Prague integration grants API')
    .setDescription(
      "Prague City's subsidy calls for the integration of foreigners: programmes, calls, applications, the DOT Commission, decisions, money and the audit trail. Errors are RFC 9457 problem details with a stable `code`.",
    )
    .setVersion('1.0.0')
    .setLicense('Proprietary, Prague City Hall', 'https://www.praha.eu')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
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
