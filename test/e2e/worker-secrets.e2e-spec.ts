import { spawnLettersWorker, workerStarted } from '../support/letters-worker';

/** The letters worker neither issues nor checks access tokens: it must not need the API's signing secret. */
describe('the worker without JWT_SECRET', () => {
  it('starts (apps/worker/src/main.ts as its own process) and stops cleanly on SIGTERM', async () => {
    const worker = spawnLettersWorker({ JWT_SECRET: undefined });
    try {
      await workerStarted(worker);
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(worker.output()).not.toMatch(/JWT_SECRET/);
    } finally {
      if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    }
  });
});
