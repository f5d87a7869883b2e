import type { TestApp } from './test-app';
import type { Cast } from './factories';
import { API } from './http';
import { closeEvaluation, declareAndScore, expectOk, fundingProposal, setUpEvaluation, type EvaluationOptions, type EvaluationSetup } from './evaluation';
import { pragueDate } from '@app/core/time/prague-time';

/**
 * Set-up and calls for the money stage: a call whose evaluation is closed,
 * with every application recommended and proposed its request (or what fits),
 * then decisions, contracts, payments, settlements and returns over HTTP.
 */

/** `count` applications scored 80 of 100 by 3 members, funding proposed, evaluation closed: all `recommended`. */
export async function recommendedApplications(t: TestApp, cast: Cast, options: EvaluationOptions = {}): Promise<EvaluationSetup> {
  const setup = await setUpEvaluation(t, cast.officer.token, options);
  for (const a of setup.applications) {
    for (const m of setup.members) await declareAndScore(t, m.token, a.id, setup.terms.criteria, 80);
  }
  await expectOk(fundingProposal(t, cast.officer.token, setup.call.callId), 'funding proposal');
  await expectOk(closeEvaluation(t, cast.officer.token, setup.call.callId), 'close evaluation');
  return setup;
}

export const today = (t: TestApp): string => pragueDate(t.clock.now());

export function decide(t: TestApp, officer: string, id: string, body: Record<string, unknown>) {
  return t.http.post(`${API}/applications/${id}/decision`).auth(officer, { type: 'bearer' }).send(body);
}

export function approve(t: TestApp, officer: string, id: string, extra: Record<string, unknown> = {}) {
  return decide(t, officer, id, { outcome: 'approved', body: 'council', resolutionNumber: `R-${id.slice(0, 8)}`, resolutionDate: today(t), ...extra });
}

export function signContract(t: TestApp, officer: string, id: string, extra: Record<string, unknown> = {}) {
  return t.http
    .post(`${API}/applications/${id}/contract`)
    .auth(officer, { type: 'bearer' })
    .send({ contractNumber: `SML-${id}`, signedOn: today(t), bankAccount: '19-2000145399/0800', ...extra });
}

export function pay(t: TestApp, budget: string, id: string, amountCzk: number, extra: Record<string, unknown> = {}) {
  return t.http
    .post(`${API}/applications/${id}/payments`)
    .auth(budget, { type: 'bearer' })
    .send({ amountCzk, paidOn: today(t), paymentReference: `VS-${amountCzk}`, ...extra });
}

export function submitSettlement(t: TestApp, applicant: string, id: string, body: Record<string, unknown>) {
  return t.http.post(`${API}/applications/${id}/settlement`).auth(applicant, { type: 'bearer' }).send(body);
}

export function reviewSettlement(t: TestApp, officer: string, id: string, acceptedCzk: number, note = '') {
  return t.http.post(`${API}/applications/${id}/settlement/review`).auth(officer, { type: 'bearer' }).send({ acceptedCzk, note });
}

export function recordReturn(t: TestApp, budget: string, id: string, amountCzk: number, receivedOn: string) {
  return t.http
    .post(`${API}/applications/${id}/returns`)
    .auth(budget, { type: 'bearer' })
    .send({ amountCzk, receivedOn, reference: `return ${amountCzk} ${receivedOn}` });
}

export function ledgerOf(t: TestApp, token: string, id: string) {
  return t.http.get(`${API}/applications/${id}/ledger`).auth(token, { type: 'bearer' });
}

export function budgetOf(t: TestApp, token: string, callId: string) {
  return t.http.get(`${API}/calls/${callId}/budget`).auth(token, { type: 'bearer' });
}

export function ledgerCheck(t: TestApp, token: string) {
  return t.http.get(`${API}/ledger/check`).auth(token, { type: 'bearer' });
}
