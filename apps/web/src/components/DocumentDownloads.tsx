import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../api/client';
import { ApiError } from '../lib/problem';
import { Loading } from './Display';
import { ProblemSummary } from './ProblemSummary';

export interface DocumentFormat {
  /** Shown on the button: "PDF", "CSV", "XLSX". */
  label: string;
  accept: string;
  fileName: string;
}

export const PDF = 'application/pdf';
export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Download buttons for one document the API serves in several formats by `Accept`
 * (the commission's minutes, a resolution's annex). A PDF the worker is still
 * rendering (409 DOCUMENT_NOT_READY) is told as "being prepared, try again shortly",
 * not as an error; anything else through the problem display.
 */
export function DocumentDownloads({ path, what, formats }: { path: string; what: string; formats: readonly DocumentFormat[] }) {
  const { t } = useTranslation('common');
  const [busy, setBusy] = useState<string | null>(null);
  const [preparing, setPreparing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function get(format: DocumentFormat) {
    setBusy(format.label);
    setPreparing(null);
    setError(null);
    try {
      await download(path, format.fileName, format.accept);
    } catch (cause) {
      if (cause instanceof ApiError && cause.problem.code === 'DOCUMENT_NOT_READY') setPreparing(format.label);
      else setError(cause);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="stack">
      <div className="actions">
        {formats.map((format) => (
          <GovButton
            key={format.label}
            type="outlined"
            color="primary"
            size="s"
            disabled={busy !== null}
            loading={busy === format.label ? 'true' : undefined}
            aria-label={t('common:documents.downloadLabel', { what, format: format.label })}
            onClick={() => void get(format)}
          >
            {t('common:documents.download', { format: format.label })}
          </GovButton>
        ))}
        {busy && <Loading label={t('common:documents.downloading')} />}
      </div>
      <div role="status">
        {preparing && (
          <GovMessage color="primary" type="subtle">
            <p>{t('common:documents.preparing', { what, format: preparing })}</p>
          </GovMessage>
        )}
      </div>
      <ProblemSummary error={error} />
    </div>
  );
}
