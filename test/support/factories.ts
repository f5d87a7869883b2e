import { randomInt } from 'node:crypto';
import { pragueDate, pragueYear } from '@app/core/time/prague-time';
import type { StaffRole } from '@app/core/auth/role';
import { generateValidIco } from '@app/identity/domain/ico';
import type { TestApp } from './test-app';

const API = '/api/v1';
export const PASSWORD = 'correct-horse-battery-staple';
let counter = 0;

export function unique(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter.toString(36)}${randomInt(1_000_000).toString(36)}`;
}

export function uniqueIco(): string {
  return generateValidIco(randomInt(10_000_000));
}

export interface Applicant {
  token: string;
  userId: string;
  organisationId: string;
  email: string;
}

export interface Staff {
  token: string;
  id: string;
  email: string;
}

export function registrationBody(overrides: { kind?: 'ngo' | 'district'; ico?: string; email?: string } = {}) {
  return {
    organisation: {
      kind: overrides.kind ?? 'ngo',
      name: `Poradna pro cizince ${unique()}, z. s.`,
      ico: overrides.ico ?? uniqueIco(),
      legalForm: 'z. s.',
      address: { street: 'Žitná 1', city: 'Praha 2', postalCode: '120 00' },
      bankAccount: '19-2000145399/0800',
    },
    user: { email: overrides.email ?? `applicant-${unique()}@example.cz`, password: PASSWORD, fullName: 'Jana Nováková' },
  };
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<string> {
  const res = await t.http.post(`${API}/auth/login`).send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

export async function registerApplicant(t: TestApp, kind: 'ngo' | 'district' = 'ngo'): Promise<Applicant> {
  for (let attempt = 0; ; attempt++) {
    const body = registrationBody({ kind });
    const res = await t.http.post(`${API}/auth/register`).send(body);
    if (res.status === 409 && res.body.code === 'ORGANISATION_EXISTS' && attempt < 3) continue;
    if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
    const token = await login(t, body.user.email);
    return { token, userId: res.body.userId, organisationId: res.body.organisationId, email: body.user.email };
  }
}

export function adminToken(t: TestApp): Promise<string> {
  return login(t, process.env.BOOTSTRAP_ADMIN_EMAIL!, process.env.BOOTSTRAP_ADMIN_PASSWORD!);
}

export async function createStaff(t: TestApp, role: StaffRole, admin?: string): Promise<Staff> {
  const email = `${role}-${unique()}@praha.eu`;
  const res = await t.http
    .post(`${API}/users`)
    .auth(admin ?? (await adminToken(t)), { type: 'bearer' })
    .send({ email, password: PASSWORD, fullName: `Test ${role}`, role });
  if (res.status !== 201) throw new Error(`create ${role}: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: await login(t, email), id: res.body.id, email };
}

export interface Cast {
  applicant: Applicant;
  officer: Staff;
  commission: Staff;
  budget: Staff;
  admin: Staff;
}

/** One user of every role. */
export async function createCast(t: TestApp): Promise<Cast> {
  const adminTok = await adminToken(t);
  const [applicant, officer, commission, budget, admin] = await Promise.all([
    registerApplicant(t),
    createStaff(t, 'officer', adminTok),
    createStaff(t, 'commission', adminTok),
    createStaff(t, 'budget', adminTok),
    createStaff(t, 'admin', adminTok),
  ]);
  return { applicant, officer, commission, budget, admin };
}

