import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DEMO_ADMIN_LOGIN, DEMO_PASSWORD_DEFAULT } from './demo-data';
import { demoSeedRefusal } from './demo-guard';
import { demoGuide } from './demo-guide';
import { loadDemo } from './demo-seed';
import { DemoSeedModule } from './demo-seed.module';

/**
 * `node dist/apps/api/src/demo/seed.js` (npm run demo): loads the demo data
 * (see loadDemo) unless it is there already, then prints the portal's
 * address, the logins and what each can do.
 */
async function main(): Promise<void> {
  const refusal = demoSeedRefusal(process.env);
  if (refusal) throw new Error(refusal);
  const password = process.env.DEMO_PASSWORD ?? DEMO_PASSWORD_DEFAULT;
  const adminPassword = process.env.BOOTSTRAP_ADMIN_PASSWORD ? 'BOOTSTRAP_ADMIN_PASSWORD from your environment' : password;
  process.env.BOOTSTRAP_ADMIN_EMAIL ??= DEMO_ADMIN_LOGIN;
  process.env.BOOTSTRAP_ADMIN_PASSWORD ??= password;
  const app = await NestFactory.createApplicationContext(DemoSeedModule, { logger: ['error', 'warn'] });
  try {
    const started = Date.now();
    const { written } = await loadDemo(app, { password });
    console.log(
      written.length
        ? `Demo data loaded (calls: ${written.join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`
        : 'Demo data already present.',
    );
  } finally {
    await app.close();
  }
  const guide = demoGuide({ port: process.env.PORT ?? 3000, password, adminLogin: process.env.BOOTSTRAP_ADMIN_EMAIL, adminPassword });
  for (const line of guide) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
