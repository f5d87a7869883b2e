import { GovBreadcrumbs, GovIcon } from '@gov-design-system-ce/react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { StatusTag } from '../../components/Display';
import { ApiError } from '../../lib/problem';

export type Call = components['schemas']['CallResponse'];

export const BUDGET_HOME = '/budget';
export const callPath = (id: string) => `${BUDGET_HOME}/calls/${id}`;
export const applicationPath = (id: string) => `${BUDGET_HOME}/applications/${id}`;

/** The API answered that the record does not exist (or may not be seen): the page shows the portal's not-found. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export function useCall(id: string | undefined) {
  return useQuery({
    queryKey: ['calls', id],
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** Where the page sits in the Budget Department's area; the last crumb is the page itself. */
export function Crumbs({ trail }: { trail: { to?: string; label: string }[] }) {
  const { t } = useTranslation('budget');
  return (
    <GovBreadcrumbs accessibleLabel={t('nav.breadcrumbs')} className="budget-crumbs">
      <ul>
        <li>
          <Link to={BUDGET_HOME}>{t('home.title')}</Link>
        </li>
        {trail.map((crumb) => (
          <li key={crumb.label}>
            <span aria-hidden="true">
              <GovIcon name="chevron-right" type="components" />
            </span>
            {crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : <span aria-current="page">{crumb.label}</span>}
          </li>
        ))}
      </ul>
    </GovBreadcrumbs>
  );
}

/** A call's three views for the Budget Department: its budget, the reconciliation and the disbursement register. */
export function CallNav({ call }: { call: Call }) {
  const { t } = useTranslation('budget');
  const base = callPath(call.id);
  const views = [
    { to: base, label: t('nav.budget') },
    { to: `${base}/reconciliation`, label: t('nav.reconciliation') },
    { to: `${base}/disbursements`, label: t('nav.disbursements') },
  ];
  return (
    <nav className="budget-subnav" aria-label={t('nav.callViews')}>
      <ul>
        {views.map((view) => (
          <li key={view.to}>
            <NavLink to={view.to} end>
              {view.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The call's heading line under the h1: programme, year and status. */
export function CallFacts({ call }: { call: Call }) {
  const { t } = useTranslation('budget');
  return (
    <p className="budget-call-facts">
      {t('call.programme', { code: call.programmeCode, year: call.year })} <StatusTag status={call.status} group="callStatus" />
    </p>
  );
}
