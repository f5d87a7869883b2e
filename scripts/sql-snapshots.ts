/**
 * `npm run sql:snapshots`: writes libs/<lib>/src/queries/<name>.sql, the
 * hand-written SQL of each repository (libs/*\/src/**\/<name>.repository.ts),
 * and removes stale snapshots.
 * `npm run sql:check` (CI): fails when the checked-in snapshots differ from
 * what the code produces. `--root <dir>` runs on another tree (the tests).
 */
import { join, resolve } from 'node:path';
import { compareSnapshots, generateSnapshots, readSnapshots, writeSnapshots } from './lib/sql-snapshots';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 ? resolve(args[rootAt + 1]) : join(__dirname, '..');
const expected = generateSnapshots(root);

if (args.includes('--check')) {
  const differences = compareSnapshots(expected, readSnapshots(root));
  if (differences.length) {
    console.error('The SQL snapshots differ from the statements in the repositories; run `npm run sql:snapshots` and commit the result:');
    for (const { path, problem } of differences) console.error(`  ${path}: ${problem}`);
    process.exitCode = 1;
  } else {
    console.log(`SQL snapshots up to date (${expected.size} files).`);
  }
} else {
  const changes = writeSnapshots(root, expected);
  for (const { path, problem } of changes) console.log(`${expected.has(path) ? 'wrote' : 'removed'} ${path} (was ${problem})`);
  console.log(`SQL snapshots: ${expected.size} files, ${changes.length} changed.`);
}
