import { GovButton } from '@gov-design-system-ce/react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, download, unwrap } from '../../api/client';
import { Czk, DateText, Loading, QueryError, usePageTitle } from '../../components/Display';
import { NotFoundPage } from '../NotFoundPage';
import { applicationPath, CallFacts, CallNav, callPath, Crumbs, isNotFound, useCall, type Call } from './common';

/** The file name of a call's register: the programme, the year and the start of the call's id (one programme may run several calls a year). */
const csvName = (call: Call) => `disbursements-${call.programmeCode}-${call.year}-${call.id.slice(0, 8)}.csv`;

/** The disbursement register of a call: every payment, return and penalty, and the same as CSV for the accounting system. */
export function DisbursementsPage() {
  const { id } = useParams();
  const { t } = useTranslation('budget');
  const call = useCall(id);
  usePageTitle(call.data ? t('disbursements.title', { title: call.data.title }) : t('call.loadingTitle'));
  if (call.isPending) return <Loading />;
  if (call.isError) return isNotFound(call.error) ? <NotFoundPage /> : <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  return (
    <>
      <Crumbs trail={[{ to: callPath(call.data.id), label: call.data.title }, { label: t('nav.disbursements') }]} />
      <h1>{t('disbursements.title', { title: call.data.title })}</h1>
      <CallFacts call={call.data} />
      <CallNav call={call.data} />
      <Register call={call.data} />
    </>
  );
}

function Register({ call }: { call: Call }) {
  const { t } = useTranslation('budget');
  const report = useQuery({
    queryKey: ['reports', 'disbursements', call.id],
    queryFn: async () => {
      const report = await unwrap(api.GET('/api/v1/reports/disbursements', { params: { query: { callId: call.id } }, headers: { Accept: 'application/json' } }));
      // The same route answers CSV for `Accept: text/csv`; asked for JSON, anything else is a broken answer.
      if (typeof report === 'string') throw new Error('The disbursement register did not answer JSON.');
      return report;
    },
  });
  const csv = useMutation({
    mutationFn: () => download(`/api/v1/reports/disbursements?callId=${encodeURIComponent(call.id)}`, csvName(call), 'text/csv'),
  });
  return (
    <>
      <div className="actions">
        <GovButton type="outlined" color="primary" aria-disabled={csv.isPending} onClick={() => !csv.isPending && csv.mutate()}>
          {t('disbursements.csv')}
        </GovButton>
        {csv.isPending && <Loading label={t('disbursements.csvPreparing')} />}
        <p aria-live="polite" className="muted" data-testid="csv-done">
          {csv.isSuccess ? t('disbursements.csvDone', { file: csvName(call) }) : ''}
        </p>
      </div>
      {csv.isError && <QueryError error={csv.error} onRetry={() => csv.mutate()} />}
      {report.isPending ? (
        <Loading label={t('disbursements.loading')} />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.items.length === 0 ? (
        <p>{t('disbursements.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="disbursements">
            <caption>{t('disbursements.caption', { count: report.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('disbursements.col.date')}</th>
                <th scope="col">{t('disbursements.col.type')}</th>
                <th scope="col">{t('disbursements.col.application')}</th>
                <th scope="col">{t('disbursements.col.organisation')}</th>
                <th scope="col">{t('disbursements.col.ico')}</th>
                <th scope="col">{t('disbursements.col.account')}</th>
                <th scope="col" className="number">
                  {t('disbursements.col.amount')}
                </th>
                <th scope="col">{t('disbursements.col.contract')}</th>
                <th scope="col">{t('disbursements.col.reference')}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.items.map((row, index) => (
                <tr key={`${row.applicationId}-${row.type}-${row.date}-${row.reference}-${index}`}>
                  <td>
                    <DateText value={row.date} />
                  </td>
                  <td>{t(`disbursementType.${row.type}`)}</td>
                  <td>
                    <Link to={applicationPath(row.applicationId)}>{row.referenceNumber}</Link>
                  </td>
                  <td>{row.organisationName}</td>
                  <td>{row.ico}</td>
                  <td className="nowrap">{row.bankAccount ?? '—'}</td>
                  <td className="number">
                    <Czk value={row.amountCzk} />
                  </td>
                  <td>{row.contractNumber ?? '—'}</td>
                  <td>{row.reference}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
