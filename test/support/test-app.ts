import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { Clock } from '@app/core/clock/clock';
import { configureHttpApp } from '@app/core/http/configure-http-app';
import { ApiModule } from '../../apps/api/src/api.module';
import { TestClock } from './test-clock';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  clock: TestClock;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The production module and HTTP pipeline; only the clock is replaced. */
export async function createTestApp(): Promise<TestApp> {
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureHttpApp(app);
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    dataSource: app.get(DataSource),
    close: () => app.close(),
  };
}
