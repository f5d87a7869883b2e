import type { Credentials, Draft, SeededCall } from './seed';
import type { RegistryBook } from './database';
import type { LoadResult } from './load';
import type { RssFigures } from './monitor';
import type { CpuUsage } from './proc';
import type { CpuProfileSummary, QueryProfile } from './profile-summary';
import type { LatencySummary } from './stats';

export interface Secrets {
  jwtSecret: string;
  admin: Credentials;
  /** For the officer and every applicant user. */
  password: string;
}

export interface Seeded {
  call: SeededCall;
  drafts: Draft[];
  adminToken: string;
  seconds: Record<string, number>;
}

export interface Measured {
  load: LoadResult;
  references: string[];
  latency: LatencySummary;
  submissionsPerSecond: number;
  /** Submissions/s in each quarter of the phase. */
  byQuarter: number[];
  rss: RssFigures;
  cpu: CpuUsage;
  profile?: { queries: QueryProfile; cpu: CpuProfileSummary; cpuProfileFile: string };
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  firstBrokenEventId?: string;
  seconds: number;
}

export interface Verified {
  referenceProblems: string[];
  book: RegistryBook;
  audit: AuditVerification;
  endHwmKb: number | null;
}

export interface ApiRun {
  rssAtReadyKb: number | null;
  seeded: Seeded;
  measured: Measured;
  verified: Verified;
  exit: string;
}

export interface Baseline {
  requestsPerSecond: number;
  /** `api` is the baseline server here. */
  cpu: CpuUsage;
  latency: LatencySummary;
  failures: number;
}
