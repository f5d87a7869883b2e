import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, newIdempotencyKey, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { DateText, InstantText, Loading, usePageTitle } from '../../../components/Display';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';
import { applicationBody, applicationFormOf, emptyApplicationForm, measureField, problemForForm, type ApplicationFormValues } from '../../../lib/application-form';
import { summariseBudget } from '../../../lib/budget';
import { formatCzk } from '../../../lib/format';
import type { PolicyCatalogue } from '../../../lib/measures-tree';
import { ApiError } from '../../../lib/problem';
import { forgetUnsaved, keepUnsaved, readUnsaved } from '../../../lib/unsaved-form';
import { BudgetEditor, BUDGET_FIELDS } from './BudgetEditor';
import { MeasurePicker } from './MeasurePicker';
import { joined } from '../../public/FieldMessages';
import '../../public/public.css';
import './form.css';

type Call = components['schemas']['CallResponse'];
type Application = components['schemas']['ApplicationResponse'];
type ApplicationBody = ReturnType<typeof applicationBody>;

/** Router state of the form's address: the same form instance after its draft was created, or the receipt after submitting. */
export interface FormLocationState {
  formKey?: string;
}

/** What the detail page receives after a successful submission (router state). */
export interface SubmittedState {
  submitted: { referenceNumber: string; submittedAt: string };
}

type Action = 'save' | 'submit';

/**
 * The application form: everything the call asks for, live budget totals and the share of costs,
 * the policy measures the call supports. "Save" keeps a draft (the API checks the content);
 * "Submit" saves and then submits, and shows every violation the API found next to its field.
 */
