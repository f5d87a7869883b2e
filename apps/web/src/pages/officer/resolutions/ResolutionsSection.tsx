import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { Czk, DateText, Loading, QueryError } from '../../../components/Display';
import { ProblemSummary } from '../../../components/ProblemSummary';
import { ResolutionStatusTag } from './ResolutionStatusTag';

/** The query key of a call's resolutions (the editor invalidates it after every change). */
export const callResolutionsKey = (callId: string) => ['calls', callId, 'resolutions'] as const;

/**
 * The call's resolutions on its page: every draft and act with its body, status,
 * version and totals (number and date once adopted), and the button that prepares
 * the drafts from the closed evaluation (POST /calls/:id/resolutions); why it cannot
 * (EVALUATION_NOT_CLOSED, NOTHING_TO_RESOLVE) is told by the problem display.
 */
export function ResolutionsSection({ callId, callTitle }: { callId: string; callTitle: string }) {
  const { t } = useTranslation(['officer', 'common']);
  const queryClient = useQueryClient();
  const [drafted, setDrafted] = useState<string | null>(null);
  const list = useQuery({
    queryKey: callResolutionsKey(callId),
    queryFn: () => unwrap(api.GET('/api/v1/calls/{id}/resolutions', { params: { path: { id: callId } } })),
  });
  const prepare = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/calls/{id}/resolutions', { params: { path: { id: callId } } })),
    onMutate: () => setDrafted(null),
    onSuccess: async (result) => {
      setDrafted(t('officer:resolutions.drafted', { count: result.resolutions.length }));
      await queryClient.invalidateQueries({ queryKey: callResolutionsKey(callId) });
    },
  });

  return (
    <section aria-labelledby="call-resolutions">
      <h2 id="call-resolutions" tabIndex={-1}>
        {t('officer:resolutions.heading')}
      </h2>
      <p>{t('officer:resolutions.intro')}</p>
      <div role="status" data-testid="resolutions-notice">
        {drafted && (
          <GovMessage color="success" type="subtle">
            <p>{drafted}</p>
          </GovMessage>
        )}
      </div>
      <ProblemSummary error={prepare.error} />
      <div className="actions">
        <GovButton
          type="solid"
          color="primary"
          disabled={prepare.isPending}
          loading={prepare.isPending ? 'true' : undefined}
          onClick={() => prepare.mutate()}
        >
          {t('officer:resolutions.prepare')}
        </GovButton>
        {prepare.isPending && <Loading label={t('officer:resolutions.preparing')} />}
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p>{t('officer:resolutions.empty')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t('officer:resolutions.caption', { title: callTitle })} tabIndex={0}>
          <table className="data">
            <caption>{t('officer:resolutions.caption', { title: callTitle })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('officer:resolution.body')}</th>
                <th scope="col">{t('officer:resolution.status')}</th>
                <th scope="col" className="number">
                  {t('officer:resolution.version')}
                </th>
                <th scope="col" className="number">
                  {t('officer:resolution.lines')}
                </th>
                <th scope="col" className="number">
                  {t('officer:resolution.requested')}
                </th>
                <th scope="col" className="number">
                  {t('officer:resolution.approvedTotal')}
                </th>
                <th scope="col">{t('officer:resolution.numberAndDate')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/officer/resolutions/${r.id}`}>{t(`officer:resolution.title.${r.status === 'draft' ? 'draft' : 'act'}.${r.body}`)}</Link>
                  </th>
                  <td>
                    <ResolutionStatusTag status={r.status} />
                  </td>
                  <td className="number">{r.version}</td>
                  <td className="number">
                    {t('officer:resolution.linesCount', { lines: r.totals.lines, approved: r.totals.approved, rejected: r.totals.rejected, ineligible: r.totals.ineligible })}
                  </td>
                  <td className="number">
                    <Czk value={r.totals.requestedCzk} />
                  </td>
                  <td className="number">
                    <Czk value={r.totals.approvedCzk} />
                  </td>
                  <td>
                    {r.resolutionNumber ? (
                      <>
                        {r.resolutionNumber}, <DateText value={r.resolutionDate} />
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
