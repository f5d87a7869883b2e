import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { getQueueToken } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { applyGlobalPrefix, buildOpenApiDocument, RedisClient } from '@app/core';
import { LETTERS_QUEUE } from '@app/letters';

/**
 * Writes the OpenAPI document without a database or Redis: the document only
 * depends on the controllers and DTOs.
 */
async function main(): Promise<void> {
  const out = process.argv[2] ?? 'openapi.json';
  // The configuration is validated when the modules load: give it placeholders first.
  process.env.DATABASE_URL ??= 'postgres://openapi@127.0.0.1:1/openapi';
  process.env.REDIS_URL ??= 'redis://127.0.0.1:1';
  process.env.JWT_SECRET ??= 'openapi-export-only-secret-not-used-for-tokens';
  const { ApiModule } = await import('../api.module.js');
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
    .overrideProvider(getDataSourceToken())
    .useValue({})
    .overrideProvider(RedisClient)
    .useValue({})
    // A real queue would connect (and reconnect forever) to the placeholder Redis.
    .overrideProvider(getQueueToken(LETTERS_QUEUE))
    .useValue({ on: () => undefined })
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  applyGlobalPrefix(app);
  writeFileSync(out, JSON.stringify(buildOpenApiDocument(app), null, 2));
  console.log(`OpenAPI document written to ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
