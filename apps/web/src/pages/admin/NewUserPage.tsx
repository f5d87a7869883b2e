import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { Loading, usePageTitle } from '../../components/Display';
import { SelectField, TextField } from '../../components/Field';
import { ProblemSummary, useProblem } from '../../components/ProblemSummary';
import { renameProblemFields } from '../../lib/admin-users';
import { AffiliationsEditor } from './AffiliationsEditor';
import { ADMIN_HOME, STAFF_ROLES, type StaffRole } from './common';

type NewStaffUser = components['schemas']['NewStaffUserRequest'];
type User = components['schemas']['UserResponse'];

/** The API reports a taken e-mail under the registration form's path; here the field is `email`. */
const FIELD_NAMES = { 'user.email': 'email', 'user.password': 'password', 'user.fullName': 'fullName' };

/** A new staff account (officer, commission member, budget, administrator); then, for it, the organisations it belongs to. */
export function NewUserPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('newUser.title'));
  const queryClient = useQueryClient();
  const [form, setForm] = useState<NewStaffUser>({ email: '', fullName: '', role: 'commission', password: '' });
  const [created, setCreated] = useState<User | null>(null);
  // The form gives way to the confirmation: the focus goes to it, so it is read out and the keyboard continues from there.
  const createdRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);
  const mutation = useMutation({
    mutationFn: (body: NewStaffUser) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: async (user) => {
      setCreated(user);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const error = renameProblemFields(mutation.error, FIELD_NAMES);
  const { byField } = useProblem(error);
  const labels = { email: t('newUser.email'), fullName: t('newUser.fullName'), role: t('newUser.role'), password: t('newUser.password') };
  const set = <K extends keyof NewStaffUser>(key: K, value: NewStaffUser[K]) => setForm((current) => ({ ...current, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate({ ...form, email: form.email.trim(), fullName: form.fullName.trim() });
  }

  if (created) {
    return (
      <>
        <h1>{t('newUser.title')}</h1>
        <div ref={createdRef} tabIndex={-1} className="admin-created" data-testid="user-created">
          <GovMessage color="success" type="subtle">
            <p>{t('newUser.created', { name: created.fullName, email: created.email, role: t(`common:roles.${created.role}`) })}</p>
          </GovMessage>
        </div>
        <AffiliationsEditor user={created} initial={[]} />
        <div className="actions">
          <GovButton asChild type="outlined" color="primary">
            <Link to={`${ADMIN_HOME}?role=${created.role}`}>{t('newUser.toList')}</Link>
          </GovButton>
          <GovButton
            type="outlined"
            color="neutral"
            onClick={() => {
              setCreated(null);
              setForm({ email: '', fullName: '', role: form.role, password: '' });
              mutation.reset();
            }}
          >
            {t('newUser.another')}
          </GovButton>
        </div>
      </>
    );
  }

  return (
    <>
      <p>
        <Link to={ADMIN_HOME}>{t('newUser.back')}</Link>
      </p>
      <h1>{t('newUser.title')}</h1>
      <p>{t('newUser.intro')}</p>
      <form noValidate onSubmit={submit} className="narrow" data-testid="new-user-form">
        <ProblemSummary error={error} labels={labels} />
        <TextField name="email" type="email" autoComplete="off" label={labels.email} required value={form.email} onChange={(e) => set('email', e.target.value)} errors={byField.get('email')} />
        <TextField name="fullName" autoComplete="off" label={labels.fullName} required value={form.fullName} onChange={(e) => set('fullName', e.target.value)} errors={byField.get('fullName')} />
        <SelectField name="role" label={labels.role} required value={form.role} onChange={(e) => set('role', e.target.value as StaffRole)} errors={byField.get('role')}>
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`common:roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="password"
          type="password"
          autoComplete="new-password"
          label={labels.password}
          required
          hint={t('newUser.passwordHint')}
          value={form.password}
          onChange={(e) => set('password', e.target.value)}
          errors={byField.get('password')}
          showPasswordLabel={t('common:login.showPassword')}
          hidePasswordLabel={t('common:login.hidePassword')}
        />
        <div className="actions">
          <GovButton nativeType="submit" type="solid" color="primary" aria-disabled={mutation.isPending} disabled={mutation.isPending}>
            {t('newUser.submit')}
          </GovButton>
          {mutation.isPending && <Loading label={t('newUser.creating')} />}
        </div>
      </form>
    </>
  );
}
