import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { Czk, DateText, InstantText, Loading, QueryError, usePageTitle } from '../../../components/Display';
import { Pager } from '../../../components/Pager';
import { pragueToday } from '../../../lib/format';
import { mayCheckAgain } from '../../../lib/formal-check';
import { ApiError } from '../../../lib/problem';
import { Crumbs } from '../../commission/evaluation-ui';
import { useCall, type ApplicationSummary, type Call } from '../../commission/queries';
import { NotFoundPage } from '../../NotFoundPage';
import { FormalCheckForm } from './FormalCheckForm';

const PAGE_SIZE = 20;

/** The formal-check queue of one call: submitted applications, and those returned for correction with their deadlines. */
export function FormalCheckPage() {
  const { t } = useTranslation('commission');
  const { id } = useParams();
  const call = useCall(id);
  usePageTitle(call.data ? t('formalCheck.title', { call: call.data.title }) : t('formalCheck.titleShort'));
  const [selected, setSelected] = useState<ApplicationSummary | null>(null);
  const [done, setDone] = useState<{ reference: string; result: string } | null>(null);

  if (call.isError && call.error instanceof ApiError && call.error.status === 404) return <NotFoundPage />;
  if (call.isError) return <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  if (!call.data) return <Loading />;

  return (
    <section>
      <Crumbs
        items={[
          { to: '/officer', label: t('officerCrumbs.desk') },
          { to: `/officer/calls/${call.data.id}`, label: call.data.title },
          { label: t('formalCheck.titleShort') },
        ]}
      />
      <h1>{t('formalCheck.title', { call: call.data.title })}</h1>
      <WindowNotice call={call.data} />
      <div aria-live="polite">
        {done && (
          <GovMessage color="success" type="subtle">
            <p>{t('formalCheck.done', { reference: done.reference, result: t(`formalCheck.result.${done.result}`) })}</p>
          </GovMessage>
        )}
      </div>
      {selected && (
        <FormalCheckForm
          key={selected.id}
          application={selected}
          onDone={(result) => {
            setDone({ reference: selected.referenceNumber ?? selected.title, result });
            setSelected(null);
          }}
          onCancel={() => setSelected(null)}
        />
      )}
      <Queue call={call.data} status="submitted" onCheck={(a) => (setDone(null), setSelected(a))} selectedId={selected?.id} />
      <Queue call={call.data} status="correction_requested" onCheck={(a) => (setDone(null), setSelected(a))} selectedId={selected?.id} />
    </section>
  );
}

/** Before the window closes the API refuses every formal check (FORMAL_CHECK_NOT_OPEN): say so, and when it opens. */
function WindowNotice({ call }: { call: Call }) {
  const { t } = useTranslation('commission');
  if (call.status !== 'announced' && call.status !== 'open') return null;
  return (
    <GovMessage color="warning" type="subtle">
      <p>
        {t('formalCheck.notOpen')} <InstantText value={call.submissionClosesAt} />. {t('formalCheck.notOpenWhy')}
      </p>
    </GovMessage>
  );
}

function Queue({
  call,
  status,
  onCheck,
  selectedId,
}: {
  call: Call;
  status: 'submitted' | 'correction_requested';
  onCheck: (application: ApplicationSummary) => void;
  selectedId: string | undefined;
}) {
  const { t } = useTranslation('commission');
  const [params, setParams] = useSearchParams();
  const pageParam = status === 'submitted' ? 'page' : 'correctionsPage';
  const page = Math.max(1, Number(params.get(pageParam)) || 1);
  const list = useQuery({
    queryKey: ['applications', 'list', { callId: call.id, status, page, pageSize: PAGE_SIZE }],
    queryFn: () => unwrap(api.GET('/api/v1/applications', { params: { query: { callId: call.id, status, page, pageSize: PAGE_SIZE } } })),
    placeholderData: (previous) => previous,
  });
  const today = pragueToday();
  const headingId = `queue-${status}`;
  const waiting = status === 'submitted';
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{waiting ? t('formalCheck.waiting') : t('formalCheck.corrections')}</h2>
      {!waiting && <p>{t('formalCheck.correctionsIntro')}</p>}
      {list.isPending && <Loading />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.total === 0 && <p>{waiting ? t('formalCheck.noneWaiting') : t('formalCheck.noCorrections')}</p>}
      {list.data && list.data.total > 0 && (
        <div className="table-wrap">
          <table className="data">
            <caption>
              {waiting ? t('formalCheck.waitingCaption', { n: list.data.total }) : t('formalCheck.correctionsCaption', { n: list.data.total })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('formalCheck.reference')}</th>
                <th scope="col">{t('formalCheck.applicationTitle')}</th>
                <th scope="col">{t('formalCheck.part')}</th>
                <th scope="col" className="number">
                  {t('formalCheck.requested')}
                </th>
                <th scope="col">{waiting ? t('formalCheck.submittedAt') : t('formalCheck.dueOn')}</th>
                <th scope="col">{t('formalCheck.action')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((a) => {
                const checkable = waiting || mayCheckAgain(a.correctionDueOn, today);
                const reference = a.referenceNumber ?? a.title;
                return (
                  <tr key={a.id}>
                    <td className="nowrap">{a.referenceNumber ?? '—'}</td>
                    <th scope="row">
                      <Link to={`/officer/applications/${a.id}`}>{a.title}</Link>
                    </th>
                    <td>{a.partCode}</td>
                    <td className="number">
                      <Czk value={a.requestedCzk} />
                    </td>
                    <td>
                      {waiting ? (
                        <InstantText value={a.submittedAt} />
                      ) : (
                        <>
                          <DateText value={a.correctionDueOn} />
                          {!checkable && <span className="muted"> ({t('formalCheck.applicantMayCorrect')})</span>}
                          {checkable && <strong> ({t('formalCheck.deadlinePassed')})</strong>}
                        </>
                      )}
                    </td>
                    <td>
                      {checkable ? (
                        <GovButton
                          type={selectedId === a.id ? 'solid' : 'outlined'}
                          color="primary"
                          size="s"
                          aria-label={waiting ? t('formalCheck.checkLabel', { reference }) : t('formalCheck.checkAgainLabel', { reference })}
                          onClick={() => onCheck(a)}
                        >
                          {waiting ? t('formalCheck.check') : t('formalCheck.checkAgain')}
                        </GovButton>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onPage={(next) => {
            const updated = new URLSearchParams(params);
            updated.set(pageParam, String(next));
            setParams(updated);
          }}
        />
      )}
    </section>
  );
}
