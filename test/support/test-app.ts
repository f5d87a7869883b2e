import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { Clock } from '@app/core/clock/clock';
import { AppConfig } from '@app/core/config/app-config';
import { validateEnvironment, type EnvironmentVariables } from '@app/core/config/env.validation';
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

export interface TestAppOptions {
  /**
   * Settings that differ from the suite's environment (e.g. WEB_ROOT, COOKIE_SECURE),
   * validated the same way; `undefined` unsets one. The configuration is
   * validated once when the modules load (and written back to process.env,
   * derived defaults included), so a test cannot change it through process.env.
   */
  config?: Partial<Record<keyof EnvironmentVariables, string | undefined>>;
}

/** The production module and HTTP pipeline; only the clock (and, when asked, settings) is replaced. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const clock = new TestClock();
  let builder = Test.createTestingModule({ imports: [ApiModule] })
    .overrideProvider(Clock)
    .useValue(clock);
  if (options.config) {
    const env = validateEnvironment({ ...process.env, ...options.config });
    builder = builder.overrideProvider(AppConfig).useValue({ get: (key: keyof EnvironmentVariables) => env[key] });
  }
  const moduleRef = await builder.compile();
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
