import { performance } from 'node:perf_hooks';
import type { LoadResult } from './load';
import type { CpuUsage } from './proc';
import { otherWork } from './ranking-phases';
import { fmt } from './report';
import type { Baseline } from './run-types';
import { summarise } from './stats';

/** The node:http baseline's figures, printed as every benchmark prints them. */
export function toBaseline({ load, cpu }: { load: LoadResult; cpu: CpuUsage }): Baseline {
  const requestsPerSecond = load.requests / (load.elapsedMs / 1000);
  const latency = summarise(load.latenciesMs);
  console.log(
    `    ${load.requests} requests in ${fmt(load.elapsedMs / 1000, 2)} s: ${fmt(requestsPerSecond, 0)} requests/s; ` +
      `p50 ${fmt(latency.p50Ms, 2)} ms, p99 ${fmt(latency.p99Ms, 2)} ms`,
  );
  const c = cpu.cores;
  console.log(`    CPU (cores): server ${fmt(c.api, 2)}, clients ${fmt(c.clients, 2)}, all other work ${fmt(otherWork(cpu), 2)}`);
  if (c.clients > 0.9) console.log('    (the single-threaded client is the limit: the baseline is a floor of what node:http does here)');
  return { requestsPerSecond, cpu, latency, failures: load.failures.length };
}

export function seconds(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}

/** Runs a benchmark's main: its exit code, or 1 with the error's message (BENCH_DEBUG=1: the stack). */
export function runBenchmark(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const detail = error instanceof Error ? (process.env.BENCH_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
      console.error(`bench:${name} failed: ${detail}${process.env.BENCH_DEBUG ? '' : ' (BENCH_DEBUG=1 shows the stack)'}`);
      process.exitCode = 1;
    },
  );
}
