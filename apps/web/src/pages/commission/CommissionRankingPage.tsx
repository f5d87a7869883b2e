import { GovIcon, GovMessage } from '@gov-design-system-ce/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Czk, Loading, QueryError, usePageTitle } from '../../components/Display';
import { CSV, DocumentDownloads, PDF } from '../../components/DocumentDownloads';
import { ApiError } from '../../lib/problem';
import { NotFoundPage } from '../NotFoundPage';
import { Crumbs, PartTabs, Score, SpreadFlag, YesNo } from './evaluation-ui';
import { useCall, useRanking, type Call, type Ranking, type RankingItem } from './queries';

/** The ranking of a call as a commission member may see it, a tab a part. */
export function CommissionRankingPage() {
  const { t } = useTranslation('commission');
  const { id } = useParams();
  const call = useCall(id);
  usePageTitle(call.data ? t('ranking.title', { call: call.data.title }) : t('ranking.titleShort'));

  if (call.isError && call.error instanceof ApiError && call.error.status === 404) return <NotFoundPage />;
  if (call.isError) return <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  if (!call.data) return <Loading />;
  return (
    <section>
      <Crumbs items={[{ to: '/commission', label: t('home.title') }, { label: t('ranking.titleShort') }]} />
      <h1>{t('ranking.title', { call: call.data.title })}</h1>
      <p>{t('ranking.intro')}</p>
      <section aria-labelledby="ranking-minutes">
        <h2 id="ranking-minutes">{t('minutes.heading')}</h2>
        <p>{t('minutes.intro')}</p>
        <DocumentDownloads
          path={`/api/v1/calls/${call.data.id}/commission-minutes`}
          what={t('minutes.what')}
          formats={[
            { label: 'PDF', accept: PDF, fileName: `zapis-komise-${call.data.id.slice(0, 8)}.pdf` },
            { label: 'CSV', accept: CSV, fileName: `zapis-komise-${call.data.id.slice(0, 8)}.csv` },
          ]}
        />
      </section>
      <PartTabs parts={call.data.parts} panel={(part) => <RankingPart call={call.data} partCode={part.code} />} />
    </section>
  );
}

function RankingPart({ call, partCode }: { call: Call; partCode: string }) {
  const { t } = useTranslation('commission');
  const ranking = useRanking(call.id, partCode);
  if (ranking.isPending) return <Loading />;
  if (ranking.isError) return <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />;
  const part = call.parts.find((p) => p.code === partCode);
  return (
    <>
      <RankingTerms ranking={ranking.data} />
      <div className="table-wrap">
        <table className="data ranking">
          <caption>{t('ranking.caption', { code: partCode, name: part?.name ?? '' })}</caption>
          <RankingHead method={ranking.data.rankingMethod} />
          <tbody>
            {ranking.data.items.length === 0 && (
              <tr>
                <td colSpan={RANKING_COLUMNS}>{t('ranking.empty')}</td>
              </tr>
            )}
            {ranking.data.items.map((item) => (
              <tr key={item.applicationId} className={item.scoresHidden ? 'hidden-scores' : undefined}>
                <td className="number">{item.rank ?? '—'}</td>
                <th scope="row">
                  <ApplicationCell item={item} to={`/commission/applications/${item.applicationId}`} />
                </th>
                {item.scoresHidden ? (
                  <td colSpan={4}>
                    <span className="hidden-note">
                      <span aria-hidden="true">
                        <GovIcon name="eye" type="components" />
                      </span>
                      {t('ranking.hidden')}
                    </span>
                  </td>
                ) : (
                  <>
                    <td className="number">
                      <Score value={item.averageScore} />
                    </td>
                    <td className="number">
                      <Score value={item.normalisedScore} />
                    </td>
                    <td className="number">{item.scorers ?? '—'}</td>
                    <td>
                      <SpreadFlag spread={item.spread} flagged={item.spreadFlagged} />
                    </td>
                  </>
                )}
                <td className="number">
                  <Czk value={item.requestedCzk} />
                </td>
                <td className="number">
                  <Czk value={item.proposedCzk} />
                </td>
                <td>{item.scoresHidden ? '—' : <YesNo value={item.recommended} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The terms a ranking is read by: method, quorum, minimum score, and whether it is final. */
export function RankingTerms({ ranking }: { ranking: Ranking }) {
  const { t } = useTranslation('commission');
  return (
    <>
      <p>
        {ranking.rankingMethod === 'normalised' ? t('ranking.byNormalised') : t('ranking.byAverage')}{' '}
        {t('ranking.terms', { quorum: ranking.quorum, minScore: ranking.minScore, maxTotal: ranking.maxTotal })} {t('ranking.spreadNote')}
      </p>
      {ranking.evaluationClosed && (
        <GovMessage color="success" type="subtle">
          <p>{t('ranking.closed')}</p>
        </GovMessage>
      )}
    </>
  );
}

/** The number of the ranking's columns (RankingHead). */
export const RANKING_COLUMNS = 9;

/** The application in a ranking row: its title (a link) over its reference number and applicant. */
export function ApplicationCell({ item, to }: { item: RankingItem; to: string }) {
  return (
    <>
      <Link to={to}>{item.title}</Link>
      <span className="application-cell__meta">
        <span className="nowrap">{item.referenceNumber}</span> · {item.organisationName}
      </span>
    </>
  );
}

/** The ranking's column headers, shared by the member's view and the officer's board. */
export function RankingHead({ method, proposalHeader }: { method: Ranking['rankingMethod']; proposalHeader?: string }) {
  const { t } = useTranslation('commission');
  return (
    <thead>
      <tr>
        <th scope="col" className="number">
          {t('ranking.rank')}
        </th>
        <th scope="col">{t('ranking.application')}</th>
        <th scope="col" className="number">
          {t('ranking.average')}
          {method === 'average' && <span className="visually-hidden"> ({t('ranking.ranksBy')})</span>}
        </th>
        <th scope="col" className="number">
          {t('ranking.normalised')}
          {method === 'normalised' && <span className="visually-hidden"> ({t('ranking.ranksBy')})</span>}
        </th>
        <th scope="col" className="number">
          {t('ranking.scorers')}
        </th>
        <th scope="col">{t('ranking.spread')}</th>
        <th scope="col" className="number">
          {t('ranking.requested')}
        </th>
        <th scope="col" className="number">
          {proposalHeader ?? t('ranking.proposed')}
        </th>
        <th scope="col">{t('ranking.recommended')}</th>
      </tr>
    </thead>
  );
}
