import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Loading, QueryError, usePageTitle } from '../../../components/Display';
import { useProblem } from '../../../components/ProblemSummary';
import { ApiError } from '../../../lib/problem';
import { RankingTerms } from '../../commission/CommissionRankingPage';
import { Crumbs, PartTabs } from '../../commission/evaluation-ui';
import { useCall, useRanking } from '../../commission/queries';
import { NotFoundPage } from '../../NotFoundPage';
import { BoardPart } from './BoardPart';

/**
 * The officer's ranking board: per part the ranking with the funding line, editable proposals and the part's
 * allocation always in view; proposals filled down the ranking; and the close of the evaluation.
 */
export function RankingBoardPage() {
  const { t } = useTranslation('commission');
  const { id } = useParams();
  const queryClient = useQueryClient();
  const call = useCall(id);
  // Whether the evaluation is still open: the first part's ranking says so (the same for every part).
  const firstPart = useRanking(call.data?.id, call.data?.parts[0]?.code);
  usePageTitle(call.data ? t('board.title', { call: call.data.title }) : t('board.titleShort'));
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<'filled' | 'closed' | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calls', id] });
  const fill = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/calls/{id}/funding-proposal', { params: { path: { id: id! } } })),
    onMutate: () => setNotice(null),
    onSuccess: async () => {
      setNotice('filled');
      await refresh();
    },
  });
  const close = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/calls/{id}/close-evaluation', { params: { path: { id: id! } } })),
    onMutate: () => setNotice(null),
    onSuccess: async () => {
      setConfirming(false);
      setNotice('closed');
      await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: ['applications'] })]);
    },
    onError: () => setConfirming(false),
  });

  if (call.isError && call.error instanceof ApiError && call.error.status === 404) return <NotFoundPage />;
  if (call.isError) return <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  if (!call.data) return <Loading />;
  const closed = firstPart.data?.evaluationClosed ?? false;

  return (
    <section>
      <Crumbs
        items={[
          { to: '/officer', label: t('officerCrumbs.desk') },
          { to: `/officer/calls/${call.data.id}`, label: call.data.title },
          { label: t('board.titleShort') },
        ]}
      />
      <h1>{t('board.title', { call: call.data.title })}</h1>
      <p>{t('board.intro')}</p>
      {firstPart.data && <RankingTerms ranking={firstPart.data} />}
      <p>
        <Link to={`/officer/calls/${call.data.id}/formal-check`}>{t('board.toFormalCheck')}</Link>
        {' · '}
        <Link to={`/officer/calls/${call.data.id}/commission`}>{t('board.toCommission')}</Link>
      </p>

      {!closed && firstPart.data && (
        <div className="actions">
          <GovButton type="solid" color="primary" disabled={fill.isPending || close.isPending} loading={fill.isPending ? 'true' : undefined} onClick={() => !fill.isPending && !close.isPending && fill.mutate()} aria-describedby="fill-hint">
            {t('board.fill')}
          </GovButton>
          <GovButton type="outlined" color="error" disabled={fill.isPending || close.isPending} onClick={() => !fill.isPending && !close.isPending && setConfirming(true)}>
            {t('board.close')}
          </GovButton>
          {fill.isPending && <Loading label={t('board.filling')} />}
        </div>
      )}
      {!closed && firstPart.data && (
        <p id="fill-hint" className="muted">
          {t('board.fillHint')}
        </p>
      )}
      <div aria-live="polite">
        {notice && (
          <GovMessage color="success" type="subtle">
            <p>{notice === 'filled' ? t('board.filled') : t('board.closedNow')}</p>
          </GovMessage>
        )}
      </div>
      {fill.error !== null && <ActionProblem error={fill.error} />}
      {close.error !== null && <ActionProblem error={close.error} callId={call.data.id} />}

      <PartTabs parts={call.data.parts} panel={(part) => <BoardPart callId={call.data.id} partCode={part.code} partName={part.name} />} />

      <ConfirmDialog
        open={confirming}
        title={t('board.confirmTitle')}
        confirmLabel={t('board.confirm')}
        busy={close.isPending}
        onConfirm={() => !close.isPending && close.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('board.confirmFreezes')}</p>
        <p>{t('board.confirmOutcome', { minScore: firstPart.data?.minScore ?? call.data.minScore })}</p>
        <p>{t('board.confirmNeeds', { quorum: call.data.quorum })}</p>
        <p>
          <strong>{t('board.confirmFinal')}</strong>
        </p>
        {close.isPending && <Loading label={t('board.closing')} />}
      </ConfirmDialog>
    </section>
  );
}

/** Why filling the proposals or closing the evaluation was refused, and what to do about it. */
function ActionProblem({ error, callId }: { error: unknown; callId?: string }) {
  const { t, i18n } = useTranslation('commission');
  const { summary } = useProblem(error);
  const problem = error instanceof ApiError ? error.problem : null;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [error]);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="problem-summary">
      <GovMessage color="error" type="subtle">
        <p>
          <strong>{summary}</strong>
        </p>
        {problem?.code === 'QUORUM_NOT_MET' && <p>{t('board.quorumNotMet')}</p>}
        {problem?.code === 'FORMAL_CHECK_PENDING' && (
          <p>
            {t('board.formalCheckPending')} {callId && <Link to={`/officer/calls/${callId}/formal-check`}>{t('board.toFormalCheck')}</Link>}
          </p>
        )}
        {/* The API writes its details (which applications) in English. */}
        {i18n.language === 'en' && problem?.detail && <p>{problem.detail}</p>}
        {i18n.language === 'en' && problem?.errors.map((e, i) => <p key={i}>{e.message}</p>)}
        {problem?.requestId && <p className="muted">{t('errors:requestId', { id: problem.requestId })}</p>}
      </GovMessage>
    </div>
  );
}
