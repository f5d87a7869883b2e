import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { homeOf, useSession } from '../../auth/session';
import { usePageTitle } from '../../components/Display';
import { TextField } from '../../components/Field';
import { ProblemSummary } from '../../components/ProblemSummary';
import { ApiError } from '../../lib/problem';

/** Sign-in for every role; afterwards back to the page that asked for it, or the role's home. */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('common:login.title'));
  const { user, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : null;

  if (user && !busy) return <Navigate to={safeNext ?? homeOf(user.role)} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await login(email.trim(), password);
      await navigate(safeNext ?? homeOf(signedIn.role), { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="narrow">
      <h1>{t('common:login.title')}</h1>
      {error instanceof ApiError && error.status === 401 ? (
        <div role="alert">
          <GovMessage color="error" type="subtle">{t('common:login.failed')}</GovMessage>
        </div>
      ) : (
        <ProblemSummary error={error} />
      )}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField name="email" type="email" autoComplete="username" label={t('common:login.email')} required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          name="password"
          type="password"
          autoComplete="current-password"
          label={t('common:login.password')}
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          showPasswordLabel={t('common:login.showPassword')}
          hidePasswordLabel={t('common:login.hidePassword')}
        />
        <div className="actions">
          <GovButton nativeType="submit" type="solid" color="primary" loading={busy ? 'true' : undefined} disabled={busy}>
            {t('common:login.submit')}
          </GovButton>
        </div>
      </form>
      <p>
        {t('common:login.noAccount')} <Link to="/register">{t('common:nav.register')}</Link>
      </p>
      <p>
        {t('common:login.haveResetCode')} <Link to="/password-reset">{t('common:login.resetLink')}</Link>
      </p>
    </section>
  );
}
