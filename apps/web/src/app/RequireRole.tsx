import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession, type Role } from '../auth/session';
import { Loading, usePageTitle } from '../components/Display';

/** A staff or applicant area: sign in first (then come back here), and only for its roles. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(user.role)) return <Forbidden role={roles[0]} />;
  return <>{children}</>;
}

function Forbidden({ role }: { role: Role }) {
  const { t } = useTranslation();
  usePageTitle(t('common:forbidden.title'));
  return (
    <section>
      <h1>{t('common:forbidden.title')}</h1>
      <p>{t('common:forbidden.text', { role: t(`common:roles.${role}`) })}</p>
    </section>
  );
}
