import { GovButton } from '@gov-design-system-ce/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { InstantText, Loading, QueryError, usePageTitle } from '../../components/Display';
import { TextField } from '../../components/Field';
import { ProblemSummary, useProblem } from '../../components/ProblemSummary';
import './desk/desk.css';

type BankAccountRequest = components['schemas']['BankAccountRequestResponse'];

const QUERY = { status: 'pending' as const, page: 1, pageSize: 200 };

/**
 * `/officer/bank-accounts`: organisations' requests to change their registered
 * bank account, oldest first. The officer (a second person; the API refuses an
 * officer affiliated with the organisation) confirms or rejects with a reason.
 */
export function BankAccountRequestsPage() {
  const { t } = useTranslation(['officer', 'common']);
  usePageTitle(t('officer:bankAccounts.title'));
  const [done, setDone] = useState<string | null>(null);
  const requests = useQuery({
    queryKey: ['bank-account-requests', QUERY],
    queryFn: () => unwrap(api.GET('/api/v1/bank-account-requests', { params: { query: QUERY } })),
  });
  return (
    <>
      <h1>{t('officer:bankAccounts.title')}</h1>
      <p className="lead">{t('officer:bankAccounts.intro')}</p>
      {done && (
        <p role="status" data-testid="bank-account-done">
          {done}
        </p>
      )}
      {requests.isPending ? (
        <Loading />
      ) : requests.isError ? (
        <QueryError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.items.length === 0 ? (
        <p>{t('officer:bankAccounts.empty')}</p>
      ) : (
        requests.data.items.map((r) => <RequestPanel key={r.id} request={r} onDone={setDone} />)
      )}
    </>
  );
}

function RequestPanel({ request, onDone }: { request: BankAccountRequest; onDone: (message: string) => void }) {
  const { t } = useTranslation(['officer', 'common']);
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['bank-account-requests'] });
  const confirm = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/bank-account-requests/{id}/confirmation', { params: { path: { id: request.id } } })),
    onSuccess: async () => {
      onDone(t('officer:bankAccounts.confirmed', { name: request.organisationName, account: request.bankAccount }));
      await refresh();
    },
  });
  const reject = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/bank-account-requests/{id}/rejection', { params: { path: { id: request.id } }, body: { reason: reason.trim() } })),
    onSuccess: async () => {
      onDone(t('officer:bankAccounts.rejected', { name: request.organisationName }));
      await refresh();
    },
  });
  const { byField } = useProblem(reject.error);
  const busy = confirm.isPending || reject.isPending;
  const headingId = `request-${request.id}`;

  function submitRejection(event: FormEvent) {
    event.preventDefault();
    if (!busy) reject.mutate();
  }

  return (
    <section className="desk-panel" aria-labelledby={headingId} data-testid="bank-account-request" data-organisation={request.organisationName}>
      <h2 id={headingId}>
        {request.organisationName} ({t('officer:bankAccounts.ico')} {request.ico})
      </h2>
      <dl className="facts">
        <dt>{t('officer:bankAccounts.previous')}</dt>
        <dd className="nowrap">{request.previousBankAccount ?? t('officer:bankAccounts.none')}</dd>
        <dt>{t('officer:bankAccounts.requested')}</dt>
        <dd className="nowrap">
          <strong>{request.bankAccount}</strong>
        </dd>
        <dt>{t('officer:bankAccounts.requestedBy')}</dt>
        <dd>
          {request.requestedBy.fullName}, <InstantText value={request.requestedAt} />
        </dd>
      </dl>
      <ProblemSummary error={confirm.error ?? reject.error} labels={{ reason: t('officer:bankAccounts.reason') }} />
      <div className="actions">
        <GovButton type="solid" color="primary" onClick={() => !busy && confirm.mutate()} disabled={busy} loading={confirm.isPending ? 'true' : undefined}>
          {t('officer:bankAccounts.confirm')}
        </GovButton>
      </div>
      <form noValidate onSubmit={submitRejection}>
        <TextField
          name={`reason-${request.id}`}
          label={t('officer:bankAccounts.reason')}
          required
          value={reason}
          errors={byField.get('reason')}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="actions">
          <GovButton nativeType="submit" type="outlined" color="primary" disabled={busy} loading={reject.isPending ? 'true' : undefined}>
            {t('officer:bankAccounts.reject')}
          </GovButton>
        </div>
      </form>
    </section>
  );
}
