import type { ChildProcess } from 'node:child_process';

/** `memory`: also sample process.memoryUsage() every 20 ms (reported as memoryMiB). */
export type ProbeMessage = { probe: 'start'; cpuProfile: boolean; memory?: boolean } | { probe: 'stop'; cpuProfileFile?: string };

export interface StatementStats {
  sql: string;
  count: number;
  totalMs: number;
  maxMs: number;
}

export interface ProbeReport {
  elapsedMs: number;
  statements: StatementStats[];
  transactionsMs: number[];
  /** Per serialising lock: how long each transaction held it (taken → COMMIT done). */
  lockHoldsMs: Record<string, number[]>;
  poolWaitsMs: number[];
  eventLoopDelayMs: { mean: number; p50: number; p99: number; max: number };
  /** With `memory` at "start": process.memoryUsage() in MiB then, and the peak of each field sampled every 20 ms until "stop". */
  memoryMiB?: { atStart: MemoryFigures; peak: MemoryFigures };
}

export interface MemoryFigures {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

type ProbeReply = { probe: 'started' } | { probe: 'report'; report: ProbeReport } | { probe: 'error'; error: string };

/** Sends a message to the probe inside the API and waits for its answer. */
export function askProbe(child: ChildProcess, message: ProbeMessage, timeoutMs = 60_000): Promise<ProbeReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`the query probe did not answer "${message.probe}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (reply: ProbeReply) => {
      if (typeof reply !== 'object' || reply === null || !('probe' in reply)) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      if (reply.probe === 'error') reject(new Error(`query probe: ${reply.error}`));
      else resolve(reply);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}
