import { GovButton } from '@gov-design-system-ce/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, download, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { InstantText, Loading, QueryError, StatusTag } from '../../../components/Display';
import { ProblemSummary } from '../../../components/ProblemSummary';

type Letter = components['schemas']['LetterResponse'];

/** How often a list with letters still being prepared asks again. */
export const QUEUED_REFRESH_MS = 2_000;

/**
 * Download of a ready letter's PDF, or a retry of a failed one (POST /letters/:id/retry, officers only);
 * what went wrong is shown next to it, what was done is told to the page (the row may leave a filtered list).
 */
export function LetterActions({
  letter,
  fileName,
  onRetried,
}: {
  letter: Pick<Letter, 'id' | 'status' | 'kind'>;
  fileName: string;
  onRetried: (message: string) => void;
}) {
  const { t } = useTranslation(['officer', 'common']);
  const queryClient = useQueryClient();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  const retry = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/letters/{id}/retry', { params: { path: { id: letter.id } } })),
    onSuccess: async () => {
      onRetried(t('officer:letters.retried', { kind }));
      await queryClient.invalidateQueries({ queryKey: ['letters'] });
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
    },
  });
  const kind = t(`common:letterKind.${letter.kind}`);
  return (
    <div className="stack">
      {letter.status === 'ready' && (
        <GovButton
          type="outlined"
          color="primary"
          size="s"
          disabled={downloading}
          loading={downloading ? 'true' : undefined}
          aria-label={t('officer:letters.downloadLabel', { kind })}
          onClick={async () => {
            setDownloading(true);
            setDownloadError(null);
            try {
              await download(`/api/v1/letters/${letter.id}/pdf`, fileName, 'application/pdf');
            } catch (error) {
              setDownloadError(error);
            } finally {
              setDownloading(false);
            }
          }}
        >
          {t('officer:letters.download')}
        </GovButton>
      )}
      {letter.status === 'failed' && (
        <GovButton
          type="solid"
          color="primary"
          size="s"
          disabled={retry.isPending}
          loading={retry.isPending ? 'true' : undefined}
          aria-label={t('officer:letters.retryLabel', { kind })}
          onClick={() => retry.mutate()}
        >
          {t('officer:letters.retry')}
        </GovButton>
      )}
      {retry.isPending && <Loading label={t('officer:letters.retrying')} />}
      <ProblemSummary error={retry.error ?? downloadError} />
    </div>
  );
}

/** The letters of one application (GET /applications/:id/letters), asked again while one is being prepared. */
export function ApplicationLetters({
  applicationId,
  referenceNumber,
  onRetried,
}: {
  applicationId: string;
  referenceNumber: string | null;
  onRetried: (message: string) => void;
}) {
  const { t } = useTranslation(['officer', 'common']);
  const letters = useQuery({
    queryKey: ['letters', 'application', applicationId],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/letters', { params: { path: { id: applicationId } } })),
    refetchInterval: (query) => (query.state.data?.some((l) => l.status === 'queued') ? QUEUED_REFRESH_MS : false),
  });
  if (letters.isPending) return <Loading />;
  if (letters.isError) return <QueryError error={letters.error} onRetry={() => void letters.refetch()} />;
  if (letters.data.length === 0) return <p>{t('officer:letters.noneForApplication')}</p>;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>{t('officer:letters.applicationCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('officer:letters.kind')}</th>
            <th scope="col">{t('officer:letters.status')}</th>
            <th scope="col">{t('officer:letters.created')}</th>
            <th scope="col">{t('officer:letters.ready')}</th>
            <th scope="col">{t('officer:letters.failureReason')}</th>
            <th scope="col">{t('officer:letters.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {letters.data.map((letter) => (
            <tr key={letter.id}>
              <th scope="row">{t(`common:letterKind.${letter.kind}`)}</th>
              <td>
                <StatusTag status={letter.status} group="letterStatus" />
              </td>
              <td>
                <InstantText value={letter.createdAt} />
              </td>
              <td>
                <InstantText value={letter.readyAt} />
              </td>
              <td lang={letter.failureReason ? 'en' : undefined}>{letter.failureReason ?? '—'}</td>
              <td>
                <LetterActions letter={letter} fileName={letterFileName(referenceNumber, letter.kind)} onRetried={onRetried} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `INT-2027-0001-approval.pdf`. */
export function letterFileName(referenceNumber: string | null | undefined, kind: string): string {
  return `${(referenceNumber ?? 'letter').replace(/[^A-Za-z0-9-]+/g, '-')}-${kind}.pdf`;
}
