import { isValidCzechBankAccount } from '@app/identity/domain/bank-account';
import { GovButton } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { Czk, DateText, Loading } from '../../../components/Display';
import { TextField } from '../../../components/Field';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';
import { pragueToday } from '../../../lib/format';

type Application = components['schemas']['ApplicationResponse'];
/** The contract as the application shows it (GET /applications/:id `contract`). */
type Contract = components['schemas']['ContractRecordResponse'];

/** The contract's settlement deadline can be amended until the settlement is reviewed (else 409 CONTRACT_NOT_EDITABLE). */
const DEADLINE_EDITABLE: readonly Application['status'][] = ['contracted', 'settlement_submitted'];

/**
 * The public-law contract of an approved grant (POST /applications/:id/contract)
 * and, for a contract the API says must be published (over CZK 50,000, §10d: within
 * 30 days of signature; `publicationDueOn`), its publication in the register.
 */
export function ContractPanel({
  application,
  contract,
  defaultBankAccount,
  onDone,
}: {
  application: Application;
  contract: Contract | null;
  defaultBankAccount?: string | null;
  /** Told what was done once the API accepted it. */
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation(['officer', 'common']);
  if (!contract) {
    return application.status === 'approved' ? <ContractForm application={application} defaultBankAccount={defaultBankAccount ?? ''} onDone={onDone} /> : null;
  }
  return (
    <section className="desk-panel" aria-labelledby="contract-heading">
      <h2 id="contract-heading">{t('officer:contract.heading')}</h2>
      <ContractFacts contract={contract} />
      {DEADLINE_EDITABLE.includes(application.status) && <SettlementDeadlineForm application={application} contract={contract} onDone={onDone} />}
      {contract.publicationDueOn && !contract.publishedOn && <PublicationForm application={application} contract={contract} onDone={onDone} />}
    </section>
  );
}

function ContractFacts({ contract }: { contract: Contract }) {
  const { t } = useTranslation(['officer', 'common']);
  return (
    <dl className="facts" data-testid="contract-facts">
      <dt>{t('officer:contract.number')}</dt>
      <dd>{contract.contractNumber}</dd>
      <dt>{t('officer:contract.signedOn')}</dt>
      <dd>
        <DateText value={contract.signedOn} />
      </dd>
      <dt>{t('officer:contract.bankAccount')}</dt>
      <dd>{contract.bankAccount}</dd>
      <dt>{t('officer:contract.amount')}</dt>
      <dd>
        <Czk value={contract.amountCzk} />
      </dd>
      <dt>{t('officer:contract.settlementDueOn')}</dt>
      <dd data-testid="contract-settlement-due">
        <DateText value={contract.settlementDueOn} />
      </dd>
      <dt>{t('officer:contract.publication')}</dt>
      <dd>
        {contract.publishedOn ? (
          <>
            {t('officer:contract.publishedOn')} <DateText value={contract.publishedOn} />
            {contract.url && (
              <>
                {' '}
                — <a href={contract.url}>{contract.url}</a>
              </>
            )}
          </>
        ) : contract.publicationDueOn ? (
          <>
            {t('officer:contract.publicationDue')} <strong>
              <DateText value={contract.publicationDueOn} />
            </strong> {t('officer:contract.publicationRule')}
          </>
        ) : (
          t('officer:contract.publicationNotRequired')
        )}
      </dd>
    </dl>
  );
}

function ContractForm({ application, defaultBankAccount, onDone }: { application: Application; defaultBankAccount: string; onDone: (message: string) => void }) {
  const { t } = useTranslation(['officer', 'common']);
  const queryClient = useQueryClient();
  const [contractNumber, setContractNumber] = useState('');
  const [signedOn, setSignedOn] = useState(pragueToday());
  const [bankAccount, setBankAccount] = useState(defaultBankAccount);
  const [settlementDueOn, setSettlementDueOn] = useState('');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/applications/{id}/contract', {
          params: { path: { id: application.id } },
          // Left empty: the call's settlement deadline.
          body: { contractNumber: contractNumber.trim(), signedOn, bankAccount: bankAccount.trim(), ...(settlementDueOn ? { settlementDueOn } : {}) },
        }),
      ),
    onSuccess: async () => {
      onDone(t('officer:contract.saved'));
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
    },
  });
  const { byField } = useProblem(save.error);
  const accountLooksWrong = bankAccount.trim() !== '' && !isValidCzechBankAccount(bankAccount.trim());

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  }

  return (
    <form noValidate onSubmit={submit} className="desk-panel" aria-labelledby="contract-heading">
      <h2 id="contract-heading">{t('officer:contract.heading')}</h2>
      <p>{t('officer:contract.intro')}</p>
      <ProblemSummary
        error={save.error}
        labels={{
          contractNumber: t('officer:contract.number'),
          signedOn: t('officer:contract.signedOn'),
          bankAccount: t('officer:contract.bankAccount'),
          settlementDueOn: t('officer:contract.settlementDueOn'),
        }}
      />
      <div className="grid-2">
        <TextField
          name="contractNumber"
          label={t('officer:contract.number')}
          required
          value={contractNumber}
          errors={byField.get('contractNumber')}
          onChange={(e) => setContractNumber(e.target.value)}
        />
        <TextField
          name="signedOn"
          type="date"
          label={t('officer:contract.signedOn')}
          required
          value={signedOn}
          errors={byField.get('signedOn')}
          onChange={(e) => setSignedOn(e.target.value)}
        />
      </div>
      <TextField
        name="bankAccount"
        label={t('officer:contract.bankAccount')}
        hint={accountLooksWrong ? t('officer:contract.bankAccountLooksWrong') : t('officer:contract.bankAccountHint')}
        required
        value={bankAccount}
        errors={byField.get('bankAccount')}
        onChange={(e) => setBankAccount(e.target.value)}
      />
      <TextField
        name="settlementDueOn"
        type="date"
        label={t('officer:contract.settlementDueOn')}
        hint={t('officer:contract.settlementDueOnHint')}
        value={settlementDueOn}
        errors={byField.get('settlementDueOn')}
        onChange={(e) => setSettlementDueOn(e.target.value)}
      />
      <p className="muted">{t('officer:contract.publicationRuleLong')}</p>
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" loading={save.isPending ? 'true' : undefined} disabled={save.isPending}>
          {t('officer:contract.submit')}
        </GovButton>
        {save.isPending && <Loading label={t('common:state.saving')} />}
      </div>
    </form>
  );
}

