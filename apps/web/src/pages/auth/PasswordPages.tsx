import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { RequireRole } from '../../app/RequireRole';
import { homeOf, useSession } from '../../auth/session';
import { Loading, usePageTitle } from '../../components/Display';
import { TextField } from '../../components/Field';
import { ProblemSummary, useProblem } from '../../components/ProblemSummary';

const EVERY_ROLE = ['applicant', 'officer', 'commission', 'budget', 'admin'] as const;

/** Focus on the confirmation once it appears, so it is read out and the keyboard continues from there. */
function useFocusWhen(shown: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  return ref;
}

/** Every signed-in user: a new password with the current one. The API signs out every other session and renews this one's cookie. */
export function ChangePasswordPage() {
  return (
    <RequireRole roles={EVERY_ROLE}>
      <ChangePasswordForm />
    </RequireRole>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  usePageTitle(t('common:account.changeTitle'));
  const { user } = useSession();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const mutation = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => unwrap(api.PUT('/api/v1/me/password', { body })),
  });
  const doneRef = useFocusWhen(mutation.isSuccess);
  const { byField } = useProblem(mutation.error);
  const labels = { currentPassword: t('common:account.currentPassword'), newPassword: t('common:account.newPassword') };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate({ currentPassword, newPassword });
  }

  if (mutation.isSuccess) {
    return (
      <section className="narrow">
        <h1>{t('common:account.changeTitle')}</h1>
        <div ref={doneRef} tabIndex={-1} data-testid="password-changed">
          <GovMessage color="success" type="subtle">
            <p>{t('common:account.changed')}</p>
          </GovMessage>
        </div>
        {user && (
          <p>
            <Link to={homeOf(user.role)}>{t('common:account.back')}</Link>
          </p>
        )}
      </section>
    );
  }

  return (
    <section className="narrow">
      <h1>{t('common:account.changeTitle')}</h1>
      <p>{t('common:account.changeIntro')}</p>
      <form noValidate onSubmit={submit} data-testid="change-password-form">
        <ProblemSummary error={mutation.error} labels={labels} />
        <TextField
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={labels.currentPassword}
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          errors={byField.get('currentPassword')}
          showPasswordLabel={t('common:login.showPassword')}
          hidePasswordLabel={t('common:login.hidePassword')}
        />
        <TextField
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={labels.newPassword}
          required
          hint={t('common:account.newPasswordHint')}
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          errors={byField.get('newPassword')}
          showPasswordLabel={t('common:login.showPassword')}
          hidePasswordLabel={t('common:login.hidePassword')}
        />
        <div className="actions">
          <GovButton nativeType="submit" type="solid" color="primary" aria-disabled={mutation.isPending} disabled={mutation.isPending}>
            {t('common:account.changeSubmit')}
          </GovButton>
          {mutation.isPending && <Loading />}
        </div>
      </form>
    </section>
  );
}

/** Anyone with the one-time code an administrator gave them (`?token=` pre-fills it): a new password, then sign in. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('common:account.resetTitle'));
  const [params] = useSearchParams();
  const [token, setToken] = useState(params.get('token') ?? '');
  const [newPassword, setNewPassword] = useState('');
  const mutation = useMutation({
    mutationFn: (body: { token: string; newPassword: string }) => unwrap(api.POST('/api/v1/auth/password-reset', { body })),
  });
  const doneRef = useFocusWhen(mutation.isSuccess);
  const { byField } = useProblem(mutation.error);
  const labels = { token: t('common:account.resetCode'), newPassword: t('common:account.newPassword') };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate({ token: token.trim(), newPassword });
  }

  if (mutation.isSuccess) {
    return (
      <section className="narrow">
        <h1>{t('common:account.resetTitle')}</h1>
        <div ref={doneRef} tabIndex={-1} data-testid="password-reset-done">
          <GovMessage color="success" type="subtle">
            <p>{t('common:account.resetDone')}</p>
          </GovMessage>
        </div>
        <p>
          <Link to="/login">{t('common:nav.login')}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="narrow">
      <h1>{t('common:account.resetTitle')}</h1>
      <p>{t('common:account.resetIntro')}</p>
      <form noValidate onSubmit={submit} data-testid="reset-password-form">
        <ProblemSummary error={mutation.error} labels={labels} />
        <TextField name="token" autoComplete="off" label={labels.token} required value={token} onChange={(e) => setToken(e.target.value)} errors={byField.get('token')} />
        <TextField
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={labels.newPassword}
          required
          hint={t('common:account.newPasswordHint')}
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          errors={byField.get('newPassword')}
          showPasswordLabel={t('common:login.showPassword')}
          hidePasswordLabel={t('common:login.hidePassword')}
        />
        <div className="actions">
          <GovButton nativeType="submit" type="solid" color="primary" aria-disabled={mutation.isPending} disabled={mutation.isPending}>
            {t('common:account.resetSubmit')}
          </GovButton>
          {mutation.isPending && <Loading />}
        </div>
      </form>
    </section>
  );
}
