import { GovMessage } from '@gov-design-system-ce/react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Czk, DateText, Loading, QueryError, usePageTitle } from '../../components/Display';
import { NotFoundPage } from '../NotFoundPage';
import { applicationPath, CallFacts, CallNav, callPath, Crumbs, isNotFound, useCall, type Call } from './common';

const PART_FIGURES = ['allocationCzk', 'committedCzk', 'paidCzk', 'returnedCzk', 'outstandingCzk', 'availableCzk'] as const;

/** The reconciliation of a call: each part's money from the ledger, and every anomaly with a link to its application. */
export function ReconciliationPage() {
  const { id } = useParams();
  const { t } = useTranslation('budget');
  const call = useCall(id);
  usePageTitle(call.data ? t('reconciliation.title', { title: call.data.title }) : t('call.loadingTitle'));
  if (call.isPending) return <Loading />;
  if (call.isError) return isNotFound(call.error) ? <NotFoundPage /> : <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  return (
    <>
      <Crumbs trail={[{ to: callPath(call.data.id), label: call.data.title }, { label: t('nav.reconciliation') }]} />
      <h1>{t('reconciliation.title', { title: call.data.title })}</h1>
      <CallFacts call={call.data} />
      <CallNav call={call.data} />
      <Reconciliation call={call.data} />
    </>
  );
}

function Reconciliation({ call }: { call: Call }) {
  const { t } = useTranslation('budget');
  const report = useQuery({
    queryKey: ['reports', 'reconciliation', call.id],
    queryFn: () => unwrap(api.GET('/api/v1/reports/reconciliation', { params: { query: { callId: call.id } } })),
  });
  if (report.isPending) return <Loading label={t('reconciliation.loading')} />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  const { parts, anomalies, asOf } = report.data;
  return (
    <>
      <p>
        {t('reconciliation.asOf')} <DateText value={asOf} />
      </p>
      <section aria-labelledby="reconciliation-parts">
        <h2 id="reconciliation-parts">{t('reconciliation.parts')}</h2>
        <div className="table-wrap">
          <table className="data" data-testid="reconciliation-parts">
            <caption>{t('reconciliation.partsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('call.col.part')}</th>
                {PART_FIGURES.map((figure) => (
                  <th key={figure} scope="col" className="number">
                    {t(`measure.${figure}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {parts.map((part) => (
                <tr key={part.code}>
                  <th scope="row">{t('call.partNamed', { code: part.code, name: part.name })}</th>
                  {PART_FIGURES.map((figure) => (
                    <td key={figure} className="number">
                      <Czk value={part[figure]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">{t('reconciliation.figuresExplained')}</p>
      </section>
      <section aria-labelledby="reconciliation-anomalies">
        <h2 id="reconciliation-anomalies">{t('reconciliation.anomalies')}</h2>
        {anomalies.length === 0 ? (
          <GovMessage color="success" type="subtle">
            <p>{t('reconciliation.noAnomalies')}</p>
          </GovMessage>
        ) : (
          <>
            <GovMessage color="warning" type="subtle">
              <p>{t('reconciliation.anomalyCount', { count: anomalies.length })}</p>
            </GovMessage>
            <div className="table-wrap">
              <table className="data" data-testid="reconciliation-anomalies">
                <caption>{t('reconciliation.anomaliesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reconciliation.col.kind')}</th>
                    <th scope="col">{t('reconciliation.col.application')}</th>
                    <th scope="col">{t('reconciliation.col.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {anomalies.map((anomaly) => (
                    <tr key={`${anomaly.kind}-${anomaly.applicationId}`}>
                      <th scope="row">{t(`anomaly.${anomaly.kind}`)}</th>
                      <td>
                        <Link to={applicationPath(anomaly.applicationId)}>{anomaly.referenceNumber}</Link>
                      </td>
                      <td lang="en">{anomaly.detail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}
