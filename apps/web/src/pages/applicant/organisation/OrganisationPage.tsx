import { isValidCzechBankAccount } from '@app/identity/domain/bank-account';
import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { InstantText, Loading, QueryError, usePageTitle } from '../../../components/Display';
import { TextField } from '../../../components/Field';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';

/**
 * `/applicant/organisation`: the organisation's registered bank account (grants
 * are contracted and paid to it) and the requests to change it. A change takes
 * effect only when an officer of the city confirms it.
 */
export function OrganisationPage() {
  const { t } = useTranslation('applicant');
  usePageTitle(t('organisation.title'));
  const { user } = useSession();
  const organisationId = user?.organisationId ?? '';
  const organisation = useQuery({
    queryKey: ['organisations', organisationId],
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id: organisationId } } })),
    enabled: organisationId !== '',
  });
  const requests = useQuery({
    queryKey: ['organisations', organisationId, 'bank-account-requests'],
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}/bank-account-requests', { params: { path: { id: organisationId } } })),
    enabled: organisationId !== '',
  });

  if (organisation.isPending || requests.isPending) return <Loading />;
  if (organisation.isError) return <QueryError error={organisation.error} onRetry={() => void organisation.refetch()} />;
  if (requests.isError) return <QueryError error={requests.error} onRetry={() => void requests.refetch()} />;
  const pending = requests.data.find((r) => r.status === 'pending');

  return (
    <>
      <h1>{t('organisation.title')}</h1>
      <dl className="facts" data-testid="organisation-facts">
        <dt>{t('organisation.name')}</dt>
        <dd>{organisation.data.name}</dd>
        <dt>{t('organisation.ico')}</dt>
        <dd>{organisation.data.ico}</dd>
        <dt>{t('organisation.bankAccount')}</dt>
        <dd data-testid="registered-account">{organisation.data.bankAccount ?? t('organisation.noBankAccount')}</dd>
      </dl>
      <p>{t('organisation.accountRule')}</p>
      {pending ? (
        <GovMessage color="warning" type="subtle">
          <p data-testid="pending-request">{t('organisation.pending', { account: pending.bankAccount })}</p>
        </GovMessage>
      ) : (
        <ChangeForm organisationId={organisationId} />
      )}
      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t('organisation.requests')}</h2>
        {requests.data.length === 0 ? (
          <p>{t('organisation.noRequests')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data" data-testid="bank-account-requests">
              <thead>
                <tr>
                  <th scope="col">{t('organisation.requestedAt')}</th>
                  <th scope="col">{t('organisation.newAccount')}</th>
                  <th scope="col">{t('organisation.state')}</th>
                  <th scope="col">{t('organisation.decision')}</th>
                </tr>
              </thead>
              <tbody>
                {requests.data.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <InstantText value={r.requestedAt} />
                      <br />
                      <span className="muted">{r.requestedBy.fullName}</span>
                    </td>
                    <td className="nowrap">{r.bankAccount}</td>
                    <td>{t(`organisation.status.${r.status}`)}</td>
                    <td>
                      {r.decidedBy && (
                        <>
                          <InstantText value={r.decidedAt} /> <span className="muted">{r.decidedBy.fullName}</span>
                        </>
                      )}
                      {r.rejectionReason && <p>{r.rejectionReason}</p>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function ChangeForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation('applicant');
  const queryClient = useQueryClient();
  const [bankAccount, setBankAccount] = useState('');
  const save = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/organisations/{id}/bank-account-requests', { params: { path: { id: organisationId } }, body: { bankAccount: bankAccount.trim() } })),
    onSuccess: async () => {
      setBankAccount('');
      await queryClient.invalidateQueries({ queryKey: ['organisations', organisationId] });
    },
  });
  const { byField } = useProblem(save.error);
  const looksWrong = bankAccount.trim() !== '' && !isValidCzechBankAccount(bankAccount.trim());

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="change-heading">
      <h2 id="change-heading">{t('organisation.change')}</h2>
      <ProblemSummary error={save.error} labels={{ bankAccount: t('organisation.newAccount') }} />
      <TextField
        name="bankAccount"
        label={t('organisation.newAccount')}
        hint={looksWrong ? t('organisation.looksWrong') : t('organisation.accountHint')}
        required
        value={bankAccount}
        errors={byField.get('bankAccount')}
        onChange={(e) => setBankAccount(e.target.value)}
      />
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" loading={save.isPending ? 'true' : undefined} disabled={save.isPending}>
          {t('organisation.submit')}
        </GovButton>
      </div>
    </form>
  );
}
