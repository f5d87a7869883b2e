import { GovCard } from '@gov-design-system-ce/react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { useSession } from '../../auth/session';
import { Czk, InstantText, Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { Pager } from '../../components/Pager';
import './public.css';

type Call = components['schemas']['CallResponse'];

const PAGE_SIZE = 10;

/** The landing page: announced calls, newest window first (open and upcoming ones lead), paged on the server. */
export function CallsPage() {
  const { t } = useTranslation('public');
  usePageTitle(t('calls.title'));
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Math.trunc(Number(params.get('page'))) || 1);
  const calls = useQuery({
    queryKey: ['calls', 'list', page],
    queryFn: () => unwrap(api.GET('/api/v1/calls', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <h1>{t('calls.title')}</h1>
      <p className="lead">{t('calls.intro')}</p>
      {!user && (
        <p>
          {t('calls.newHere')} <Link to="/register">{t('calls.registerLink')}</Link>
        </p>
      )}
      <p>
        <Link to="/policy">{t('calls.policyLink')}</Link>
      </p>
      {calls.isPending ? (
        <Loading />
      ) : calls.isError ? (
        <QueryError error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.data.items.length === 0 ? (
        <p>{t('calls.empty')}</p>
      ) : (
        <>
          <ul className="call-list gov-list--plain" aria-label={t('calls.listLabel')}>
            {calls.data.items.map((call) => (
              <li key={call.id}>
                <CallCard call={call} />
              </li>
            ))}
          </ul>
          {/* Paging controls only when there is more than one page (the total is in the list's label). */}
          {calls.data.total > PAGE_SIZE && (
            <Pager page={page} pageSize={PAGE_SIZE} total={calls.data.total} onPage={(next) => setParams(next === 1 ? {} : { page: String(next) })} />
          )}
        </>
      )}
    </>
  );
}

function CallCard({ call }: { call: Call }) {
  const { t } = useTranslation('public');
  return (
    <GovCard
      className="call-card"
      headline={
        <h2 className="call-card__title">
          <Link to={`/calls/${call.id}`}>{call.title}</Link>
        </h2>
      }
    >
      <p className="call-card__status">
        <StatusTag group="callStatus" status={call.status} /> <span className="muted">{t('call.programmeYear', { code: call.programmeCode, year: call.year })}</span>
      </p>
      <dl className="facts">
        <dt>{t('call.window')}</dt>
        <dd>
          <InstantText value={call.submissionOpensAt} /> – <InstantText value={call.submissionClosesAt} /> <span className="muted">{t('call.pragueTime')}</span>
        </dd>
        <dt>{t('call.totalAllocation')}</dt>
        <dd>
          <Czk value={call.totalAllocationCzk} />
        </dd>
        <dt>{t('call.parts')}</dt>
        <dd>{call.parts.map((part) => part.name).join('; ')}</dd>
      </dl>
    </GovCard>
  );
}
