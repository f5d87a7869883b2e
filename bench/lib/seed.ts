import { pragueYear } from '@app/core/time/prague-time';
import { applicantEmail, applicationBody, callBody, programmeBody, registrationBody } from './bodies';
import { expectStatus, type JsonClient } from './http-client';
import { mapConcurrently } from './pool';

export const API = '/api/v1';

export interface Credentials {
  email: string;
  password: string;
}

export interface SeededCall {
  callId: string;
  programmeCode: string;
  year: number;
}

export interface Applicant {
  organisationId: string;
  token: string;
}

export interface Draft {
  id: string;
  /** The access token of a user of the draft's organisation. */
  token: string;
}

export async function login(client: JsonClient, who: Credentials): Promise<string> {
  const res = await client.request<{ accessToken: string }>('POST', `${API}/auth/login`, {
    body: { email: who.email, password: who.password },
  });
  return expectStatus(`login ${who.email}`, res, 200).accessToken;
}

/** The admin creates the officer who runs the call. */
export async function createOfficer(client: JsonClient, adminToken: string, password: string): Promise<string> {
  const officer = { email: 'bench-officer@praha.example.cz', password, fullName: 'Benchmark Officer', role: 'officer' };
  expectStatus('create officer', await client.request('POST', `${API}/users`, { token: adminToken, body: officer }), 201);
  return login(client, officer);
}

/** What another benchmark changes in the programme and the call (bodies.ts has the defaults). */
export interface CallOverrides {
  programme?: Partial<ReturnType<typeof programmeBody>>;
  call?: Partial<ReturnType<typeof callBody>> & { rankingMethod?: 'average' | 'normalised' };
}

/** Programme, call and announcement through the API, with the window as far ahead as the 30-day rule demands. */
export async function createAnnouncedCall(
  client: JsonClient,
  officerToken: string,
  maxPerOrganisation: number,
  overrides: CallOverrides = {},
): Promise<SeededCall> {
  const now = new Date();
  const year = pragueYear(now);
  const programme = expectStatus(
    'create programme',
    await client.request<{ id: string; code: string }>('POST', `${API}/programmes`, {
      token: officerToken,
      body: { ...programmeBody(year), ...overrides.programme },
    }),
    201,
  );
  const call = expectStatus(
    'create call',
    await client.request<{ id: string }>('POST', `${API}/calls`, {
      token: officerToken,
      body: { ...callBody(programme.id, now, maxPerOrganisation), ...overrides.call },
    }),
    201,
  );
  expectStatus('announce call', await client.request('POST', `${API}/calls/${call.id}/announce`, { token: officerToken }), 200);
  return { callId: call.id, programmeCode: programme.code, year };
}

/** Each organisation registers with one applicant user, who logs in once. */
export function registerApplicants(client: JsonClient, count: number, concurrency: number, password: string): Promise<Applicant[]> {
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  return mapConcurrently(numbers, concurrency, async (n) => {
    const res = await client.request<{ organisationId: string }>('POST', `${API}/auth/register`, { body: registrationBody(n, password) });
    const { organisationId } = expectStatus(`register organisation ${n}`, res, 201);
    return { organisationId, token: await login(client, { email: applicantEmail(n), password }) };
  });
}

/**
 * Drafts in rounds (every organisation's first, then every second…), so that
 * submitting them in this order spreads concurrent requests over organisations.
 */
export function createDrafts(
  client: JsonClient,
  call: SeededCall,
  applicants: readonly Applicant[],
  perOrganisation: number,
  concurrency: number,
  /** The body of draft n (1-based); bodies.ts's applicationBody by default. */
  bodyOf: (n: number) => unknown = (n) => applicationBody(call.callId, call.year, n),
): Promise<Draft[]> {
  const slots = Array.from({ length: perOrganisation * applicants.length }, (_, n) => applicants[n % applicants.length]);
  return mapConcurrently(slots, concurrency, async (applicant, n) => {
    const res = await client.request<{ id: string; status: string }>('POST', `${API}/applications`, {
      token: applicant.token,
      body: bodyOf(n + 1),
    });
    const draft = expectStatus(`create draft ${n + 1}`, res, 201);
    if (draft.status !== 'draft') throw new Error(`draft ${n + 1} was created in status ${draft.status}`);
    return { id: draft.id, token: applicant.token };
  });
}
