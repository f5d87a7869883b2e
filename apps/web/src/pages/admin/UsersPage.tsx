import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { Loading, QueryError, usePageTitle } from '../../components/Display';
import { SelectField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { AffiliationsEditor } from './AffiliationsEditor';
import { ADMIN_HOME, ROLES, type Role } from './common';

type DirectoryUser = components['schemas']['DirectoryUserResponse'];

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

  return (
    <>
      <h1>{t('users.title')}</h1>
      <p>{t('users.intro')}</p>
      <div className="actions">
        <GovButton asChild type="solid" color="primary">
          <Link to={`${ADMIN_HOME}/users/new`}>{t('users.new')}</Link>
        </GovButton>
      </div>
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
                  <th scope="col">{t('users.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((user) => (
                  <UserRow key={user.id} user={user} editing={user.id === editing} onEdit={() => setQuery({ affiliations: user.id })} />
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
    </>
  );
}

function UserRow({ user, editing, onEdit }: { user: DirectoryUser; editing: boolean; onEdit: () => void }) {
  const { t } = useTranslation('admin');
  const staff = user.role !== 'applicant';
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
      <td>
        {staff && (
          <GovButton type="base" color="primary" size="s" aria-label={t('users.editAffiliationsOf', { name: user.fullName })} onClick={onEdit}>
            {t('users.editAffiliations')}
          </GovButton>
        )}
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
