import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApplicationsService } from '@app/applications/applications.service';
import type { AuthUser, StaffRole } from '@app/core/auth/role';
import { pragueDate, pragueYear } from '@app/core/time/prague-time';
import { CallsService } from '@app/calls/calls.service';
import { ProgrammeEntity } from '@app/calls/programme.entity';
import { IdentityService } from '@app/identity/identity.service';
import { UserEntity } from '@app/identity/user.entity';
import { DEMO_CRITERIA, DEMO_MEASURES, DEMO_ORGANISATIONS, DEMO_PARTS, demoApplication } from './demo-data';
import { demoClock, DemoSeedModule } from './demo-seed.module';

const DAY = 86_400_000;
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'prague-demo-2027';
const STAFF: { email: string; fullName: string; role: StaffRole }[] = [
  { email: 'officer@demo.praha.eu', fullName: 'Olga Úřednická (NMF)', role: 'officer' },
  { email: 'commission1@demo.praha.eu', fullName: 'Karel Komisař', role: 'commission' },
  { email: 'commission2@demo.praha.eu', fullName: 'Věra Hodnotitelová', role: 'commission' },
  { email: 'commission3@demo.praha.eu', fullName: 'Tomáš Posudek', role: 'commission' },
  { email: 'budget@demo.praha.eu', fullName: 'Božena Rozpočtová (BUD)', role: 'budget' },
];
const APPLICANTS = ['ngo1@demo.praha.eu', 'ngo2@demo.praha.eu', 'district@demo.praha.eu'];

/**
 * Demo data through the real services (every step audited): one user of every
 * role, three organisations, the programme "Integrace cizinců <year>" with an
 * announced call whose window is open now, one draft and one submitted application.
 * Idempotent: a second run only prints the logins.
 */
async function seed(): Promise<void> {
  const adminPassword = process.env.BOOTSTRAP_ADMIN_PASSWORD ? 'BOOTSTRAP_ADMIN_PASSWORD from your environment' : DEMO_PASSWORD;
  process.env.BOOTSTRAP_ADMIN_EMAIL ??= 'admin@demo.praha.eu';
  process.env.BOOTSTRAP_ADMIN_PASSWORD ??= DEMO_PASSWORD;
  const app = await NestFactory.createApplicationContext(DemoSeedModule, { logger: ['error', 'warn'] });
  try {
    const dataSource = app.get(DataSource);
    const year = pragueYear(new Date()) + 1;
    const code = 'INT';
    if (await dataSource.getRepository(ProgrammeEntity).existsBy({ code })) {
      console.log('Demo data already present.');
    } else {
      await writeDemo(app.get(IdentityService), app.get(CallsService), app.get(ApplicationsService), dataSource, code, year);
      console.log('Demo data loaded.');
    }
    printLogins(adminPassword);
  } finally {
    await app.close();
  }
}

async function writeDemo(
  identity: IdentityService,
  calls: CallsService,
  applications: ApplicationsService,
  dataSource: DataSource,
  code: string,
  year: number,
): Promise<void> {
  const admin = await dataSource.getRepository(UserEntity).findOneByOrFail({ email: process.env.BOOTSTRAP_ADMIN_EMAIL!.toLowerCase() });
  const adminCaller: AuthUser = { id: admin.id, role: 'admin', organisationId: null };
  const staff = new Map<string, AuthUser>();
  for (const s of STAFF) {
    const user = await identity.createStaffUser(adminCaller, { ...s, password: DEMO_PASSWORD });
    staff.set(s.role, { id: user.id, role: user.role, organisationId: null });
  }
  const applicants: AuthUser[] = [];
  for (const [i, organisation] of DEMO_ORGANISATIONS.entries()) {
    const { organisationId, userId } = await identity.register({
      organisation,
      user: { email: APPLICANTS[i], password: DEMO_PASSWORD, fullName: `Žadatel ${organisation.name}` },
    });
    applicants.push({ id: userId, role: 'applicant', organisationId });
  }

  // The call's history: announced 35 days ago (the 30-day rule), open since 4 days ago.
  const officer = staff.get('officer')!;
  demoClock.daysAgo(35);
  const announcedAt = demoClock.now();
  const programme = await calls.createProgramme(officer, {
    code,
    name: `Program podpory aktivit integrace cizinců na území hl. m. Prahy pro rok ${year}`,
    year,
    appropriationCzk: 4_000_000,
  });
  const call = await calls.createCall(officer, {
    programmeId: programme.id,
    title: `Výzva k podávání žádostí o dotace na aktivity integrace cizinců ${year}`,
    announcedOn: pragueDate(announcedAt),
    submissionOpensAt: new Date(announcedAt.getTime() + 31 * DAY),
    submissionClosesAt: new Date(announcedAt.getTime() + 95 * DAY),
    decisionDueOn: `${year}-04-30`,
    settlementDueOn: `${year + 1}-01-31`,
    eligibleApplicantKinds: ['ngo', 'district'],
    eligibleMeasureCodes: DEMO_MEASURES,
    maxApplicationsPerOrganisation: 3,
    minScore: 60,
    quorum: 3,
    maxRequestShareOfCostsPct: 70,
    parts: DEMO_PARTS,
    criteria: DEMO_CRITERIA,
  });
  await calls.announce(officer, call.id);
  demoClock.present();

  const submitted = await applications.create(applicants[1], demoApplication(call.id, year, 'community'));
  await applications.submit(applicants[1], submitted.id);
  await applications.create(applicants[0], demoApplication(call.id, year, 'course'));
}

function printLogins(adminPassword: string): void {
  console.log('\nDemo logins (password for all: %s):', DEMO_PASSWORD);
  console.log(`  admin       ${process.env.BOOTSTRAP_ADMIN_EMAIL} (password: ${adminPassword})`);
  for (const s of STAFF) console.log(`  ${s.role.padEnd(11)} ${s.email}`);
  for (const email of APPLICANTS) console.log(`  applicant   ${email}`);
}

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
