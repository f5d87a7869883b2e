import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { Czk, DateText, Loading } from '../../components/Display';
import { TextField } from '../../components/Field';
import { ProblemSummary, useProblem } from '../../components/ProblemSummary';
import { parseCzk } from '../../lib/budget';
import { moneyFormProblems } from '../../lib/budget-money';
import { pragueToday } from '../../lib/format';

type Payment = components['schemas']['PaymentResponse'];
type MoneyReturn = components['schemas']['ReturnResponse'];

/** What was typed as the API's amount: whole CZK, or NaN (sent as null) so the API names the problem on the field. */
const amountForApi = (typed: string): number => parseCzk(typed) ?? Number.NaN;

/** After money moved, everything that shows it is stale: the application, its ledger, the call's budget and reports. */
export function useMoneyMoved() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['applications'] }),
      queryClient.invalidateQueries({ queryKey: ['calls'] }),
      queryClient.invalidateQueries({ queryKey: ['reports'] }),
    ]);
}

/*
 * The two forms share the money page, so their fields are named under a prefix (`payment.amountCzk`,
 * `return.amountCzk`) and the API's field paths are given the same prefix (moneyFormProblems).
 */

/**
 * One form instance, one Idempotency-Key: resends of this form (a double click, a retry
 * after a lost answer) carry the same key, so the API records the payment once; the key
 * is renewed only after a success. A second submit while one is on its way is ignored.
 */
function useOnceAtATime() {
  const [key, setKey] = useState(newIdempotencyKey);
  const sending = useRef(false);
  return {
    key,
    renew: () => setKey(newIdempotencyKey()),
    begin: () => {
      if (sending.current) return false;
      sending.current = true;
      return true;
    },
    end: () => {
      sending.current = false;
    },
  };
}

export function PaymentForm({ applicationId, remainingCzk }: { applicationId: string; remainingCzk: number }) {
  const { t } = useTranslation('budget');
  const once = useOnceAtATime();
  const moneyMoved = useMoneyMoved();
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(() => pragueToday());
  const [reference, setReference] = useState('');
  const [recorded, setRecorded] = useState<Payment | null>(null);
  const mutation = useMutation({
    mutationFn: (body: components['schemas']['PaymentRequest']) =>
      unwrap(api.POST('/api/v1/applications/{id}/payments', { params: { path: { id: applicationId }, header: { 'Idempotency-Key': once.key } }, body })),
    onSuccess: async (payment) => {
      setRecorded(payment);
      setAmount('');
      setReference('');
      once.renew();
      await moneyMoved();
    },
    onSettled: once.end,
  });
  const error = moneyFormProblems(mutation.error, 'payment', 'amountCzk');
  const { byField } = useProblem(error);
  const labels = { 'payment.amountCzk': t('payment.amount'), 'payment.paidOn': t('payment.paidOn'), 'payment.paymentReference': t('payment.reference') };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!once.begin()) return;
    setRecorded(null);
    mutation.mutate({ amountCzk: amountForApi(amount), paidOn, paymentReference: reference });
  }

  return (
    <form noValidate onSubmit={submit} className="narrow" aria-labelledby="payment-heading" data-testid="payment-form">
      <h3 id="payment-heading">{t('payment.heading')}</h3>
      <ProblemSummary error={error} labels={labels} />
      <div aria-live="polite" data-testid="payment-recorded">
        {recorded && (
          <GovMessage color="success" type="subtle">
            <p>
              {t('payment.recorded', { reference: recorded.paymentReference })} <Czk value={recorded.amountCzk} />, <DateText value={recorded.paidOn} />,{' '}
              {t('payment.toAccount', { account: recorded.bankAccount })}
            </p>
            <p>
              {t('payment.totals')} <Czk value={recorded.paidTotalCzk} /> / <Czk value={recorded.awardCzk} />
            </p>
          </GovMessage>
        )}
      </div>
      <TextField
        name="payment.amountCzk"
        label={labels['payment.amountCzk']}
        required
        inputMode="numeric"
        autoComplete="off"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        hint={<>{t('payment.amountHint')} <Czk value={remainingCzk} /></>}
        errors={byField.get('payment.amountCzk')}
      />
      <TextField
        name="payment.paidOn"
        type="date"
        label={labels['payment.paidOn']}
        required
        value={paidOn}
        onChange={(e) => setPaidOn(e.target.value)}
        errors={byField.get('payment.paidOn')}
      />
      <TextField
        name="payment.paymentReference"
        label={labels['payment.paymentReference']}
        required
        autoComplete="off"
        hint={t('payment.referenceHint')}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        errors={byField.get('payment.paymentReference')}
      />
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" aria-disabled={mutation.isPending} disabled={mutation.isPending}>
          {t('payment.submit')}
        </GovButton>
        {mutation.isPending && <Loading label={t('payment.sending')} />}
      </div>
    </form>
  );
}

