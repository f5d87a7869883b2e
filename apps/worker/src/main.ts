import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/**
 * The letters worker: relays the outbox and renders queued decision letters.
 * SIGTERM/SIGINT stop it gracefully: no new jobs, the jobs in hand finish
 * (a job that cannot finish stays in Redis and runs again), then exit 0.
 */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  await app.init();
  logger.log('Worker started: relaying the letters outbox and rendering letters');
  const stop = (signal: NodeJS.Signals) => {
    logger.log(`${signal}: finishing the jobs in hand, then stopping`);
    app.close().then(
      () => {
        logger.log('Worker stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`Worker did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
