import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Loading, QueryError, usePageTitle } from '../../components/Display';
import { ProblemSummary } from '../../components/ProblemSummary';
import { SelectField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { AffiliationsEditor } from './AffiliationsEditor';
import { ADMIN_HOME, ROLES, type Role } from './common';

type DirectoryUser = components['schemas']['DirectoryUserResponse'];
type ResetIssued = components['schemas']['PasswordResetIssuedResponse'];

/** What the last account action did, shown above the list (a reset's code only here, once). */
type Notice = { kind: 'disabled' | 'enabled'; user: DirectoryUser } | { kind: 'reset'; user: DirectoryUser; issued: ResetIssued };

const PAGE_SIZE = 25;

/** Every user account (paged by the API, filtered by role), and a staff user's organisations. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('users.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const roleParam = params.get('role') ?? '';
  const role = (ROLES as readonly string[]).includes(roleParam) ? (roleParam as Role) : undefined;
  const editing = params.get('affiliations');
  const users = useQuery({
    queryKey: ['users', { role, page, pageSize: PAGE_SIZE }],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { role, page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const setQuery = (next: { role?: string; page?: number; affiliations?: string | null }) => {
    const query: Record<string, string> = {};
    const nextRole = next.role ?? roleParam;
    if (nextRole) query.role = nextRole;
    const nextPage = next.page ?? page;
    if (nextPage > 1) query.page = String(nextPage);
    const nextEditing = next.affiliations === undefined ? editing : next.affiliations;
    if (nextEditing) query.affiliations = nextEditing;
    setParams(query, { replace: true });
  };
  const edited = users.data?.items.find((user) => user.id === editing);
  const account = useAccountActions();

  return (
    <>
      <h1>{t('users.title')}</h1>
      <p>{t('users.intro')}</p>
      <div className="actions">
        <GovButton asChild type="solid" color="primary">
          <Link to={`${ADMIN_HOME}/users/new`}>{t('users.new')}</Link>
        </GovButton>
      </div>
      <AccountNotice notice={account.notice} error={account.error} />
      <div className="admin-filter">
        <SelectField name="role" label={t('users.filterRole')} value={role ?? ''} onChange={(event) => setQuery({ role: event.target.value, page: 1, affiliations: null })}>
          <option value="">{t('users.allRoles')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`common:roles.${r}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <p>{t('users.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data" data-testid="users">
              <caption>{t('users.caption', { count: users.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.col.name')}</th>
                  <th scope="col">{t('users.col.email')}</th>
                  <th scope="col">{t('users.col.role')}</th>
                  <th scope="col">{t('users.col.affiliations')}</th>
                  <th scope="col">{t('users.col.status')}</th>
                  <th scope="col">{t('users.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((user) => (
                  <UserRow key={user.id} user={user} editing={user.id === editing} onEdit={() => setQuery({ affiliations: user.id })} actions={account} />
                ))}
              </tbody>
            </table>
          </div>
          {users.data.total > PAGE_SIZE && (
            <Pager page={page} pageSize={PAGE_SIZE} total={users.data.total} onPage={(next) => setQuery({ page: next, affiliations: null })} />
          )}
        </>
      )}
      {editing && users.isSuccess && !edited && (
        <GovMessage color="warning" type="subtle">
          <p>{t('users.editedNotOnPage')}</p>
        </GovMessage>
      )}
      {edited && <EditPanel key={edited.id} user={edited} onClose={() => setQuery({ affiliations: null })} />}
      <ConfirmDialog
        open={account.confirming !== null}
        title={t('account.confirmDisableTitle', { name: account.confirming?.fullName ?? '' })}
        confirmLabel={t('account.disable')}
        busy={account.busy}
        onConfirm={() => account.confirming && account.disable(account.confirming)}
        onCancel={() => account.setConfirming(null)}
      >
        <p>{t('account.confirmDisableText')}</p>
      </ConfirmDialog>
    </>
  );
}

type AccountActions = ReturnType<typeof useAccountActions>;

/** Disable (after a confirmation), enable, and issue a password reset; the list is reloaded after each. */
function useAccountActions() {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState<DirectoryUser | null>(null);
  const done = async (next: Notice) => {
    setNotice(next);
    setConfirming(null);
    await queryClient.invalidateQueries({ queryKey: ['users'] });
  };
  const disable = useMutation({
    mutationFn: (user: DirectoryUser) => unwrap(api.POST('/api/v1/users/{id}/disable', { params: { path: { id: user.id } }, body: {} })),
    onSuccess: (user) => done({ kind: 'disabled', user }),
  });
  const enable = useMutation({
    mutationFn: (user: DirectoryUser) => unwrap(api.POST('/api/v1/users/{id}/enable', { params: { path: { id: user.id } } })),
    onSuccess: (user) => done({ kind: 'enabled', user }),
  });
  const reset = useMutation({
    mutationFn: async (user: DirectoryUser) => ({ user, issued: await unwrap(api.POST('/api/v1/users/{id}/password-reset', { params: { path: { id: user.id } } })) }),
    onSuccess: ({ user, issued }) => done({ kind: 'reset', user, issued }),
  });
  const start = () => {
    setNotice(null);
    for (const mutation of [disable, enable, reset]) mutation.reset();
  };
  return {
    notice,
    error: disable.error ?? enable.error ?? reset.error,
    busy: disable.isPending || enable.isPending || reset.isPending,
    confirming,
    setConfirming: (user: DirectoryUser | null) => {
      if (user) start();
      setConfirming(user);
    },
    disable: (user: DirectoryUser) => disable.mutate(user),
    enable: (user: DirectoryUser) => {
      start();
      enable.mutate(user);
    },
    reset: (user: DirectoryUser) => {
      start();
      reset.mutate(user);
    },
  };
}

/** The outcome of the last account action; it takes the focus so it is read out (a reset's code is shown only here). */
function AccountNotice({ notice, error }: { notice: Notice | null; error: unknown }) {
  const { t, i18n } = useTranslation('admin');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  if (error) return <ProblemSummary error={error} />;
  if (!notice) return null;
  return (
    <div ref={ref} tabIndex={-1} className="admin-created" data-testid="account-notice">
      <GovMessage color="success" type="subtle">
        {notice.kind === 'reset' ? (
          <>
            <p>{t('account.resetIssued', { name: notice.user.fullName, email: notice.user.email })}</p>
            <p>
              <code data-testid="reset-token">{notice.issued.token}</code>
            </p>
            <p>{t('account.resetExpires', { at: new Date(notice.issued.expiresAt).toLocaleString(i18n.language) })}</p>
          </>
        ) : (
          <p>{t(notice.kind === 'disabled' ? 'account.disabledDone' : 'account.enabledDone', { name: notice.user.fullName })}</p>
        )}
      </GovMessage>
    </div>
  );
}

function UserRow({ user, editing, onEdit, actions }: { user: DirectoryUser; editing: boolean; onEdit: () => void; actions: AccountActions }) {
  const { t } = useTranslation('admin');
  const { user: me } = useSession();
  const staff = user.role !== 'applicant';
  const self = me?.id === user.id;
  return (
    <tr data-user={user.email} aria-current={editing ? 'true' : undefined}>
      <th scope="row">{user.fullName}</th>
      <td>{user.email}</td>
      <td>{t(`common:roles.${user.role}`)}</td>
      <td data-testid="affiliations">
        {!staff ? (
          <span className="muted">{t('users.ownOrganisation')}</span>
        ) : user.affiliations.length === 0 ? (
          <span className="muted">{t('users.noAffiliations')}</span>
        ) : (
          <ul className="admin-ids">
            {user.affiliations.map((id) => (
              <li key={id}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td data-testid="status">{user.disabled ? t('account.statusDisabled') : t('account.statusActive')}</td>
      <td>
        <div className="admin-actions">
          {staff && (
            <GovButton type="base" color="primary" size="s" aria-label={t('users.editAffiliationsOf', { name: user.fullName })} onClick={onEdit}>
              {t('users.editAffiliations')}
            </GovButton>
          )}
          {!self &&
            (user.disabled ? (
              <GovButton type="base" color="primary" size="s" aria-label={t('account.enableOf', { name: user.fullName })} disabled={actions.busy} onClick={() => actions.enable(user)}>
                {t('account.enable')}
              </GovButton>
            ) : (
              <GovButton type="base" color="error" size="s" aria-label={t('account.disableOf', { name: user.fullName })} disabled={actions.busy} onClick={() => actions.setConfirming(user)}>
                {t('account.disable')}
              </GovButton>
            ))}
          {!user.disabled && (
            <GovButton type="base" color="primary" size="s" aria-label={t('account.resetOf', { name: user.fullName })} disabled={actions.busy} onClick={() => actions.reset(user)}>
              {t('account.reset')}
            </GovButton>
          )}
        </div>
      </td>
    </tr>
  );
}

/** The affiliations form under the list, for the user chosen in the table; it takes the focus when it opens. */
function EditPanel({ user, onClose }: { user: DirectoryUser; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section ref={ref} tabIndex={-1} className="admin-panel">
      <AffiliationsEditor user={user} initial={user.affiliations} />
      <GovButton type="outlined" color="neutral" onClick={onClose}>
        {t('affiliations.close')}
      </GovButton>
    </section>
  );
}