export async function createProgramme(t: TestApp, officer: string, appropriationCzk = 4_000_000, year?: number) {
  const res = await t.http
    .post(`${API}/programmes`)
    .auth(officer, { type: 'bearer' })
    .send({ code: `T${unique().toUpperCase().replace(/[^A-Z0-9]/g, '').slice(-12)}`, name: 'Integrace cizinců', year: year ?? pragueYear(t.clock.now()), appropriationCzk });
  if (res.status !== 201) throw new Error(`programme: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; code: string; year: number; appropriationCzk: number };
}

const DAY = 86_400_000;

/** A draft call whose window opens 31 days after the clock's today and stays open 30 days. */
export function callBody(t: TestApp, programmeId: string, overrides: Record<string, unknown> = {}) {
  const now = t.clock.now();
  return {
    programmeId,
    title: 'Podpora aktivit integrace cizinců',
    announcedOn: pragueDate(now),
    submissionOpensAt: new Date(now.getTime() + 31 * DAY).toISOString(),
    submissionClosesAt: new Date(now.getTime() + 61 * DAY).toISOString(),
    decisionDueOn: pragueDate(new Date(now.getTime() + 120 * DAY)),
    settlementDueOn: pragueDate(new Date(now.getTime() + 400 * DAY)),
    eligibleApplicantKinds: ['ngo', 'district'],
    eligibleMeasureCodes: ['33.I', '34.I', '21.III', '22.I'],
    maxApplicationsPerOrganisation: 2,
    minScore: 50,
    quorum: 3,
    maxRequestShareOfCostsPct: 70,
    parts: [
      { code: '1', name: 'Aktivity', allocationCzk: 3_000_000, minRequestCzk: 50_000, maxRequestCzk: 500_000 },
      { code: '2', name: 'Publikační činnost', allocationCzk: 1_000_000, minRequestCzk: 20_000, maxRequestCzk: 200_000 },
    ],
    criteria: [
      { code: 'K1', name: 'Soulad s politikou', maxPoints: 30 },
      { code: 'K2', name: 'Potřebnost', maxPoints: 20 },
      { code: 'K3', name: 'Rozpočet', maxPoints: 20 },
      { code: 'K4', name: 'Zkušenosti', maxPoints: 15 },
      { code: 'K5', name: 'Udržitelnost', maxPoints: 15 },
    ],
    ...overrides,
  };
}

export interface OpenCall {
  callId: string;
  programmeId: string;
  programmeCode: string;
  year: number;
}

/** Creates and announces a call, then moves the clock one day into its window. */
export async function openCall(t: TestApp, officer: string, overrides: Record<string, unknown> = {}): Promise<OpenCall> {
  const windowOpens = new Date(t.clock.now().getTime() + 31 * DAY);
  const programme = await createProgramme(t, officer, 4_000_000, pragueYear(windowOpens));
  const created = await t.http.post(`${API}/calls`).auth(officer, { type: 'bearer' }).send(callBody(t, programme.id, overrides));
  if (created.status !== 201) throw new Error(`call: ${created.status} ${JSON.stringify(created.body)}`);
  const announced = await t.http.post(`${API}/calls/${created.body.id}/announce`).auth(officer, { type: 'bearer' });
  if (announced.status !== 200) throw new Error(`announce: ${announced.status} ${JSON.stringify(announced.body)}`);
  t.clock.set(new Date(new Date(created.body.submissionOpensAt).getTime() + DAY));
  return { callId: created.body.id, programmeId: programme.id, programmeCode: programme.code, year: programme.year };
}

export function applicationBody(call: Pick<OpenCall, 'callId' | 'year'>, overrides: Record<string, unknown> = {}) {
  return {
    callId: call.callId,
    partCode: '1',
    title: 'Čeština pro rodiče dětí cizinců',
    summary: 'Kurzy češtiny a doprovodné aktivity pro rodiče.',
    justification: 'Rodiče dětí cizinců potřebují jazykovou podporu pro komunikaci se školou.',
    primaryMeasureCode: '33.I',
    measureCodes: ['33.I', '21.III'],
    targetGroups: ['rodiče dětí cizinců'],
    districts: ['Praha 3', 'Praha 14'],
    startDate: `${call.year}-03-01`,
    endDate: `${call.year}-12-15`,
    budgetLines: [
      { category: 'Osobní náklady', description: 'Lektorka češtiny', totalCzk: 200_000, requestedCzk: 140_000 },
      { category: 'Materiál', description: 'Učebnice', totalCzk: 50_000, requestedCzk: 35_000 },
    ],
    otherFundingCzk: 20_000,
    contactPerson: { name: 'Jana Nováková', email: 'jana@example.cz', phone: '+420 601 234 567' },
    ...overrides,
  };
}

export async function createDraft(t: TestApp, applicant: string, call: Pick<OpenCall, 'callId' | 'year'>, overrides: Record<string, unknown> = {}) {
  const res = await t.http.post(`${API}/applications`).auth(applicant, { type: 'bearer' }).send(applicationBody(call, overrides));
  if (res.status !== 201) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; requestedCzk: number; totalCostCzk: number; status: string };
}
