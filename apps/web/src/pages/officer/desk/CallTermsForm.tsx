import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { Loading } from '../../../components/Display';
import { SelectField, TextField } from '../../../components/Field';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';
import { announcementPreview } from '../../../lib/announcement';
import {
  emptyCriterion,
  emptyPart,
  messagesByValue,
  pragueLocalToIso,
  toCallPatch,
  toCallRequest,
  type ApplicantKind,
  type CallFormValues,
  type CriterionInput,
  type PartInput,
} from '../../../lib/call-terms';
import { formatDate, pragueToday } from '../../../lib/format';
import { CheckboxGroup, FieldMessages } from './fields';
import { MeasurePicker, usePolicyMeasures } from './MeasurePicker';
import './desk.css';

type Call = components['schemas']['CallResponse'];

const APPLICANT_KINDS: readonly ApplicantKind[] = ['ngo', 'district'];
const PART_FIELDS = ['code', 'name', 'allocationCzk', 'minRequestCzk', 'maxRequestCzk'] as const;
const CRITERION_FIELDS = ['code', 'name', 'maxPoints'] as const;

/**
 * Every term of a call, for a new draft (POST /calls) or a draft being changed
 * (PATCH /calls/:id). The API checks the terms and answers all problems at once;
 * the form keeps what was typed and shows each problem next to its field.
 */
