import { GovButton, GovFormLabel, GovFormMessage, GovFormRadio } from '@gov-design-system-ce/react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { useSession } from '../../auth/session';
import { Loading, usePageTitle } from '../../components/Display';
import { TextField } from '../../components/Field';
import { ProblemSummary, useProblem } from '../../components/ProblemSummary';
import { fieldId } from '../../lib/field-id';
import { checkTypedBankAccount, checkTypedIco, compactBankAccount, compactIco, type TypedCheck } from '../../lib/registration';
import { FieldMessages, joined } from './FieldMessages';
import './public.css';

type RegisterRequest = components['schemas']['RegisterRequest'];
type Kind = RegisterRequest['organisation']['kind'];

interface Values {
  kind: Kind | '';
  name: string;
  ico: string;
  legalForm: string;
  street: string;
  city: string;
  postalCode: string;
  bankAccount: string;
  fullName: string;
  email: string;
  password: string;
}

/** Each form value and the API field it is sent as (the ids the problem summary links to). */
const FIELDS: Record<keyof Values, string> = {
  kind: 'organisation.kind',
  name: 'organisation.name',
  ico: 'organisation.ico',
  legalForm: 'organisation.legalForm',
  street: 'organisation.address.street',
  city: 'organisation.address.city',
  postalCode: 'organisation.address.postalCode',
  bankAccount: 'organisation.bankAccount',
  fullName: 'user.fullName',
  email: 'user.email',
  password: 'user.password',
};

const LEGAL_FORMS = ['z. s.', 'o. p. s.', 'z. ú.', 'nadace', 'nadační fond', 'církevní právnická osoba'];
const MIN_PASSWORD = 12;

function requestOf(values: Values): RegisterRequest {
  const bankAccount = compactBankAccount(values.bankAccount);
  return {
    organisation: {
      // Left unchosen, the API names the field; the portal does not pick one for the user.
      kind: (values.kind || undefined) as Kind,
      name: values.name.trim(),
      ico: compactIco(values.ico),
      ...(values.legalForm.trim() ? { legalForm: values.legalForm.trim() } : {}),
      address: { street: values.street.trim(), city: values.city.trim(), postalCode: values.postalCode.trim() },
      ...(bankAccount ? { bankAccount } : {}),
    },
    user: { fullName: values.fullName.trim(), email: values.email.trim(), password: values.password },
  };
}