function PublicationForm({ application, contract, onDone }: { application: Application; contract: Contract; onDone: (message: string) => void }) {
  const { t } = useTranslation(['officer', 'common']);
  const queryClient = useQueryClient();
  const [publishedOn, setPublishedOn] = useState(pragueToday());
  const [url, setUrl] = useState('');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/applications/{id}/contract/publication', {
          params: { path: { id: application.id } },
          body: { publishedOn, url: url.trim() },
        }),
      ),
    onSuccess: async () => {
      onDone(t('officer:publication.saved'));
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
    },
  });
  const { byField } = useProblem(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="publication-heading">
      <h3 id="publication-heading">{t('officer:publication.heading')}</h3>
      <p>
        {t('officer:publication.intro')} <DateText value={contract.publicationDueOn} />.
      </p>
      <ProblemSummary error={save.error} labels={{ publishedOn: t('officer:publication.publishedOn'), url: t('officer:publication.url') }} />
      <div className="grid-2">
        <TextField
          name="publishedOn"
          type="date"
          label={t('officer:publication.publishedOn')}
          required
          value={publishedOn}
          errors={byField.get('publishedOn')}
          onChange={(e) => setPublishedOn(e.target.value)}
        />
        <TextField
          name="url"
          type="url"
          label={t('officer:publication.url')}
          hint={t('officer:publication.urlHint')}
          required
          value={url}
          errors={byField.get('url')}
          onChange={(e) => setUrl(e.target.value)}
        />
      </div>
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" loading={save.isPending ? 'true' : undefined} disabled={save.isPending}>
          {t('officer:publication.submit')}
        </GovButton>
        {save.isPending && <Loading label={t('common:state.saving')} />}
      </div>
    </form>
  );
}

/** An amendment of the settlement deadline (PATCH /applications/:id/contract), until the settlement is reviewed. */
function SettlementDeadlineForm({ application, contract, onDone }: { application: Application; contract: Contract; onDone: (message: string) => void }) {
  const { t } = useTranslation(['officer', 'common']);
  const queryClient = useQueryClient();
  const [settlementDueOn, setSettlementDueOn] = useState(contract.settlementDueOn);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/applications/{id}/contract', {
          params: { path: { id: application.id } },
          body: { settlementDueOn },
        }),
      ),
    onSuccess: async () => {
      onDone(t('officer:contract.deadlineSaved'));
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
    },
  });
  const { byField } = useProblem(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="deadline-heading">
      <h3 id="deadline-heading">{t('officer:contract.deadlineHeading')}</h3>
      <p>{t('officer:contract.deadlineIntro')}</p>
      <ProblemSummary error={save.error} labels={{ settlementDueOn: t('officer:contract.settlementDueOn') }} />
      <TextField
        name="settlementDueOn"
        type="date"
        label={t('officer:contract.settlementDueOn')}
        required
        value={settlementDueOn}
        errors={byField.get('settlementDueOn')}
        onChange={(e) => setSettlementDueOn(e.target.value)}
      />
      <div className="actions">
        <GovButton nativeType="submit" type="outlined" color="primary" loading={save.isPending ? 'true' : undefined} disabled={save.isPending}>
          {t('officer:contract.deadlineSubmit')}
        </GovButton>
        {save.isPending && <Loading label={t('common:state.saving')} />}
      </div>
    </form>
  );
}
