import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from '../pages/auth/LoginPage';
import { ChangePasswordPage, ResetPasswordPage } from '../pages/auth/PasswordPages';
import { NotFoundPage } from '../pages/NotFoundPage';
import { publicRoutes } from '../pages/public/routes';
import { Layout } from './Layout';

/**
 * Public pages (calls, policy, registration) and sign-in are in the first download; each role's area is a chunk of
 * its own, loaded when first opened (applicants never download the staff screens).
 * Areas route inside themselves (`<Routes>` in their `routes.tsx`).
 */
const area = (path: string, load: () => Promise<{ default: React.ComponentType }>): RouteObject => ({
  path: `${path}/*`,
  lazy: async () => ({ Component: (await load()).default }),
});

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      ...publicRoutes,
      { path: 'login', element: <LoginPage /> },
      { path: 'password-reset', element: <ResetPasswordPage /> },
      { path: 'account/password', element: <ChangePasswordPage /> },
      area('applicant', () => import('../pages/applicant/routes')),
      area('commission', () => import('../pages/commission/routes')),
      area('officer', () => import('../pages/officer/routes')),
      area('budget', () => import('../pages/budget/routes')),
      area('administration', () => import('../pages/admin/routes')),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
