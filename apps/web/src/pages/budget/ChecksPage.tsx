import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { Czk, InstantText, Loading, QueryError, usePageTitle } from '../../components/Display';
import { applicationPath, Crumbs } from './common';

type LedgerCheck = components['schemas']['LedgerCheckResponse'];

/** The ledger check and the audit-chain verification, each run on demand (they read everything and can take a while). */
export function ChecksPage() {
  const { t } = useTranslation('budget');
  usePageTitle(t('checks.title'));
  return (
    <>
      <Crumbs trail={[{ label: t('checks.title') }]} />
      <h1>{t('checks.title')}</h1>
      <p>{t('checks.intro')}</p>
      <LedgerCheckSection />
      <AuditSection />
    </>
  );
}

/** A check run by a button: its time, and the button refuses a second run while one is under way. */
function useCheck<T>(run: () => Promise<T>) {
  const [finishedAt, setFinishedAt] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: run, onSuccess: () => setFinishedAt(new Date().toISOString()) });
  return { mutation, finishedAt, start: () => !mutation.isPending && mutation.mutate() };
}

function LedgerCheckSection() {
  const { t } = useTranslation('budget');
  const { mutation, finishedAt, start } = useCheck(() => unwrap(api.GET('/api/v1/ledger/check')));
  return (
    <section aria-labelledby="ledger-check" className="budget-check">
      <h2 id="ledger-check">{t('checks.ledger.heading')}</h2>
      <p>{t('checks.ledger.explained')}</p>
      <div className="actions">
        <GovButton type="solid" color="primary" aria-disabled={mutation.isPending} onClick={start}>
          {t('checks.ledger.run')}
        </GovButton>
        {mutation.isPending && <Loading label={t('checks.ledger.running')} />}
      </div>
      {mutation.isError && <QueryError error={mutation.error} onRetry={start} />}
      <div aria-live="polite" data-testid="ledger-check-result">
        {mutation.isSuccess && !mutation.isPending && (
          <Verdict
            ok={mutation.data.ok}
            text={mutation.data.ok ? t('checks.ledger.ok', { count: mutation.data.transactions }) : t('checks.ledger.failed', { count: mutation.data.transactions })}
            finishedAt={finishedAt}
          />
        )}
      </div>
      {mutation.isSuccess && !mutation.isPending && <LedgerDifferences result={mutation.data} />}
    </section>
  );
}

/** A check's answer in words (not by colour alone) and when it was given. */
function Verdict({ ok, text, finishedAt }: { ok: boolean; text: string; finishedAt: string | null }) {
  const { t } = useTranslation('budget');
  return (
    <GovMessage color={ok ? 'success' : 'error'} type="subtle">
      <p>
        <strong>{text}</strong>
      </p>
      <p className="muted">
        {t('checks.checkedAt')} <InstantText value={finishedAt} />
      </p>
    </GovMessage>
  );
}

/** What disagrees, when the ledger check finds anything. */
function LedgerDifferences({ result }: { result: LedgerCheck }) {
  const { t } = useTranslation('budget');
  return (
    <div>
      {result.unbalancedTransactions.length > 0 && (
        <>
          <h3>{t('checks.ledger.unbalanced')}</h3>
          <ul>
            {result.unbalancedTransactions.map((id) => (
              <li key={id}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {result.parts.length > 0 && (
        <Mismatches
          caption={t('checks.ledger.partMismatches')}
          rows={result.parts.map((m) => ({ key: `${m.partId}-${m.field}`, subject: <code>{m.partId}</code>, ...m }))}
        />
      )}
      {result.applications.length > 0 && (
        <Mismatches
          caption={t('checks.ledger.applicationMismatches')}
          rows={result.applications.map((m) => ({
            key: `${m.applicationId}-${m.field}`,
            subject: <Link to={applicationPath(m.applicationId)}>{m.applicationId}</Link>,
            ...m,
          }))}
        />
      )}
    </div>
  );
}

function Mismatches({ caption, rows }: { caption: string; rows: { key: string; subject: ReactNode; field: string; cachedCzk: number; ledgerCzk: number }[] }) {
  const { t } = useTranslation('budget');
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('checks.ledger.col.subject')}</th>
            <th scope="col">{t('checks.ledger.col.field')}</th>
            <th scope="col" className="number">
              {t('checks.ledger.col.cached')}
            </th>
            <th scope="col" className="number">
              {t('checks.ledger.col.ledger')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.subject}</th>
              <td>
                <code>{row.field}</code>
              </td>
              <td className="number">
                <Czk value={row.cachedCzk} />
              </td>
              <td className="number">
                <Czk value={row.ledgerCzk} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditSection() {
  const { t } = useTranslation('budget');
  const { mutation, finishedAt, start } = useCheck(() => unwrap(api.GET('/api/v1/audit/verify')));
  return (
    <section aria-labelledby="audit-verify" className="budget-check">
      <h2 id="audit-verify">{t('checks.audit.heading')}</h2>
      <p>{t('checks.audit.explained')}</p>
      <div className="actions">
        <GovButton type="solid" color="primary" aria-disabled={mutation.isPending} onClick={start}>
          {t('checks.audit.run')}
        </GovButton>
        {mutation.isPending && <Loading label={t('checks.audit.running')} />}
      </div>
      {mutation.isError && <QueryError error={mutation.error} onRetry={start} />}
      <div aria-live="polite" data-testid="audit-result">
        {mutation.isSuccess && !mutation.isPending && (
          <Verdict
            ok={mutation.data.ok}
            text={
              mutation.data.ok
                ? t('checks.audit.ok', { count: mutation.data.events })
                : t('checks.audit.broken', { count: mutation.data.events, event: mutation.data.firstBrokenEventId ?? '—' })
            }
            finishedAt={finishedAt}
          />
        )}
      </div>
    </section>
  );
}
