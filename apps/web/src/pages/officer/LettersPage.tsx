import { GovMessage } from '@gov-design-system-ce/react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { InstantText, Loading, QueryError, StatusTag, usePageTitle } from '../../components/Display';
import { SelectField } from '../../components/Field';
import { DeskPager } from './desk/DeskPager';
import { Crumbs } from './desk/Crumbs';
import { LetterActions, letterFileName, QUEUED_REFRESH_MS } from './desk/letters';
import './desk/desk.css';

const PAGE_SIZE = 25;
const STATUSES = ['failed', 'queued', 'ready'] as const;
type LetterStatus = (typeof STATUSES)[number];
/** The calls offered in the filter: the newest page of them. */
const CALLS_OFFERED = 100;

/**
 * `/officer/letters`: decision letters across calls (GET /letters, paged on the server),
 * the failed ones first (the default filter) with why they failed and a retry.
 */
export function LettersPage() {
  const { t } = useTranslation(['officer', 'common']);
  usePageTitle(t('officer:letters.title'));
  const [params, setParams] = useSearchParams();
  const chosen = params.get('status');
  const status: LetterStatus | undefined = chosen === 'all' ? undefined : STATUSES.includes(chosen as LetterStatus) ? (chosen as LetterStatus) : 'failed';
  const callId = params.get('callId') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = { status, callId, page, pageSize: PAGE_SIZE };
  const letters = useQuery({
    queryKey: ['letters', query],
    queryFn: () => unwrap(api.GET('/api/v1/letters', { params: { query } })),
    refetchInterval: (q) => (q.state.data?.items.some((l) => l.status === 'queued') ? QUEUED_REFRESH_MS : false),
  });
  const calls = useQuery({
    queryKey: ['calls', { page: 1, pageSize: CALLS_OFFERED }],
    queryFn: () => unwrap(api.GET('/api/v1/calls', { params: { query: { page: 1, pageSize: CALLS_OFFERED } } })),
  });
  const update = (key: 'status' | 'callId' | 'page', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );
  const heading = status ? t(`officer:letters.heading.${status}`) : t('officer:letters.heading.all');
  /** The last retry (the retried letter leaves the list of failed ones). */
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <Crumbs items={[{ label: t('officer:letters.title') }]} />
      <h1>{t('officer:letters.title')}</h1>
      <p>{t('officer:letters.intro')}</p>
      <div className="desk-filter">
        <SelectField name="letterStatus" label={t('officer:letters.filterStatus')} value={status ?? 'all'} onChange={(e) => update('status', e.target.value)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`common:letterStatus.${s}`)}
            </option>
          ))}
          <option value="all">{t('officer:letters.allStatuses')}</option>
        </SelectField>
        <SelectField name="letterCall" label={t('officer:letters.filterCall')} value={callId ?? ''} onChange={(e) => update('callId', e.target.value)}>
          <option value="">{t('officer:letters.allCalls')}</option>
          {(calls.data?.items ?? [])
            .filter((c) => c.status !== 'draft')
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.programmeCode} {c.year} — {c.title}
              </option>
            ))}
        </SelectField>
      </div>
      <div role="status" data-testid="letters-notice">
        {notice && (
          <GovMessage color="success" type="subtle">
            <p>{notice}</p>
          </GovMessage>
        )}
      </div>
      <section aria-labelledby="letters-list">
        <h2 id="letters-list">{heading}</h2>
        {letters.isPending ? (
          <Loading />
        ) : letters.isError ? (
          <QueryError error={letters.error} onRetry={() => void letters.refetch()} />
        ) : letters.data.items.length === 0 ? (
          <p data-testid="letters-empty">{status === 'failed' ? t('officer:letters.noFailed') : t('officer:letters.empty')}</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="data">
                <caption>
                  {heading} ({t('officer:letters.total', { total: letters.data.total })})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('officer:letters.application')}</th>
                    <th scope="col">{t('officer:letters.organisation')}</th>
                    <th scope="col">{t('officer:letters.kind')}</th>
                    <th scope="col">{t('officer:letters.status')}</th>
                    <th scope="col">{t('officer:letters.created')}</th>
                    <th scope="col">{t('officer:letters.failureReason')}</th>
                    <th scope="col">{t('officer:letters.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {letters.data.items.map((letter) => (
                    <tr key={letter.id}>
                      <th scope="row" className="nowrap">
                        <Link to={`/officer/applications/${letter.applicationId}`}>{letter.referenceNumber ?? t('officer:letters.noReference')}</Link>
                      </th>
                      <td>{letter.organisationName}</td>
                      <td>{t(`common:letterKind.${letter.kind}`)}</td>
                      <td>
                        <StatusTag status={letter.status} group="letterStatus" />
                      </td>
                      <td>
                        <InstantText value={letter.createdAt} />
                      </td>
                      <td lang={letter.failureReason ? 'en' : undefined}>{letter.failureReason ?? '—'}</td>
                      <td>
                        <LetterActions
                          letter={letter}
                          fileName={letterFileName(letter.referenceNumber, letter.kind)}
                          onRetried={(message) => setNotice(`${letter.referenceNumber ?? letter.organisationName}: ${message}`)}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <DeskPager page={page} pageSize={PAGE_SIZE} total={letters.data.total} onPage={(p) => update('page', String(p))} />
          </>
        )}
      </section>
    </>
  );
}