export function ApplicationForm({
  formKey,
  call,
  application,
  policy,
}: {
  formKey: string;
  call: Call;
  application: Application | null;
  policy: PolicyCatalogue;
}) {
  const { t, i18n } = useTranslation('applicant');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useLocation();
  const address = location.pathname + location.search;
  /** What was typed before the session ran out, kept for this address (see keepUnsaved). */
  const [restored] = useState(() => readUnsaved(window.sessionStorage, address));
  const [values, setValues] = useState<ApplicationFormValues>(() => restored ?? (application ? applicationFormOf(application) : emptyApplicationForm(call)));
  useEffect(() => {
    if (restored) forgetUnsaved(window.sessionStorage, address);
  }, [restored, address]);
  const [applicationId, setApplicationId] = useState<string | null>(application?.id ?? null);
  const [submitKey, setSubmitKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<unknown>(null);
  /** The measures as sent with the refused request: the API's `measureCodes[i]` is the i-th of these. */
  const [sentMeasures, setSentMeasures] = useState<string[]>([]);
  const [busy, setBusy] = useState<Action | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const busyRef = useRef(false);

  const title = application ? t('form.editTitle') : t('form.newTitle');
  usePageTitle(values.title.trim() ? `${title}: ${values.title.trim()}` : title);

  const part = call.parts.find((p) => p.code === values.partCode);
  const summary = summariseBudget(values.budgetLines, call, part);
  const labels = useMemo(() => {
    const entries: [string, string][] = [
      ['', t('form.fields.application')],
      ['callId', t('form.fields.call')],
      ['organisation.kind', t('form.fields.organisationKind')],
      ['partCode', t('form.fields.partCode')],
      ['title', t('form.fields.title')],
      ['summary', t('form.fields.summary')],
      ['justification', t('form.fields.justification')],
      ['startDate', t('form.fields.startDate')],
      ['endDate', t('form.fields.endDate')],
      ['targetGroups', t('form.fields.targetGroups')],
      ['districts', t('form.fields.districts')],
      ['contactPerson', t('form.fields.contactPerson')],
      ['contactPerson.name', t('form.fields.contactName')],
      ['contactPerson.email', t('form.fields.contactEmail')],
      ['contactPerson.phone', t('form.fields.contactPhone')],
      ['budgetLines', t('form.fields.budgetLines')],
      ['requestedCzk', t('form.fields.requestedCzk')],
      ['otherFundingCzk', t('form.fields.otherFundingCzk')],
      ['measureCodes', t('form.fields.measureCodes')],
      ['primaryMeasureCode', t('form.fields.primaryMeasureCode')],
    ];
    values.budgetLines.forEach((_, i) => {
      entries.push([`budgetLines[${i}]`, t('form.budget.line', { n: i + 1 })]);
      for (const field of BUDGET_FIELDS) {
        entries.push([`budgetLines[${i}].${field}`, t('form.fields.lineField', { n: i + 1, field: t(`form.budget.${field}`) })]);
      }
    });
    for (const code of new Set([...call.eligibleMeasureCodes, ...values.measureCodes])) {
      entries.push([measureField(code), t('form.fields.measure', { code })]);
    }
    return Object.fromEntries(entries);
  }, [t, values.budgetLines, values.measureCodes, call.eligibleMeasureCodes]);
  const fieldOrder = useMemo(() => Object.keys(labels), [labels]);
  const shownError = useMemo(
    () => (error instanceof ApiError ? new ApiError(error.status, problemForForm(error.problem, sentMeasures, fieldOrder)) : error),
    [error, sentMeasures, fieldOrder],
  );
  const { byField } = useProblem(shownError);
  const errorsOf = (field: string): string[] | undefined => byField.get(field);
  const set = <K extends keyof ApplicationFormValues>(key: K, value: ApplicationFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const save = useMutation({
    mutationFn: (body: ApplicationBody): Promise<Application> =>
      applicationId
        ? unwrap(api.PATCH('/api/v1/applications/{id}', { params: { path: { id: applicationId } }, body }))
        : unwrap(api.POST('/api/v1/applications', { body: { ...body, callId: call.id } })),
  });
  const submit = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/applications/{id}/submit', { params: { path: { id }, header: { 'Idempotency-Key': submitKey } } })),
  });

  async function run(action: Action) {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(action);
    setError(null);
    setSavedAt(null);
    const body = applicationBody(values);
    setSentMeasures(body.measureCodes);
    const created = applicationId === null;
    const finish = async (saved: Application | null, caught?: unknown) => {
      if (caught !== undefined) setError(caught);
      // The session is gone: the portal asks to sign in again and comes back here, where the form takes this back.
      if (caught instanceof ApiError && caught.status === 401) keepUnsaved(window.sessionStorage, address, values);
      busyRef.current = false;
      setBusy(null);
      // A new draft gets its own address, so a reload or the back button finds it (this form stays as it is).
      if (saved && created) await navigate(`/applicant/applications/${saved.id}/edit`, { replace: true, state: { formKey } satisfies FormLocationState });
    };

    let saved: Application;
    try {
      saved = await save.mutateAsync(body);
    } catch (caught) {
      await finish(null, caught);
      return;
    }
    setApplicationId(saved.id);
    queryClient.setQueryData(['applications', saved.id], saved);
    void queryClient.invalidateQueries({ queryKey: ['applications', 'list'] });
    if (action === 'save') {
      setSavedAt(saved.updatedAt);
      await finish(saved);
      return;
    }
    try {
      const receipt = await submit.mutateAsync(saved.id);
      setSubmitKey(newIdempotencyKey());
      busyRef.current = false;
      const state: SubmittedState = { submitted: { referenceNumber: receipt.referenceNumber, submittedAt: receipt.submittedAt } };
      await navigate(`/applicant/applications/${saved.id}`, { state });
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
    } catch (caught) {
      await finish(saved, caught);
    }
  }

  const status = application?.status ?? 'draft';

  return (
    <article className="application-form">
      <p className="back-link">
        <Link to="/applicant">{t('form.backToList')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">
        {t('form.forCall')} <Link to={`/calls/${call.id}`}>{call.title}</Link>
      </p>
      <WindowNotice call={call} application={application} />
      {restored && (
        <GovMessage color="warning" type="subtle">
          <p>{t('form.restored')}</p>
        </GovMessage>
      )}
      <ProblemSummary error={shownError} labels={labels} />
      <form
        noValidate
        aria-describedby="form-required-note"
        onSubmit={(event: FormEvent) => {
          // Enter in a field saves the draft; only the "Submit" button submits.
          event.preventDefault();
          void run('save');
        }}
      >
        <p id="form-required-note" className="muted">
          {t('form.requiredNote')}
        </p>

        <section aria-labelledby="section-project">
          <h2 id="section-project">{t('form.projectTitle')}</h2>
          <SelectField
            name="partCode"
            label={t('form.fields.partCode')}
            hint={part ? t('form.partHint', { min: formatCzk(part.minRequestCzk, i18n.language), max: formatCzk(part.maxRequestCzk, i18n.language) }) : undefined}
            required
            value={values.partCode}
            onChange={(e) => set('partCode', e.target.value)}
            errors={joined(errorsOf('partCode'))}
          >
            {!part && <option value="">{t('form.choosePart')}</option>}
            {call.parts.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <TextField name="title" label={t('form.fields.title')} required maxLength={300} value={values.title} onChange={(e) => set('title', e.target.value)} errors={joined(errorsOf('title'))} />
          <TextAreaField
            name="summary"
            label={t('form.fields.summary')}
            hint={t('form.summaryHint')}
            required
            rows={4}
            maxLength={4000}
            value={values.summary}
            onChange={(e) => set('summary', e.target.value)}
            errors={joined(errorsOf('summary'))}
          />
          <TextAreaField
            name="justification"
            label={t('form.fields.justification')}
            hint={t('form.justificationHint')}
            required
            rows={6}
            maxLength={20000}
            value={values.justification}
            onChange={(e) => set('justification', e.target.value)}
            errors={joined(errorsOf('justification'))}
          />
          <div className="grid-2">
            <TextField
              name="startDate"
              type="date"
              label={t('form.fields.startDate')}
              hint={t('form.dateHint', { year: call.year })}
              required
              value={values.startDate}
              onChange={(e) => set('startDate', e.target.value)}
              errors={joined(errorsOf('startDate'))}
            />
            <TextField
              name="endDate"
              type="date"
              label={t('form.fields.endDate')}
              hint={t('form.dateHint', { year: call.year })}
              required
              value={values.endDate}
              onChange={(e) => set('endDate', e.target.value)}
              errors={joined(errorsOf('endDate'))}
            />
          </div>
          <TextAreaField
            name="targetGroups"
            label={t('form.fields.targetGroups')}
            hint={t('form.targetGroupsHint')}
            required
            rows={2}
            value={values.targetGroups}
            onChange={(e) => set('targetGroups', e.target.value)}
            errors={joined(errorsOf('targetGroups'))}
          />
          <TextAreaField
            name="districts"
            label={t('form.fields.districts')}
            hint={t('form.districtsHint')}
            required
            rows={2}
            value={values.districts}
            onChange={(e) => set('districts', e.target.value)}
            errors={joined(errorsOf('districts'))}
          />
        </section>

        <section aria-labelledby="section-contact">
          <h2 id="section-contact">{t('form.contactTitle')}</h2>
          <div className="grid-3">
            <TextField
              name="contactPerson.name"
              label={t('form.fields.contactName')}
              required
              autoComplete="name"
              value={values.contactName}
              onChange={(e) => set('contactName', e.target.value)}
              errors={joined(errorsOf('contactPerson.name'))}
            />
            <TextField
              name="contactPerson.email"
              type="email"
              label={t('form.fields.contactEmail')}
              required
              autoComplete="email"
              value={values.contactEmail}
              onChange={(e) => set('contactEmail', e.target.value)}
              errors={joined(errorsOf('contactPerson.email'))}
            />
            <TextField
              name="contactPerson.phone"
              type="tel"
              label={t('form.fields.contactPhone')}
              hint={t('form.phoneHint')}
              required
              autoComplete="tel"
              value={values.contactPhone}
              onChange={(e) => set('contactPhone', e.target.value)}
              errors={joined(errorsOf('contactPerson.phone'))}
            />
          </div>
        </section>

        <BudgetEditor
          call={call}
          part={part}
          lines={values.budgetLines}
          otherFundingCzk={values.otherFundingCzk}
          summary={summary}
          errorsOf={errorsOf}
          onLines={(lines) => set('budgetLines', lines)}
          onOtherFunding={(value) => set('otherFundingCzk', value)}
        />

        <MeasurePicker
          policy={policy}
          eligible={call.eligibleMeasureCodes}
          chosen={values.measureCodes}
          primary={values.primaryMeasureCode}
          errorsOf={errorsOf}
          onChange={(measureCodes, primaryMeasureCode) => setValues((v) => ({ ...v, measureCodes, primaryMeasureCode }))}
        />

        <section aria-labelledby="section-send" className="form-send">
          <h2 id="section-send">{t('form.sendTitle')}</h2>
          <p>{status === 'correction_requested' ? t('form.sendCorrectionText') : t('form.sendText')}</p>
          {savedAt && (
            <GovMessage color="success" type="subtle">
              <p>
                {t('form.saved')} <InstantText value={savedAt} />
              </p>
            </GovMessage>
          )}
          <div className="actions">
            <GovButton nativeType="submit" type="outlined" color="primary" disabled={busy !== null} aria-disabled={busy !== null || undefined}>
              {t('form.save')}
            </GovButton>
            <GovButton
              nativeType="button"
              type="solid"
              color="primary"
              disabled={busy !== null}
              aria-disabled={busy !== null || undefined}
              onClick={() => void run('submit')}
            >
              {status === 'correction_requested' ? t('form.resubmit') : t('form.submit')}
            </GovButton>
            {busy && <Loading label={busy === 'save' ? t('form.saving') : t('form.submitting')} />}
          </div>
        </section>
      </form>
    </article>
  );
}

/** When the call's window says the draft cannot be submitted now, or the correction's deadline. */
function WindowNotice({ call, application }: { call: Call; application: Application | null }) {
  const { t } = useTranslation('applicant');
  if (application?.status === 'correction_requested') {
    return (
      <GovMessage color="warning" type="subtle">
        <p>
          <strong>{t('form.correctionNotice')}</strong> {t('form.correctionDue')} <DateText value={application.correctionDueOn} />.
        </p>
        <p>
          <Link to={`/applicant/applications/${application.id}`}>{t('form.correctionDefects')}</Link>
        </p>
      </GovMessage>
    );
  }
  if (call.status === 'announced') {
    return (
      <GovMessage color="primary" type="subtle">
        <p>
          {t('form.windowNotOpen')} <InstantText value={call.submissionOpensAt} />.
        </p>
      </GovMessage>
    );
  }
  if (call.status !== 'open') {
    return (
      <GovMessage color="warning" type="subtle">
        <p>
          {t('form.windowClosed')} <InstantText value={call.submissionClosesAt} />.
        </p>
      </GovMessage>
    );
  }
  return (
    <p className="muted">
      {t('form.windowOpen')} <InstantText value={call.submissionClosesAt} /> {t('form.pragueTime')}
    </p>
  );
}