export function ReturnForm({ applicationId, returnDueCzk }: { applicationId: string; returnDueCzk: number }) {
  const { t } = useTranslation('budget');
  const once = useOnceAtATime();
  const moneyMoved = useMoneyMoved();
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(() => pragueToday());
  const [reference, setReference] = useState('');
  const [recorded, setRecorded] = useState<MoneyReturn | null>(null);
  const mutation = useMutation({
    mutationFn: (body: components['schemas']['ReturnRequest']) =>
      unwrap(api.POST('/api/v1/applications/{id}/returns', { params: { path: { id: applicationId }, header: { 'Idempotency-Key': once.key } }, body })),
    onSuccess: async (received) => {
      setRecorded(received);
      setAmount('');
      setReference('');
      once.renew();
      await moneyMoved();
    },
    onSettled: once.end,
  });
  const error = moneyFormProblems(mutation.error, 'return', 'amountCzk');
  const { byField } = useProblem(error);
  const labels = { 'return.amountCzk': t('return.amount'), 'return.receivedOn': t('return.receivedOn'), 'return.reference': t('return.reference') };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!once.begin()) return;
    setRecorded(null);
    mutation.mutate({ amountCzk: amountForApi(amount), receivedOn, reference });
  }

  return (
    <form noValidate onSubmit={submit} className="narrow" aria-labelledby="return-heading" data-testid="return-form">
      <h3 id="return-heading">{t('return.heading')}</h3>
      <ProblemSummary error={error} labels={labels} />
      <div aria-live="polite" data-testid="return-recorded">
        {recorded && (
          <GovMessage color="success" type="subtle">
            <p>
              {t('return.recorded', { reference: recorded.reference })} <Czk value={recorded.amountCzk} />, <DateText value={recorded.receivedOn} />
            </p>
            <p>
              {t('return.stillDue')} <Czk value={recorded.returnDueCzk} />
            </p>
            {recorded.penaltyLeviedCzk > 0 && (
              <p>
                {t('return.penaltyLevied')} <Czk value={recorded.penaltyLeviedCzk} />
              </p>
              )}
              {recorded.penaltyDueCzk > 0 && (
                <p>
                  {t('return.penaltyDue')} <Czk value={recorded.penaltyDueCzk} />
                </p>
              )}
            </GovMessage>
        )}
      </div>
      <TextField
        name="return.amountCzk"
        label={labels['return.amountCzk']}
        required
        inputMode="numeric"
        autoComplete="off"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        hint={<>{t('return.amountHint')} <Czk value={returnDueCzk} /></>}
        errors={byField.get('return.amountCzk')}
      />
      <TextField
        name="return.receivedOn"
        type="date"
        label={labels['return.receivedOn']}
        required
        value={receivedOn}
        onChange={(e) => setReceivedOn(e.target.value)}
        errors={byField.get('return.receivedOn')}
      />
      <TextField
        name="return.reference"
        label={labels['return.reference']}
        required
        autoComplete="off"
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        errors={byField.get('return.reference')}
      />
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" aria-disabled={mutation.isPending} disabled={mutation.isPending}>
          {t('return.submit')}
        </GovButton>
        {mutation.isPending && <Loading label={t('return.sending')} />}
      </div>
    </form>
  );
}
