import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU times in 1/100 s on every mainstream architecture. */
const CLOCK_TICKS_PER_SECOND = 100;

/** A `VmXxx:  123 kB` field of /proc/<pid>/status, in KiB; null once the process is gone. */
export function readStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Resets VmHWM to the current RSS (Linux ≥ 4.0), so a later VmHWM covers only what follows. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Samples VmRSS at a fixed interval and keeps the peak. */
export class RssSampler {
  private timer?: NodeJS.Timeout;
  private peakKb = 0;
  private samples = 0;

  constructor(private readonly pid: number) {}

  start(intervalMs = 100): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs).unref();
  }

  stop(): { peakKb: number; samples: number } {
    clearInterval(this.timer);
    this.sample();
    return { peakKb: this.peakKb, samples: this.samples };
  }

  private sample(): void {
    const kb = readStatusKb(this.pid, 'VmRSS');
    if (kb === null) return;
    this.samples++;
    this.peakKb = Math.max(this.peakKb, kb);
  }
}

export interface CpuUsage {
  /** Share of all cores busy, 0..1. */
  machineBusy: number;
  /** Cores' worth used during the phase (1.0 = one core fully), by who used them. */
  cores: {
    api: number;
    clients: number;
    /** The backends of the benchmark's database (the API's pool). */
    postgresBench: number;
    /** WAL writer, checkpointer, and backends of other databases. */
    postgresOther: number;
    /** Everything else: other people's tests and servers on the machine. */
    otherProcesses: number;
  };
}

interface ProcessTicks {
  comm: string;
  ticks: number;
}

/** CPU accounting across a phase, from /proc/stat and every /proc/<pid>/stat. */
export class CpuMeter {
  private readonly machine = machineTicks();
  private readonly processes = allProcessTicks();
  private readonly started = process.hrtime.bigint();

  constructor(private readonly apiPid: number) {}

  stop(benchBackendPids: ReadonlySet<number>): CpuUsage {
    const seconds = Number(process.hrtime.bigint() - this.started) / 1e9;
    const machine = machineTicks();
    const busy = machine.total - this.machine.total - (machine.idle - this.machine.idle);
    const cores = { api: 0, clients: 0, postgresBench: 0, postgresOther: 0, otherProcesses: 0 };
    for (const [pid, now] of allProcessTicks()) {
      const used = (now.ticks - (this.processes.get(pid)?.ticks ?? 0)) / CLOCK_TICKS_PER_SECOND / seconds;
      if (pid === this.apiPid) cores.api += used;
      else if (pid === process.pid) cores.clients += used;
      else if (benchBackendPids.has(pid)) cores.postgresBench += used;
      else if (now.comm === 'postgres') cores.postgresOther += used;
      else cores.otherProcesses += used;
    }
    return { machineBusy: busy / Math.max(1, machine.total - this.machine.total), cores };
  }
}

function machineTicks(): { total: number; idle: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user).
  const total = cpu.slice(0, 8).reduce((sum, n) => sum + n, 0);
  return { total, idle: cpu[3] + cpu[4] };
}

function allProcessTicks(): Map<number, ProcessTicks> {
  const result = new Map<number, ProcessTicks>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
      const fields = stat.slice(close + 2).split(' ');
      result.set(Number(entry), { comm: stat.slice(stat.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended between readdir and read.
    }
  }
  return result;
}
