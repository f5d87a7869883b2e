import { GovButton } from '@gov-design-system-ce/react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Czk, InstantText, Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { ApiError } from '../../lib/problem';
import { NotFoundPage } from '../NotFoundPage';
import { Crumbs } from './desk/Crumbs';
import './desk/desk.css';

/** The calls the programme page looks through for its own: the newest page of calls (GET /calls has no programme filter). */
const CALLS_SCANNED = 200;

/** `/officer/programmes/:id`: the appropriation, its budget measures, what the announced calls allocate, and the programme's calls. */
export function ProgrammePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['officer', 'common']);
  const programme = useQuery({
    queryKey: ['programmes', id],
    queryFn: () => unwrap(api.GET('/api/v1/programmes/{id}', { params: { path: { id } } })),
  });
  const calls = useQuery({
    queryKey: ['calls', { page: 1, pageSize: CALLS_SCANNED }],
    queryFn: () => unwrap(api.GET('/api/v1/calls', { params: { query: { page: 1, pageSize: CALLS_SCANNED } } })),
  });
  const loaded = programme.data;
  usePageTitle(loaded ? `${loaded.name} (${loaded.code} ${loaded.year})` : t('officer:programme.heading'));
  if (programme.isPending) return <Loading />;
  if (programme.isError) {
    return programme.error instanceof ApiError && programme.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <QueryError error={programme.error} onRetry={() => void programme.refetch()} />
    );
  }
  const p = programme.data;
  const own = (calls.data?.items ?? []).filter((c) => c.programmeId === p.id);
  return (
    <>
      <Crumbs items={[{ to: '/officer/programmes', label: t('officer:programmes.title') }, { label: p.name }]} />
      <h1>{p.name}</h1>
      <dl className="facts">
        <dt>{t('officer:programmes.code')}</dt>
        <dd>{p.code}</dd>
        <dt>{t('officer:programmes.year')}</dt>
        <dd>{p.year}</dd>
        <dt>{t('officer:programmes.appropriation')}</dt>
        <dd>
          <Czk value={p.appropriationCzk} />
        </dd>
        <dt>{t('officer:programme.allocated')}</dt>
        <dd>
          <Czk value={p.allocatedCzk} />
        </dd>
        <dt>{t('officer:programme.unallocated')}</dt>
        <dd>
          <Czk value={p.appropriationCzk - p.allocatedCzk} />
        </dd>
      </dl>
      <p className="muted">{t('officer:programme.allocatedHint')}</p>

      <section aria-labelledby="programme-calls">
        <h2 id="programme-calls">{t('officer:programme.calls')}</h2>
        <div className="actions">
          <GovButton asChild type="solid" color="primary">
            <Link to={`/officer/calls/new?programmeId=${p.id}`}>{t('officer:programme.newCall')}</Link>
          </GovButton>
        </div>
        {calls.isPending ? (
          <Loading />
        ) : calls.isError ? (
          <QueryError error={calls.error} onRetry={() => void calls.refetch()} />
        ) : own.length === 0 ? (
          <p>{t('officer:programme.noCalls')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption>{t('officer:programme.callsCaption', { name: p.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('officer:calls.titleColumn')}</th>
                  <th scope="col">{t('officer:calls.status')}</th>
                  <th scope="col">{t('officer:calls.opens')}</th>
                  <th scope="col" className="number">
                    {t('officer:calls.allocation')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {own.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/officer/calls/${c.id}`}>{c.title}</Link>
                    </th>
                    <td>
                      <StatusTag status={c.status} group="callStatus" />
                    </td>
                    <td>
                      <InstantText value={c.submissionOpensAt} />
                    </td>
                    <td className="number">
                      <Czk value={c.totalAllocationCzk} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="programme-measures">
        <h2 id="programme-measures">{t('officer:programme.budgetMeasures')}</h2>
        <p className="muted">{t('officer:programme.budgetMeasuresHint')}</p>
        {p.budgetMeasures.length === 0 ? (
          <p>{t('officer:programme.noBudgetMeasures')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption>{t('officer:programme.budgetMeasures')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('officer:programme.measureReference')}</th>
                  <th scope="col">{t('officer:programme.measureWhen')}</th>
                  <th scope="col" className="number">
                    {t('officer:programme.measureAmount')}
                  </th>
                  <th scope="col">{t('officer:programme.measureReason')}</th>
                </tr>
              </thead>
              <tbody>
                {p.budgetMeasures.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.reference}</th>
                    <td>
                      <InstantText value={m.createdAt} />
                    </td>
                    <td className="number">
                      {m.amountCzk > 0 ? '+' : ''}
                      <Czk value={m.amountCzk} />
                    </td>
                    <td>{m.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
