import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runBenchmark } from './lib/bench-main';

/**
 * `npm run bench:web`: what a browser downloads before the first screen of each
 * area, gzip-compressed (level 9, as a server would send it): the applicant entry
 * (≤ 200 KB) and each staff entry (≤ 350 KB), with the largest modules of each, and
 * the unavoidable floor (React + ReactDOM alone) as the baseline they compare with.
 * Builds the portal into a temporary folder with Vite's manifest; dist/ is untouched.
 */
const ROOT = resolve(__dirname, '../..');
const BUDGETS_KB = { applicant: 200, staff: 350 } as const;
const AREAS = {
  applicant: { route: 'src/pages/applicant/routes.tsx', namespaces: ['common', 'errors', 'public', 'applicant', 'grant'] },
  commission: { route: 'src/pages/commission/routes.tsx', namespaces: ['common', 'errors', 'commission'] },
  officer: { route: 'src/pages/officer/routes.tsx', namespaces: ['common', 'errors', 'officer', 'commission'] },
  budget: { route: 'src/pages/budget/routes.tsx', namespaces: ['common', 'errors', 'budget'] },
  admin: { route: 'src/pages/admin/routes.tsx', namespaces: ['common', 'errors', 'admin'] },
} as const;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<number> {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-web-'));
  const modules = new Map<string, { chunk: string; bytes: number }[]>();
  try {
    // Vite is ESM-only; this file is compiled to CommonJS.
    const { build } = (await import('vite')) as typeof import('vite');
    const started = Date.now();
    await build({
      configFile: join(ROOT, 'apps/web/vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true },
      plugins: [
        {
          name: 'bench-web-modules',
          generateBundle(_options, bundle) {
            for (const output of Object.values(bundle)) {
              if (output.type !== 'chunk') continue;
              for (const [id, info] of Object.entries(output.modules)) {
                const list = modules.get(output.fileName) ?? [];
                list.push({ chunk: id, bytes: info.renderedLength });
                modules.set(output.fileName, list);
              }
            }
          },
        },
      ],
    });
    console.log(`bench:web — the portal built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
    const gzipOf = (file: string): number => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
    /** A manifest entry and everything it imports statically (what loads before it runs). */
    const closure = (key: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(key)) return seen;
      const chunk = manifest[key];
      if (!chunk) throw new Error(`the portal's build has no ${key}`);
      seen.add(key);
      for (const dependency of chunk.imports ?? []) closure(dependency, seen);
      return seen;
    };

    const entryFile = manifest['index.html'].file;
    const floor = Math.round(gzipOf(entryFile) * reactShare(modules.get(entryFile) ?? []));
    console.log(`baseline: React + ReactDOM + scheduler alone ≈ ${kb(floor)} gzip (estimated from their share of the first chunk)\n`);

    let failed = false;
    const rows: string[] = [];
    for (const [area, { route, namespaces }] of Object.entries(AREAS)) {
      const keys = closure('index.html');
      closure(route, keys);
      for (const namespace of namespaces) {
        const key = `src/i18n/locales/cs/${namespace}.json`;
        if (manifest[key]) closure(key, keys);
      }
      const files = [...keys].map((key) => manifest[key].file);
      const bytes = files.reduce((sum, file) => sum + gzipOf(file), 0);
      const budget = area === 'applicant' ? BUDGETS_KB.applicant : BUDGETS_KB.staff;
      const ok = bytes <= budget * 1024;
      failed ||= !ok;
      rows.push(`| ${area} | ${files.length} | ${kb(bytes)} | ≤ ${budget} KB | ${ok ? 'ok' : 'OVER'} | ${(bytes / floor).toFixed(2)}× |`);
      if (area === 'applicant' || area === 'officer') printLargest(area, files, modules);
    }
    console.log('| entry | JS files | initial JS (gzip) | budget | | vs. React floor |');
    console.log('|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    const css = Object.values(manifest).flatMap((chunk) => chunk.css ?? []);
    const cssBytes = [...new Set(css)].reduce((sum, file) => sum + gzipOf(file), 0);
    console.log(`\nCSS (design system + portal): ${kb(cssBytes)} gzip`);
    return failed ? 1 : 0;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The largest modules (before minification, by rendered size) of an entry's initial files. */
function printLargest(area: string, files: string[], modules: Map<string, { chunk: string; bytes: number }[]>): void {
  const all = files.flatMap((file) => modules.get(file) ?? []);
  const byPackage = new Map<string, number>();
  for (const { chunk, bytes } of all) {
    const path = chunk.includes('node_modules/') ? chunk.slice(chunk.lastIndexOf('node_modules/') + 13) : chunk.replace(ROOT + '/', '');
    const name = chunk.includes('node_modules/') ? path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/') : path;
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytes);
  }
  const top = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 10);
  console.log(`largest modules of the ${area} entry (minified size before gzip is smaller):`);
  for (const [name, bytes] of top) console.log(`  ${kb(bytes).padStart(9)}  ${name}`);
  console.log('');
}

/** React's share of a chunk's modules (rendered sizes): applied to the chunk's gzip size, an estimate of React's own weight. */
function reactShare(list: readonly { chunk: string; bytes: number }[]): number {
  let react = 0;
  let total = 0;
  for (const { chunk, bytes } of list) {
    total += bytes;
    if (/node_modules\/(react|react-dom|scheduler)\//.test(chunk)) react += bytes;
  }
  return total === 0 ? 0 : react / total;
}

runBenchmark('web', main);
