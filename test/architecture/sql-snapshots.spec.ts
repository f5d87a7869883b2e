import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareSnapshots, dedent, extractStatements, generateSnapshots, readSnapshots, writeSnapshots } from '../../scripts/lib/sql-snapshots';

/**
 * scripts/sql-snapshots.ts (`npm run sql:snapshots`, `npm run sql:check` in CI)
 * on test/fixtures/sql-snapshots, a miniature tree with one repository of SQL
 * and one without.
 */
const ROOT = resolve(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'sql-snapshots');
const REPOSITORY = 'libs/demo/src/widgets.repository.ts';
const SNAPSHOT = 'libs/demo/src/queries/widgets.sql';

const EXPECTED = `-- Generated from libs/demo/src/widgets.repository.ts by \`npm run sql:snapshots\`. Do not edit.

-- fragment \${WIDGET_COLUMNS}
w.id, w.name

-- WidgetsRepository.byId
SELECT \${WIDGET_COLUMNS}
  FROM widget w
 WHERE w.id = $1;

-- WidgetsRepository.locked (prepared statement widgets_locked)
SELECT 1 FROM widget WHERE id = $1 \${lock ? 'FOR UPDATE' : ''};

-- WidgetsRepository.rename
UPDATE widget
   SET name = $2
 WHERE id = $1;
`;

function cli(root: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'scripts', 'sql-snapshots.ts'), '--root', root, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  return run;
}

describe('SQL snapshots (scripts/sql-snapshots.ts)', () => {
  let tree: string;

  beforeEach(() => {
    tree = mkdtempSync(join(tmpdir(), 'sql-snapshots-'));
    cpSync(join(FIXTURE, 'libs'), join(tree, 'libs'), { recursive: true });
  });
  afterEach(() => rmSync(tree, { recursive: true, force: true }));

  it("finds each statement in source order under its class and method, with the prepared statement's name and the constants it takes in", () => {
    const statements = extractStatements(readFileSync(join(FIXTURE, REPOSITORY), 'utf8'));
    expect(statements.map(({ text: _, ...where }) => where)).toEqual([
      { fragment: 'WIDGET_COLUMNS' },
      { owner: 'WidgetsRepository.byId' },
      { owner: 'WidgetsRepository.locked', preparedName: 'widgets_locked' },
      { owner: 'WidgetsRepository.rename' },
    ]);
  });

  it('writes one dedented file per repository with SQL, `${…}` as written, each statement ending with `;`', () => {
    expect([...generateSnapshots(FIXTURE)]).toEqual([[SNAPSHOT, EXPECTED]]);
  });

  it('keeps the alignment a statement has against its first line', () => {
    expect(dedent('SELECT a\n           FROM t\n          WHERE b', 9)).toBe('SELECT a\n  FROM t\n WHERE b');
    expect(dedent('\n    UPDATE t\n       SET a = 1\n  ', 0)).toBe('UPDATE t\n   SET a = 1');
  });

  it('regenerates: writes what is missing or changed and removes a stale snapshot', () => {
    mkdirSync(join(tree, 'libs/demo/src/queries'));
    writeFileSync(join(tree, 'libs/demo/src/queries/gone.sql'), '-- GoneRepository.find\nSELECT 1;\n');
    expect(writeSnapshots(tree, generateSnapshots(tree)).map((d) => d.path)).toEqual(['libs/demo/src/queries/gone.sql', SNAPSHOT]);
    expect(readFileSync(join(tree, SNAPSHOT), 'utf8')).toBe(EXPECTED);
    expect(existsSync(join(tree, 'libs/demo/src/queries/gone.sql'))).toBe(false);
    expect(existsSync(join(tree, 'libs/demo/src/queries/plain.sql'))).toBe(false);
    expect(compareSnapshots(generateSnapshots(tree), readSnapshots(tree))).toEqual([]);
  });

  it('check mode passes on current snapshots and fails, naming the file, when a statement changed', () => {
    writeSnapshots(tree, generateSnapshots(tree));
    const ok = cli(tree, '--check');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);

    const source = join(tree, REPOSITORY);
    writeFileSync(source, readFileSync(source, 'utf8').replace('SET name = $2', 'SET name = $2, renamed_at = now()'));
    const changed = cli(tree, '--check');
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain('npm run sql:snapshots');
    expect(changed.stderr).toContain(`${SNAPSHOT}: differs from line 16`);

    rmSync(join(tree, SNAPSHOT));
    expect(compareSnapshots(generateSnapshots(tree), readSnapshots(tree))).toEqual([{ path: SNAPSHOT, problem: 'missing' }]);
  });
});