export function CallTermsForm({
  initial,
  callId,
  programmeField,
  onSaved,
  cancel,
}: {
  initial: CallFormValues;
  /** The draft being changed; a new call when absent. */
  callId?: string;
  /** The programme: a choice for a new call, the programme's name for a draft (a call keeps its programme). */
  programmeField: (props: { value: string; onChange: (id: string) => void; errors?: string[] }) => ReactNode;
  onSaved: (call: Call) => void;
  cancel: ReactNode;
}) {
  const { t, i18n } = useTranslation(['officer', 'common']);
  const queryClient = useQueryClient();
  const measures = usePolicyMeasures();
  const [values, setValues] = useState(initial);
  /** The measures as last sent: the API's `eligibleMeasureCodes[i]` refers to this order. */
  const [sentMeasures, setSentMeasures] = useState<string[]>([]);
  const measureOrder = useMemo(() => measures.data?.measures.map((m) => m.code) ?? [], [measures.data]);

  const save = useMutation({
    mutationFn: async (form: CallFormValues): Promise<Call> => {
      if (callId) return unwrap(api.PATCH('/api/v1/calls/{id}', { params: { path: { id: callId } }, body: toCallPatch(form, measureOrder) }));
      return unwrap(api.POST('/api/v1/calls', { body: toCallRequest(form, measureOrder) }));
    },
    onSuccess: async (call) => {
      await queryClient.invalidateQueries({ queryKey: ['calls'] });
      queryClient.setQueryData(['calls', call.id], call);
      onSaved(call);
    },
  });
  const { byField } = useProblem(save.error);
  const err = (path: string) => byField.get(path);

  const set = <K extends keyof CallFormValues>(key: K, value: CallFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setPart = (i: number, key: keyof PartInput, value: string) =>
    setValues((v) => ({ ...v, parts: v.parts.map((p, j) => (j === i ? { ...p, [key]: value } : p)) }));
  const setCriterion = (i: number, key: keyof CriterionInput, value: string) =>
    setValues((v) => ({ ...v, criteria: v.criteria.map((c, j) => (j === i ? { ...c, [key]: value } : c)) }));
  const toggle = (key: 'eligibleApplicantKinds' | 'eligibleMeasureCodes', value: string, checked: boolean) =>
    setValues((v) => {
      const list = v[key] as string[];
      const next = checked ? (list.includes(value) ? list : [...list, value]) : list.filter((x) => x !== value);
      return { ...v, [key]: next };
    });
  // Rows renumber when one is removed: the last answer's messages would point at the wrong rows.
  const removeRow = (key: 'parts' | 'criteria', i: number) => {
    save.reset();
    setValues((v) => ({ ...v, [key]: (v[key] as unknown[]).filter((_, j) => j !== i) }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    setSentMeasures(toCallRequest(values, measureOrder).eligibleMeasureCodes);
    save.mutate(values);
  }

  const today = pragueToday();
  const preview = announcementPreview({
    announcedOn: values.announcedOn,
    submissionOpensAt: pragueLocalToIso(values.submissionOpensAt) ?? '',
    today,
  });

  const labels = useMemo(() => {
    const l: Record<string, string> = {
      programmeId: t('officer:callForm.programme'),
      title: t('officer:callForm.title'),
      announcedOn: t('officer:callForm.announcedOn'),
      submissionOpensAt: t('officer:callForm.submissionOpensAt'),
      submissionClosesAt: t('officer:callForm.submissionClosesAt'),
      decisionDueOn: t('officer:callForm.decisionDueOn'),
      settlementDueOn: t('officer:callForm.settlementDueOn'),
      eligibleApplicantKinds: t('officer:callForm.applicantKinds'),
      eligibleMeasureCodes: t('officer:callForm.measures'),
      maxApplicationsPerOrganisation: t('officer:callForm.maxApplicationsPerOrganisation'),
      minScore: t('officer:callForm.minScore'),
      quorum: t('officer:callForm.quorum'),
      maxRequestShareOfCostsPct: t('officer:callForm.maxRequestShareOfCostsPct'),
      rankingMethod: t('officer:callForm.rankingMethod'),
      parts: t('officer:callForm.parts'),
      criteria: t('officer:callForm.criteria'),
    };
    values.parts.forEach((_, i) => {
      for (const f of PART_FIELDS) l[`parts[${i}].${f}`] = t('officer:callForm.partField', { n: i + 1, field: t(`officer:callForm.part.${f}`) });
    });
    values.criteria.forEach((_, i) => {
      for (const f of CRITERION_FIELDS) l[`criteria[${i}].${f}`] = t('officer:callForm.criterionField', { n: i + 1, field: t(`officer:callForm.criterion.${f}`) });
    });
    sentMeasures.forEach((code, i) => (l[`eligibleMeasureCodes[${i}]`] = `${t('officer:callForm.measures')}: ${code}`));
    APPLICANT_KINDS.forEach((_, i) => (l[`eligibleApplicantKinds[${i}]`] = t('officer:callForm.applicantKinds')));
    return l;
  }, [t, values.parts, values.criteria, sentMeasures]);

  const sentKinds = APPLICANT_KINDS.filter((k) => values.eligibleApplicantKinds.includes(k));
  const kindErrors = messagesByValue('eligibleApplicantKinds', values.eligibleApplicantKinds, byField);

  return (
    <form noValidate onSubmit={submit} className="desk-form" aria-describedby="call-form-intro">
      <p id="call-form-intro" className="muted">
        {t('officer:callForm.intro')}
      </p>
      <ProblemSummary error={save.error} labels={labels} />

      <section aria-labelledby="call-basics">
        <h2 id="call-basics">{t('officer:callForm.basics')}</h2>
        {programmeField({ value: values.programmeId, onChange: (id) => set('programmeId', id), errors: err('programmeId') })}
        <TextField name="title" label={t('officer:callForm.title')} required value={values.title} errors={err('title')} onChange={(e) => set('title', e.target.value)} />
      </section>

      <section aria-labelledby="call-dates">
        <h2 id="call-dates">{t('officer:callForm.dates')}</h2>
        <GovMessage color="primary" type="subtle">
          <p>{t('officer:announce.rule', { days: preview.minDays })}</p>
          <p data-testid="earliest-opening">
            {t('officer:callForm.earliestOpening', { date: formatDate(preview.earliestOpeningOn, i18n.language) })}{' '}
            {preview.countsFrom === today ? t('officer:callForm.countsFromToday') : t('officer:callForm.countsFromAnnouncement')}
          </p>
        </GovMessage>
        <TextField
            name="announcedOn"
            type="date"
            label={t('officer:callForm.announcedOn')}
            hint={t('officer:callForm.announcedOnHint')}
            required
            value={values.announcedOn}
            errors={err('announcedOn')}
            onChange={(e) => set('announcedOn', e.target.value)}
          />
        <div className="grid-2">
          <TextField
            name="submissionOpensAt"
            type="datetime-local"
            label={t('officer:callForm.submissionOpensAt')}
            hint={t('officer:callForm.pragueTime')}
            required
            value={values.submissionOpensAt}
            errors={err('submissionOpensAt')}
            onChange={(e) => set('submissionOpensAt', e.target.value)}
          />
          <TextField
            name="submissionClosesAt"
            type="datetime-local"
            label={t('officer:callForm.submissionClosesAt')}
            hint={t('officer:callForm.pragueTime')}
            required
            value={values.submissionClosesAt}
            errors={err('submissionClosesAt')}
            onChange={(e) => set('submissionClosesAt', e.target.value)}
          />
          <TextField
            name="decisionDueOn"
            type="date"
            label={t('officer:callForm.decisionDueOn')}
            required
            value={values.decisionDueOn}
            errors={err('decisionDueOn')}
            onChange={(e) => set('decisionDueOn', e.target.value)}
          />
          <TextField
            name="settlementDueOn"
            type="date"
            label={t('officer:callForm.settlementDueOn')}
            hint={t('officer:callForm.settlementDueOnHint')}
            required
            value={values.settlementDueOn}
            errors={err('settlementDueOn')}
            onChange={(e) => set('settlementDueOn', e.target.value)}
          />
        </div>
        {preview.noticeKept === false && (
          <GovMessage color="warning" type="subtle">
            <p>{t('officer:callForm.noticeShort', { days: preview.minDays })}</p>
          </GovMessage>
        )}
      </section>

      <section aria-labelledby="call-applicants">
        <h2 id="call-applicants">{t('officer:callForm.applicants')}</h2>
        <CheckboxGroup
          name="eligibleApplicantKinds"
          legend={t('officer:callForm.applicantKinds')}
          required
          orientation="horizontal"
          options={APPLICANT_KINDS.map((kind) => ({ value: kind, label: t(`officer:kind.${kind}`), errors: kindErrors.get(kind) }))}
          selected={sentKinds}
          errors={err('eligibleApplicantKinds')}
          onToggle={(kind, checked) => toggle('eligibleApplicantKinds', kind, checked)}
        />
        <TextField
          name="maxApplicationsPerOrganisation"
          inputMode="numeric"
          label={t('officer:callForm.maxApplicationsPerOrganisation')}
          required
          value={values.maxApplicationsPerOrganisation}
          errors={err('maxApplicationsPerOrganisation')}
          onChange={(e) => set('maxApplicationsPerOrganisation', e.target.value)}
        />
        <TextField
          name="maxRequestShareOfCostsPct"
          inputMode="numeric"
          label={t('officer:callForm.maxRequestShareOfCostsPct')}
          hint={t('officer:callForm.maxRequestShareOfCostsPctHint')}
          required
          value={values.maxRequestShareOfCostsPct}
          errors={err('maxRequestShareOfCostsPct')}
          onChange={(e) => set('maxRequestShareOfCostsPct', e.target.value)}
        />
        <MeasurePicker
          selected={values.eligibleMeasureCodes}
          onToggle={(code, checked) => toggle('eligibleMeasureCodes', code, checked)}
          errors={err('eligibleMeasureCodes')}
          itemErrors={messagesByValue('eligibleMeasureCodes', sentMeasures, byField)}
        />
      </section>

      <section aria-labelledby="call-parts">
        <h2 id="call-parts">{t('officer:callForm.parts')}</h2>
        <p className="muted">{t('officer:callForm.partsHint')}</p>
        <FieldMessages name="parts" messages={err('parts')} />
        {values.parts.map((part, i) => (
          <fieldset key={i} className="desk-row">
            <legend>{t('officer:callForm.partLegend', { n: i + 1 })}</legend>
            <div className="desk-row__fields">
              {PART_FIELDS.map((f) => (
                <TextField
                  key={f}
                  name={`parts[${i}].${f}`}
                  label={t(`officer:callForm.part.${f}`)}
                  inputMode={f.endsWith('Czk') ? 'numeric' : undefined}
                  hint={f.endsWith('Czk') ? t('officer:callForm.wholeCzk') : undefined}
                  required
                  value={part[f]}
                  errors={err(`parts[${i}].${f}`)}
                  onChange={(e) => setPart(i, f, e.target.value)}
                />
              ))}
            </div>
            <FieldMessages name={`parts[${i}]`} messages={err(`parts[${i}]`)} />
            {values.parts.length > 1 && (
              <GovButton type="base" color="error" size="s" onClick={() => removeRow('parts', i)} aria-label={t('officer:callForm.removePart', { n: i + 1 })}>
                {t('common:actions.remove')}
              </GovButton>
            )}
          </fieldset>
        ))}
        <GovButton type="outlined" color="primary" size="s" onClick={() => set('parts', [...values.parts, emptyPart(String(values.parts.length + 1))])}>
          {t('officer:callForm.addPart')}
        </GovButton>
      </section>

      <section aria-labelledby="call-evaluation">
        <h2 id="call-evaluation">{t('officer:callForm.evaluation')}</h2>
        <FieldMessages name="criteria" messages={err('criteria')} />
        {values.criteria.map((criterion, i) => (
          <fieldset key={i} className="desk-row">
            <legend>{t('officer:callForm.criterionLegend', { n: i + 1 })}</legend>
            <div className="desk-row__fields desk-row__fields--criterion">
              {CRITERION_FIELDS.map((f) => (
                <TextField
                  key={f}
                  name={`criteria[${i}].${f}`}
                  label={t(`officer:callForm.criterion.${f}`)}
                  inputMode={f === 'maxPoints' ? 'numeric' : undefined}
                  required
                  value={criterion[f]}
                  errors={err(`criteria[${i}].${f}`)}
                  onChange={(e) => setCriterion(i, f, e.target.value)}
                />
              ))}
            </div>
            <FieldMessages name={`criteria[${i}]`} messages={err(`criteria[${i}]`)} />
            {values.criteria.length > 1 && (
              <GovButton
                type="base"
                color="error"
                size="s"
                onClick={() => removeRow('criteria', i)}
                aria-label={t('officer:callForm.removeCriterion', { n: i + 1 })}
              >
                {t('common:actions.remove')}
              </GovButton>
            )}
          </fieldset>
        ))}
        <GovButton
          type="outlined"
          color="primary"
          size="s"
          onClick={() => set('criteria', [...values.criteria, emptyCriterion(`K${values.criteria.length + 1}`)])}
        >
          {t('officer:callForm.addCriterion')}
        </GovButton>
        <div className="grid-2">
          <TextField
            name="minScore"
            inputMode="numeric"
            label={t('officer:callForm.minScore')}
            hint={t('officer:callForm.minScoreHint', { total: maxTotal(values.criteria) })}
            required
            value={values.minScore}
            errors={err('minScore')}
            onChange={(e) => set('minScore', e.target.value)}
          />
          <TextField
            name="quorum"
            inputMode="numeric"
            label={t('officer:callForm.quorum')}
            hint={t('officer:callForm.quorumHint')}
            required
            value={values.quorum}
            errors={err('quorum')}
            onChange={(e) => set('quorum', e.target.value)}
          />
          <SelectField
            name="rankingMethod"
            label={t('officer:callForm.rankingMethod')}
            hint={t(`officer:rankingMethodHint.${values.rankingMethod}`)}
            value={values.rankingMethod}
            errors={err('rankingMethod')}
            onChange={(e) => set('rankingMethod', e.target.value as CallFormValues['rankingMethod'])}
          >
            <option value="average">{t('officer:rankingMethod.average')}</option>
            <option value="normalised">{t('officer:rankingMethod.normalised')}</option>
          </SelectField>
        </div>
      </section>

      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" loading={save.isPending ? 'true' : undefined} disabled={save.isPending}>
          {callId ? t('officer:callForm.saveDraft') : t('officer:callForm.create')}
        </GovButton>
        {cancel}
        {save.isPending && <Loading label={t('common:state.saving')} />}
      </div>
    </form>
  );
}

/** The most points the criteria typed so far give (for the minimum score's hint). */
function maxTotal(criteria: readonly CriterionInput[]): number {
  return criteria.reduce((sum, c) => sum + (/^\d+$/.test(c.maxPoints.trim()) ? Number(c.maxPoints.trim()) : 0), 0);
}
