import { CpuMeter, RssSampler, readStatusKb, resetPeakRss, type CpuUsage } from './proc';

export interface RssFigures {
  /** VmRSS just before the phase (after start-up and seeding). */
  beforePhaseKb: number | null;
  /** VmHWM before the phase: start-up and seeding, argon2 hashing included. */
  seedingHwmKb: number | null;
  sampledPeakKb: number;
  samples: number;
  /** VmHWM after the phase, reset at its start; null where the reset is not possible. */
  phaseHwmKb: number | null;
  /** The larger of the sampled peak and the phase's VmHWM (which also catches spikes between samples). */
  peakKb: number;
}

/** Watches the API process through one phase: RSS every 100 ms, its VmHWM, and CPU by process. */
export class PhaseMonitor {
  private readonly sampler: RssSampler;
  private readonly cpu: CpuMeter;

  private constructor(
    private readonly pid: number,
    private readonly beforePhaseKb: number | null,
    private readonly seedingHwmKb: number | null,
    private readonly hwmReset: boolean,
  ) {
    this.sampler = new RssSampler(pid);
    this.sampler.start(100);
    this.cpu = new CpuMeter(pid);
  }

  static start(pid: number): PhaseMonitor {
    const beforePhaseKb = readStatusKb(pid, 'VmRSS');
    const seedingHwmKb = readStatusKb(pid, 'VmHWM');
    return new PhaseMonitor(pid, beforePhaseKb, seedingHwmKb, resetPeakRss(pid));
  }

  stop(benchBackendPids: ReadonlySet<number>): { rss: RssFigures; cpu: CpuUsage } {
    const cpu = this.cpu.stop(benchBackendPids);
    const sampled = this.sampler.stop();
    const phaseHwmKb = this.hwmReset ? readStatusKb(this.pid, 'VmHWM') : null;
    return {
      cpu,
      rss: {
        beforePhaseKb: this.beforePhaseKb,
        seedingHwmKb: this.seedingHwmKb,
        sampledPeakKb: sampled.peakKb,
        samples: sampled.samples,
        phaseHwmKb,
        peakKb: Math.max(sampled.peakKb, phaseHwmKb ?? 0),
      },
    };
  }
}
