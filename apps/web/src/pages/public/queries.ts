import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** One announced call with its parts, criteria and window (no sign-in needed). */
export const callQuery = (id: string) =>
  queryOptions({
    queryKey: ['calls', id],
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })),
  });

/** The city's integration policy: changes only with a new policy, so read once per visit. */
export const policyQuery = queryOptions({
  queryKey: ['policy', 'measures'],
  queryFn: () => unwrap(api.GET('/api/v1/policy/measures')),
  staleTime: Infinity,
  gcTime: Infinity,
});
