import { areaOf, printCpuProfile, summariseCpuProfile, type CpuProfileSummary } from './profile-summary';
import { fmt } from './report';

const RENDER_PACKAGES = /^(pdfkit|fontkit|fflate|linebreak|png-js|restructure|dfa|tiny-inflate|brotli|clone|unicode-[a-z-]+|@noble\/.+|@swc\/helpers)$/;
const DATABASE_PACKAGES = /^(pg|pg-[a-z-]+|postgres-[a-z-]+|typeorm|@nestjs\/typeorm)$/;
const QUEUE_PACKAGES = /^(bullmq|@nestjs\/bullmq|ioredis|msgpackr|cron-parser|redis-[a-z-]+|cluster-key-slot|denque|standard-as-callback)$/;

/** The worker's own code by folder (libs/letters/src/render is the renderer), packages by package. */
function workerArea(url: string, functionName: string): string {
  const lib = /\/dist\/libs\/([^/]+)\/src\/([^/]+)\//.exec(url);
  if (lib) return `app: libs/${lib[1]}/src/${lib[2]}`;
  return areaOf(url, functionName);
}

/** What a piece of the worker's time was for: rendering, the database, the queue, or something else. */
export function taskOf(area: string): string {
  const pkg = area.startsWith('app: ') || area.startsWith('(') || area === 'node: core' ? null : area;
  if (area === 'app: libs/letters/src/render' || (pkg && RENDER_PACKAGES.test(pkg))) return 'render (pdfkit, fontkit, the renderer)';
  if (pkg && DATABASE_PACKAGES.test(pkg)) return 'database (pg, typeorm)';
  if (pkg && QUEUE_PACKAGES.test(pkg)) return 'queue (bullmq, ioredis)';
  if (area === '(garbage collector)') return 'garbage collector';
  if (area === '(idle)') return 'idle';
  if (area.startsWith('(native') || area === 'node: core' || area === '(program)') return 'node core, V8 builtins, (program)';
  return `other: ${area}`;
}

export interface WorkerProfile {
  file: string;
  /** Self time by task: render, database, queue, GC, idle, the rest. */
  byTask: CpuProfileSummary['byArea'];
  detail: CpuProfileSummary;
}

export function summariseWorkerProfile(file: string): WorkerProfile {
  const byTask = summariseCpuProfile(file, (url, fn) => taskOf(workerArea(url, fn))).byArea;
  return { file, byTask, detail: summariseCpuProfile(file, workerArea) };
}

export function printWorkerProfile(profile: WorkerProfile): void {
  console.log(`  --- worker CPU profile, whole life of the process (${profile.file}) ---`);
  console.log('  self time by task:');
  for (const t of profile.byTask) console.log(`    ${fmt(t.share * 100).padStart(5)} %  ${t.name}`);
  printCpuProfile(profile.detail, 'worker');
}
