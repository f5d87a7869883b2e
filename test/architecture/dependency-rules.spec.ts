import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * The architecture's rules (.dependency-cruiser.cjs, run by `npm run lint`) fail
 * on what they forbid: test/fixtures/architecture is a miniature of the
 * repository that breaks each rule once and keeps one import through a front door.
 */
const ROOT = resolve(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'architecture');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function depcruise(outputType: 'json' | 'err') {
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'depcruise'), ['libs', 'apps', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', outputType], {
    cwd: FIXTURE,
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  return run;
}

function cruise(): string[] {
  const result = JSON.parse(depcruise('json').stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('architecture rules (dependency-cruiser)', () => {
  it('fail on a lower library importing a higher one, a deep import, a cycle, an impure rule and a controller touching an entity', () => {
    expect(cruise()).toEqual([
      'app-through-front-doors: apps/api/src/payments.controller.ts → libs/money/src/payment.entity.ts',
      'domain-pure: libs/money/src/domain/penalty.ts → libs/money/src/payments.service.ts',
      'layer-calls: libs/calls/src/calls.service.ts → libs/money/src/payments.service.ts',
      'no-cycle: libs/calls/src/calls.service.ts → libs/money/src/payments.service.ts',
      'no-deep-import: libs/calls/src/calls.service.ts → libs/money/src/payments.service.ts',
      'no-deep-import: libs/money/src/payments.service.ts → libs/calls/src/calls.service.ts',
      'thin-controllers-processors: apps/api/src/payments.controller.ts → libs/money/src/payment.entity.ts',
    ]);
  }, 30_000);

  it('fail the lint step (the reporter npm run lint uses exits non-zero and names the rules)', () => {
    const run = depcruise('err');
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain('error layer-calls: libs/calls/src/calls.service.ts → libs/money/src/payments.service.ts');
    expect(run.stdout).toContain('7 dependency violations');
  }, 30_000);

  it('let a library use a lower one through its front door', () => {
    expect(cruise().filter((v) => v.includes('libs/evaluation/'))).toEqual([]);
  }, 30_000);
});
