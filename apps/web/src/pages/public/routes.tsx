import type { RouteObject } from 'react-router';
import { CallsPage } from './CallsPage';

/**
 * Public pages: open and upcoming calls, a call's detail, the city's policy, registration of an organisation.
 * The landing page is in the first download; the others come with their route (`lazy`).
 */
export const publicRoutes: RouteObject[] = [
  { index: true, element: <CallsPage /> },
  { path: 'calls/:id', lazy: async () => ({ Component: (await import('./CallPage')).CallPage }) },
  { path: 'policy', lazy: async () => ({ Component: (await import('./PolicyPage')).PolicyPage }) },
  { path: 'register', lazy: async () => ({ Component: (await import('./RegisterPage')).RegisterPage }) },
];
