import { GovLoading, GovMessage, GovTag } from '@gov-design-system-ce/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCzk, formatDate, formatInstant } from '../lib/format';
import { useProblem } from './ProblemSummary';

export function Czk({ value }: { value: number | null | undefined }) {
  const { i18n } = useTranslation();
  return <span className="nowrap">{value === null || value === undefined ? '—' : formatCzk(value, i18n.language)}</span>;
}

export function DateText({ value }: { value: string | null | undefined }) {
  const { i18n } = useTranslation();
  return <span className="nowrap">{value ? formatDate(value, i18n.language) : '—'}</span>;
}

export function InstantText({ value }: { value: string | null | undefined }) {
  const { i18n } = useTranslation();
  return <span className="nowrap">{value ? formatInstant(value, i18n.language) : '—'}</span>;
}

const STATUS_COLOURS: Record<string, 'primary' | 'secondary' | 'success' | 'error' | 'warning'> = {
  draft: 'secondary',
  submitted: 'primary',
  correction_requested: 'warning',
  eligible: 'primary',
  ineligible: 'error',
  recommended: 'success',
  not_recommended: 'warning',
  approved: 'success',
  rejected: 'error',
  contracted: 'success',
  settlement_submitted: 'primary',
  settled: 'success',
  closed: 'secondary',
  withdrawn: 'secondary',
  queued: 'secondary',
  ready: 'success',
  failed: 'error',
};

/** A status as a coloured tag with its translated name (`common:status.*`, `common:letterStatus.*`, …). */
export function StatusTag({ status, group = 'status' }: { status: string; group?: 'status' | 'letterStatus' | 'callStatus' }) {
  const { t } = useTranslation();
  return (
    <GovTag size="s" type="subtle" color={STATUS_COLOURS[status] ?? 'primary'}>
      {t(`common:${group}.${status}`)}
    </GovTag>
  );
}

/** A spinner with a visible and announced text, for loading and long operations. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <GovLoading size="s" />
      <span>{label ?? t('common:state.loading')}</span>
    </div>
  );
}

/** A failed query: what went wrong, in the user's language, and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { summary, requestId } = useProblem(error);
  return (
    <div role="alert">
      <GovMessage color="error" type="subtle">
        <p>{summary ?? t('common:state.error')}</p>
        {requestId && <p className="muted">{t('errors:requestId', { id: requestId })}</p>}
        {onRetry && (
          <p>
            <button type="button" className="link-button" onClick={onRetry}>
              {t('common:actions.retry')}
            </button>
          </p>
        )}
      </GovMessage>
    </div>
  );
}

/** Sets the document title ("<page> | <portal>") so every page is announced and tabs are told apart. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} | ${t('common:app.title')}`;
  }, [title, t]);
}
