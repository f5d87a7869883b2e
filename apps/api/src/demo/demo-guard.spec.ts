import { demoSeedRefusal } from './demo-guard';

describe('demoSeedRefusal', () => {
  it('refuses production, and only production', () => {
    expect(demoSeedRefusal({ NODE_ENV: 'production' })).toMatch(/does not run with NODE_ENV=production/);
    for (const NODE_ENV of [undefined, 'development', 'test']) expect(demoSeedRefusal({ NODE_ENV })).toBeNull();
  });
});
