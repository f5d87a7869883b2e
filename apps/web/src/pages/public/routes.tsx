import type { RouteObject } from 'react-router';

/** Public pages: open and upcoming calls, a call's detail, the city's policy, registration of an organisation. */
export const publicRoutes: RouteObject[] = [];
