import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';

export type Call = components['schemas']['CallResponse'];
export type Application = components['schemas']['ApplicationResponse'];
export type ApplicationSummary = components['schemas']['ApplicationSummaryResponse'];
export type Ranking = components['schemas']['RankingResponse'];
export type RankingItem = components['schemas']['RankingItemResponse'];
export type Scores = components['schemas']['ScoresResponse'];

/** A call with its parts, criteria and window (public; shared by every evaluation screen). */
export function useCall(id: string | undefined) {
  return useQuery({
    queryKey: ['calls', id],
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: ['applications', id],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** One part of a call's ranking, as the API shows it to the caller (a member sees rows they have not scored as hidden). */
export function useRanking(callId: string | undefined, partCode: string | undefined) {
  return useQuery({
    queryKey: ['calls', callId, 'ranking', partCode],
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}/ranking', { params: { path: { id: callId! }, query: { partCode } } })),
    enabled: Boolean(callId && partCode),
  });
}

/** The policy's measures, for their names next to the codes an application names. */
export function useMeasureNames() {
  return useQuery({
    queryKey: ['policy', 'measures'],
    queryFn: () => unwrap(api.GET('/api/v1/policy/measures')),
    staleTime: Infinity,
    select: (catalogue) => new Map(catalogue.measures.map((m) => [m.code, m.text])),
  });
}

export type MyEvaluation = components['schemas']['OwnEvaluationResponse'];

/** Where the signed-in member stands on one application: their declaration and sheet, nothing of the others. */
export function useMyEvaluation(id: string | undefined) {
  return useQuery({
    queryKey: ['applications', id, 'my-evaluation'],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/my-evaluation', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** Every member's sheet: asked for only once the API has said the member may read them (never before their own sheet is in). */
export function usePeerScores(id: string | undefined, mayRead: boolean) {
  return useQuery({
    queryKey: ['applications', id, 'scores'],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/scores', { params: { path: { id: id! } } })),
    enabled: Boolean(id) && mayRead,
  });
}

/** Where each member's sheet stands (no points): asked for only by the chair, who may reopen a submitted one. */
export function useSheetStates(id: string | undefined, isChair: boolean) {
  return useQuery({
    queryKey: ['applications', id, 'score-sheets'],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/score-sheets', { params: { path: { id: id! } } })),
    enabled: Boolean(id) && isChair,
  });
}
