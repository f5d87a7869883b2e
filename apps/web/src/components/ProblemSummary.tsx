import { GovMessage } from '@gov-design-system-ce/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkError } from '../api/client';
import { fieldId } from '../lib/field-id';
import { ApiError, describeProblem, messagesByField } from '../lib/problem';

/** Turns a failed request into the messages a form shows: a summary and every field's messages at once. */
export function useProblem(error: unknown): { summary: string | null; byField: Map<string, string[]>; requestId?: string } {
  const { t, i18n } = useTranslation(['errors', 'common']);
  if (!error) return { summary: null, byField: new Map() };
  if (error instanceof ApiError) {
    const { summary, fields } = describeProblem(error.problem, t, i18n.language);
    return { summary, byField: messagesByField(fields), requestId: error.problem.requestId };
  }
  if (error instanceof NetworkError) return { summary: t('errors:network'), byField: new Map() };
  return { summary: t('errors:INTERNAL_ERROR'), byField: new Map() };
}

/**
 * The answer's message and a list of every field problem, each a link to its field;
 * it takes the focus when it appears so screen-reader and keyboard users land on it.
 */
export function ProblemSummary({ error, labels }: { error: unknown; labels?: Record<string, string> }) {
  const { t } = useTranslation(['common', 'errors']);
  const { summary, byField, requestId } = useProblem(error);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (summary) ref.current?.focus();
  }, [summary, error]);
  if (!summary) return null;
  // A problem of no field ('') is listed only where it says more than the summary above it.
  const entries = [...byField.entries()]
    .map(([field, messages]) => [field, field === '' ? messages.filter((m) => m !== summary) : messages] as const)
    .filter(([, messages]) => messages.length > 0);
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="problem-summary">
      <GovMessage color="error" type="subtle">
        <p>
          <strong>{summary}</strong>
        </p>
        {entries.length > 0 && (
          <>
            <p>{t('common:form.problems', { count: entries.length })}</p>
            <ul>
              {entries.map(([field, messages]) => (
                <li key={field}>
                  {field === '' ? (
                    messages.join(' ')
                  ) : (
                    <>
                      <a href={`#${fieldId(field)}`}>{labels?.[field] ?? field}</a>: {messages.join(' ')}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {requestId && <p className="muted">{t('errors:requestId', { id: requestId })}</p>}
      </GovMessage>
    </div>
  );
}
