export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(latenciesMs: readonly number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, ms) => sum + ms, 0);
  return {
    count: sorted.length,
    meanMs: sorted.length ? total / sorted.length : Number.NaN,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
  };
}

/** Requests per second in each of `parts` equal slices of the answers: shows a run slowing down as it goes. */
export function throughputBySlice(finishedAtMs: readonly number[], parts = 4): number[] {
  const size = Math.floor(finishedAtMs.length / parts);
  if (size === 0) return [];
  return Array.from({ length: parts }, (_, i) => {
    const from = i === 0 ? 0 : finishedAtMs[i * size - 1];
    const to = finishedAtMs[(i + 1) * size - 1];
    return (size / Math.max(1, to - from)) * 1000;
  });
}