/** Registration of an NGO or a city district with its first user; signs in and opens the applicant's desk. */
export function RegisterPage() {
  const { t } = useTranslation('public');
  usePageTitle(t('register.title'));
  const { login } = useSession();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>({
    kind: '',
    name: '',
    ico: '',
    legalForm: '',
    street: '',
    city: '',
    postalCode: '',
    bankAccount: '',
    fullName: '',
    email: '',
    password: '',
  });
  /** Fields the person has left once: only then is a half-typed IČO or account called incomplete. */
  const [left, setLeft] = useState<ReadonlySet<keyof Values>>(new Set());
  /** Fields changed since the server's answer: its messages no longer describe them. */
  const [changed, setChanged] = useState<ReadonlySet<keyof Values>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const register = useMutation({ mutationFn: (body: RegisterRequest) => unwrap(api.POST('/api/v1/auth/register', { body })) });
  const { byField } = useProblem(error);

  const set = (key: keyof Values) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (error) setChanged((c) => new Set(c).add(key));
  };
  const leave = (key: keyof Values) => () => setLeft((l) => (l.has(key) ? l : new Set(l).add(key)));
  const serverErrors = (key: keyof Values): string[] => (changed.has(key) ? [] : (byField.get(FIELDS[key]) ?? []));

  const icoCheck = checkTypedIco(values.ico);
  const accountCheck = checkTypedBankAccount(values.bankAccount);
  const typedMessage = (check: TypedCheck, key: 'ico' | 'bankAccount'): string[] => {
    if (check.state === 'invalid') return [t(`register.${key}Check.${check.reason}`)];
    if (check.state === 'incomplete' && left.has(key)) return [t(`register.${key}Check.incomplete`)];
    return [];
  };
  const typedValid = (check: TypedCheck, key: 'ico' | 'bankAccount') =>
    check.state === 'valid' ? (
      <GovFormMessage color="success" identifier={`${fieldId(FIELDS[key])}-valid`}>
        {t(`register.${key}Check.valid`)}
      </GovFormMessage>
    ) : null;

  const labels: Record<string, string> = Object.fromEntries(Object.entries(FIELDS).map(([key, field]) => [field, t(`register.fields.${key}`)]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setChanged(new Set());
    const body = requestOf(values);
    try {
      await register.mutateAsync(body);
    } catch (caught) {
      setError(caught);
      setBusy(false);
      return;
    }
    try {
      await login(body.user.email, body.user.password);
      await navigate('/applicant', { replace: true, state: { registered: body.organisation.name } });
    } catch {
      // Registered, but the sign-in did not go through: the sign-in page says what to do.
      await navigate('/login?next=%2Fapplicant', { replace: true });
    }
  }

  return (
    <section className="register">
      <h1>{t('register.title')}</h1>
      <p className="lead">{t('register.intro')}</p>
      <ProblemSummary error={error} labels={labels} />
      <form noValidate onSubmit={(event) => void submit(event)} aria-describedby="register-required-note">
        <p id="register-required-note" className="muted">
          {t('register.requiredNote')}
        </p>
        <h2>{t('register.organisationTitle')}</h2>
        <div className="gov-form-control" data-invalid={serverErrors('kind').length > 0}>
          <fieldset id={fieldId(FIELDS.kind)} tabIndex={-1} className="gov-form-control__holder choice-group" aria-describedby={serverErrors('kind').length ? `${fieldId(FIELDS.kind)}-error` : undefined}>
            <legend className="gov-form-label__label">
              {t('register.fields.kind')}
              <span className="gov-color--text-status-error">&nbsp;*</span>
            </legend>
            {(['ngo', 'district'] as const).map((kind) => (
              <GovFormRadio size="m" key={kind} name="organisation.kind" value={kind} checked={values.kind === kind} onChange={() => set('kind')(kind)} required>
                <GovFormLabel>{t(`register.kind.${kind}`)}</GovFormLabel>
              </GovFormRadio>
            ))}
            <FieldMessages identifier={`${fieldId(FIELDS.kind)}-error`} messages={serverErrors('kind')} />
          </fieldset>
        </div>
        <TextField
          name={FIELDS.name}
          label={t('register.fields.name')}
          hint={t('register.nameHint')}
          required
          autoComplete="organization"
          value={values.name}
          onChange={(e) => set('name')(e.target.value)}
          errors={joined(serverErrors('name'))}
        />
        <div className="grid-2">
          <div>
            <TextField
              name={FIELDS.ico}
              label={t('register.fields.ico')}
              hint={t('register.icoHint')}
              required
              inputMode="numeric"
              autoComplete="off"
              value={values.ico}
              onChange={(e) => set('ico')(e.target.value)}
              onBlur={leave('ico')}
              errors={joined([...typedMessage(icoCheck, 'ico'), ...serverErrors('ico')])}
            />
            {typedValid(icoCheck, 'ico')}
          </div>
          <TextField
            name={FIELDS.legalForm}
            label={t('register.fields.legalForm')}
            hint={t('register.legalFormHint')}
            list="legal-forms"
            autoComplete="off"
            value={values.legalForm}
            onChange={(e) => set('legalForm')(e.target.value)}
            errors={joined(serverErrors('legalForm'))}
          />
        </div>
        <datalist id="legal-forms">
          {LEGAL_FORMS.map((form) => (
            <option key={form} value={form} />
          ))}
        </datalist>
        <h3>{t('register.addressTitle')}</h3>
        <TextField
          name={FIELDS.street}
          label={t('register.fields.street')}
          hint={t('register.streetHint')}
          required
          autoComplete="street-address"
          value={values.street}
          onChange={(e) => set('street')(e.target.value)}
          errors={joined(serverErrors('street'))}
        />
        <div className="grid-2">
          <TextField
            name={FIELDS.city}
            label={t('register.fields.city')}
            hint={t('register.cityHint')}
            required
            autoComplete="address-level2"
            value={values.city}
            onChange={(e) => set('city')(e.target.value)}
            errors={joined(serverErrors('city'))}
          />
          <TextField
            name={FIELDS.postalCode}
            label={t('register.fields.postalCode')}
            hint={t('register.postalCodeHint')}
            required
            inputMode="numeric"
            autoComplete="postal-code"
            value={values.postalCode}
            onChange={(e) => set('postalCode')(e.target.value)}
            errors={joined(serverErrors('postalCode'))}
          />
        </div>
        <div>
          <TextField
            name={FIELDS.bankAccount}
            label={t('register.fields.bankAccount')}
            hint={t('register.bankAccountHint')}
            autoComplete="off"
            value={values.bankAccount}
            onChange={(e) => set('bankAccount')(e.target.value)}
            onBlur={leave('bankAccount')}
            errors={joined([...typedMessage(accountCheck, 'bankAccount'), ...serverErrors('bankAccount')])}
          />
          {typedValid(accountCheck, 'bankAccount')}
        </div>

        <h2>{t('register.userTitle')}</h2>
        <TextField
          name={FIELDS.fullName}
          label={t('register.fields.fullName')}
          required
          autoComplete="name"
          value={values.fullName}
          onChange={(e) => set('fullName')(e.target.value)}
          errors={joined(serverErrors('fullName'))}
        />
        <TextField
          name={FIELDS.email}
          type="email"
          label={t('register.fields.email')}
          hint={t('register.emailHint')}
          required
          autoComplete="email"
          value={values.email}
          onChange={(e) => set('email')(e.target.value)}
          errors={joined(serverErrors('email'))}
        />
        <TextField
          name={FIELDS.password}
          type="password"
          label={t('register.fields.password')}
          hint={t('register.passwordHint', { min: MIN_PASSWORD, n: values.password.length })}
          required
          autoComplete="new-password"
          value={values.password}
          onChange={(e) => set('password')(e.target.value)}
          errors={joined(serverErrors('password'))}
          showPasswordLabel={t('common:login.showPassword')}
          hidePasswordLabel={t('common:login.hidePassword')}
        />
        <div className="actions">
          <GovButton nativeType="submit" type="solid" color="primary" aria-disabled={busy || undefined} disabled={busy}>
            {t('register.submit')}
          </GovButton>
          {busy && <Loading label={t('register.sending')} />}
        </div>
      </form>
      <p>
        {t('register.haveAccount')} <Link to="/login">{t('register.signIn')}</Link>
      </p>
    </section>
  );
}
