import { GovTag } from '@gov-design-system-ce/react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Czk, InstantText, Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { Pager } from '../../components/Pager';
import type { ApplicationSummary, Call, MyEvaluation } from './queries';

const PAGE_SIZE = 20;

interface MineState {
  data: MyEvaluation | undefined;
  failed: boolean;
}

/** A commission member's desk: the applications of the calls they sit on, by call, and where they stand on each. */
export function CommissionHomePage() {
  const { t } = useTranslation('commission');
  usePageTitle(t('home.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);

  const list = useQuery({
    queryKey: ['commission', 'my-applications', page],
    queryFn: () => unwrap(api.GET('/api/v1/applications', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: (previous) => previous,
  });
  const items = list.data?.items ?? [];
  const callIds = [...new Set(items.map((a) => a.callId))];
  const calls = useQueries({
    queries: callIds.map((id) => ({
      queryKey: ['calls', id],
      queryFn: () => unwrap(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })),
    })),
  });
  const mine = useQueries({
    queries: items.map((a) => ({
      queryKey: ['applications', a.id, 'my-evaluation'],
      queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/my-evaluation', { params: { path: { id: a.id } } })),
    })),
  });
  const callById = new Map(calls.flatMap((q) => (q.data ? [[q.data.id, q.data] as const] : [])));
  const mineById = new Map(items.map((a, i) => [a.id, { data: mine[i]?.data, failed: mine[i]?.isError ?? false }] as const));

  return (
    <section>
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      {list.isPending && <Loading />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.total === 0 && <p>{t('home.empty')}</p>}
      {callIds.map((callId) => (
        <CallGroup
          key={callId}
          callId={callId}
          call={callById.get(callId)}
          applications={items.filter((a) => a.callId === callId)}
          mineById={mineById}
        />
      ))}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onPage={(next) => {
            setParams({ page: String(next) });
            window.scrollTo(0, 0);
          }}
        />
      )}
    </section>
  );
}

function CallGroup({
  callId,
  call,
  applications,
  mineById,
}: {
  callId: string;
  call: Call | undefined;
  applications: ApplicationSummary[];
  mineById: Map<string, MineState>;
}) {
  const { t } = useTranslation('commission');
  const headingId = `call-${callId}`;
  const partName = (code: string) => call?.parts.find((p) => p.code === code)?.name;
  return (
    <section className="call-group" aria-labelledby={headingId}>
      <h2 id={headingId}>{call?.title ?? t('home.callLoading')}</h2>
      {call && (
        <>
          <p>
            <StatusTag status={call.status} group="callStatus" /> <ScoringWindow call={call} />
          </p>
          <p>
            <Link to={`/commission/calls/${callId}/ranking`}>{t('home.ranking')}</Link>
            {' · '}
            {t('home.criteria', { n: call.criteria.length, max: call.criteria.reduce((sum, c) => sum + c.maxPoints, 0) })}
            {' · '}
            {t('home.quorum', { n: call.quorum })}
          </p>
        </>
      )}
      <div className="table-wrap">
        <table className="data">
          <caption>{t('home.tableCaption', { call: call?.title ?? '' })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('home.reference')}</th>
              <th scope="col">{t('home.applicationTitle')}</th>
              <th scope="col">{t('home.part')}</th>
              <th scope="col" className="number">
                {t('home.requested')}
              </th>
              <th scope="col">{t('home.myState')}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.id}>
                <td className="nowrap">{a.referenceNumber ?? '—'}</td>
                <th scope="row">
                  <Link to={`/commission/applications/${a.id}`}>{a.title}</Link>
                </th>
                <td>
                  <abbr title={partName(a.partCode)}>{a.partCode}</abbr>
                </td>
                <td className="number">
                  <Czk value={a.requestedCzk} />
                </td>
                <td>
                  <MyState state={mineById.get(a.id)} status={a.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ScoringWindow({ call }: { call: Call }) {
  const { t } = useTranslation('commission');
  if (call.status === 'announced' || call.status === 'open') {
    return (
      <span>
        {t('home.scoringOpensAt')} <InstantText value={call.submissionClosesAt} />
      </span>
    );
  }
  if (call.status === 'closed') {
    return (
      <span>
        {t('home.scoringOpenSince')} <InstantText value={call.submissionClosesAt} />
      </span>
    );
  }
  return <span>{t('home.scoringClosed')}</span>;
}

/** Where the member stands on one application, in words (the tag's colour only repeats them). */
function MyState({ state, status }: { state: MineState | undefined; status: ApplicationSummary['status'] }) {
  const { t } = useTranslation('commission');
  const mine = state?.data;
  if (state?.failed) return <span>—</span>;
  if (!mine) return <span className="muted">{t('common:state.loading')}</span>;
  if (mine.automaticConflict || mine.declaration?.hasConflict) {
    return (
      <GovTag size="s" type="subtle" color="secondary">
        {t('state.conflict')}
      </GovTag>
    );
  }
  if (mine.sheet?.status === 'submitted') {
    return (
      <GovTag size="s" type="subtle" color="success">
        {t('state.scored', { total: mine.sheet.totalPoints })}
      </GovTag>
    );
  }
  if (mine.sheet) {
    return (
      <GovTag size="s" type="subtle" color="warning">
        {mine.scoring === 'closed' ? t('state.draftClosed', { total: mine.sheet.totalPoints }) : t('state.draft', { total: mine.sheet.totalPoints })}
      </GovTag>
    );
  }
  if (mine.scoring === 'closed' || status !== 'eligible') {
    return <span>{t('state.notScored')}</span>;
  }
  if (!mine.declaration) {
    return (
      <GovTag size="s" type="subtle" color="warning">
        {t('state.declare')}
      </GovTag>
    );
  }
  return (
    <GovTag size="s" type="subtle" color="primary">
      {t('state.toScore')}
    </GovTag>
  );
}
