import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { ApiError } from '../../../lib/problem';

/** GET /applications/:id: the application with its status history, formal checks, contract and settlement. */
export type Application = components['schemas']['ApplicationResponse'];
export type Letter = components['schemas']['LetterResponse'];
export type Call = components['schemas']['CallResponse'];

/** How often the letters are asked for again while one is still being prepared by the worker. */
const LETTER_POLL_MS = 3_000;

export const applicationKey = (id: string) => ['applications', id] as const;

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })),
  });
}

/** The call's public description (title, parts, settlement deadline). */
export function useCall(callId: string | undefined) {
  return useQuery({
    queryKey: ['calls', callId],
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id: callId! } } })),
    enabled: !!callId,
    staleTime: 5 * 60_000,
  });
}

/** The application's letters; asked again every few seconds while one is queued, until the worker has rendered it. */
export function useLetters(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...applicationKey(id), 'letters'],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/letters', { params: { path: { id } } })),
    enabled,
    refetchInterval: (query) => (query.state.data?.some((letter) => letter.status === 'queued') ? LETTER_POLL_MS : false),
  });
}

/** Every money movement of the application (a draft has none: the API does not show it). */
export function useLedger(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...applicationKey(id), 'ledger'],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/ledger', { params: { path: { id } } })),
    enabled,
  });
}

/** The policy's measures, to name the codes an application serves. */
export function usePolicyMeasures() {
  return useQuery({
    queryKey: ['policy', 'measures'],
    queryFn: () => unwrap(api.GET('/api/v1/policy/measures')),
    staleTime: Infinity,
  });
}

/** The API answers 404 for another organisation's application, and 400 for an id that cannot be one: both are "not found" here. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.problem.code === 'VALIDATION_FAILED'));
}
