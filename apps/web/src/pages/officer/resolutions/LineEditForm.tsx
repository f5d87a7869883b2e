import { GovButton, GovMessage } from '@gov-design-system-ce/react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { Loading } from '../../../components/Display';
import { TextAreaField, TextField } from '../../../components/Field';
import { ProblemSummary, useProblem } from '../../../components/ProblemSummary';
import { formatCzk } from '../../../lib/format';
import { ApiError } from '../../../lib/problem';
import { formDeviates, lineEditRequest, lineForm, type LineOutcome, type Resolution, type ResolutionLine } from '../../../lib/resolutions';
import { FieldMessages, RadioGroup } from '../desk/fields';

/**
 * One annex line edited (PATCH /resolutions/:id/lines/:applicationId with the draft's
 * version): approve with an amount (and, deviating from the commission, its reason)
 * or reject with a reason. The API's answer is shown where it belongs: the amount
 * above the request and the part's allocation exceeded (the part named) at the
 * amount, the missing deviation reason at its field, a draft changed meanwhile with
 * a way to reload it.
 */
export function LineEditForm({
  resolution,
  line,
  onSaved,
  onCancel,
  onReload,
}: {
  resolution: Resolution;
  line: ResolutionLine;
  onSaved: (saved: { view: Resolution; movedToResolutionId: string | null }) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation(['officer', 'common', 'errors']);
  const [form, setForm] = useState(() => lineForm(line));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/resolutions/{id}/lines/{applicationId}', {
          params: { path: { id: resolution.id, applicationId: line.applicationId } },
          body: lineEditRequest(form, line, resolution.version),
        }),
      ),
    onSuccess: (saved) => onSaved({ view: saved, movedToResolutionId: saved.movedToResolutionId }),
  });
  const { byField } = useProblem(save.error);
  const code = save.error instanceof ApiError ? save.error.problem.code : null;
  const deviates = formDeviates(form, line) || (form.outcome === 'approved' && code === 'DEVIATION_REASON_REQUIRED');
  const partName = (partCode: string) => {
    const part = resolution.parts.find((p) => p.code === partCode);
    return t('officer:resolution.partName', { code: partCode, name: part?.name ?? '' });
  };
  const partProblems = [...byField.entries()].filter(([field]) => field.startsWith('parts.'));
  const labels: Record<string, string> = {
    outcome: t('officer:resolution.outcome'),
    amountCzk: t('officer:resolution.amount'),
    reason: t('officer:resolution.reason'),
    deviationReason: t('officer:resolution.deviationReason'),
    version: t('officer:resolution.version'),
    ...Object.fromEntries(partProblems.map(([field]) => [field, partName(field.slice('parts.'.length))])),
  };
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  }

  const label = `${line.referenceNumber} ${line.title}`;
  return (
    <form noValidate onSubmit={submit} aria-label={t('officer:resolution.editLabel', { line: label })} className="resolution-line-form">
      <h3>{t('officer:resolution.editHeading', { line: label })}</h3>
      {code === 'RESOLUTION_CHANGED' ? (
        <div role="alert">
          <GovMessage color="warning" type="subtle">
            <p>{t('officer:resolution.changedMeanwhile')}</p>
            <GovButton type="solid" color="primary" size="s" onClick={onReload}>
              {t('officer:resolution.reload')}
            </GovButton>
          </GovMessage>
        </div>
      ) : (
        <ProblemSummary error={save.error} labels={labels} />
      )}
      <RadioGroup<LineOutcome>
        name="outcome"
        legend={t('officer:resolution.outcome')}
        required
        value={form.outcome}
        onChange={(outcome) => set({ outcome })}
        errors={byField.get('outcome')}
        options={[
          { value: 'approved', label: t('officer:resolution.outcomes.approved') },
          { value: 'rejected', label: t('officer:resolution.outcomes.rejected') },
        ]}
      />
      {form.outcome === 'approved' ? (
        <>
          <TextField
            name="amountCzk"
            inputMode="numeric"
            label={t('officer:resolution.amount')}
            hint={t('officer:resolution.amountHint', {
              requested: formatCzk(line.requestedCzk, i18n.language),
              proposed: line.proposedCzk === null ? '—' : formatCzk(line.proposedCzk, i18n.language),
            })}
            required
            value={form.amount}
            errors={byField.get('amountCzk')}
            onChange={(e) => set({ amount: e.target.value })}
          />
          {partProblems.map(([field, messages]) => (
            <FieldMessages key={field} name={field} messages={messages} prefix={partName(field.slice('parts.'.length))} />
          ))}
          {deviates && (
            <TextAreaField
              name="deviationReason"
              rows={3}
              label={t('officer:resolution.deviationReason')}
              hint={line.commissionStatus === 'not_recommended' ? t('officer:decision.deviationHintNotRecommended') : t('officer:decision.deviationHintAbove')}
              required
              value={form.deviationReason}
              errors={byField.get('deviationReason')}
              onChange={(e) => set({ deviationReason: e.target.value })}
            />
          )}
        </>
      ) : (
        <TextAreaField
          name="reason"
          rows={3}
          label={t('officer:resolution.reason')}
          hint={t('officer:resolution.reasonHint')}
          required
          value={form.reason}
          errors={byField.get('reason')}
          onChange={(e) => set({ reason: e.target.value })}
        />
      )}
      <div className="actions">
        <GovButton nativeType="submit" type="solid" color="primary" size="s" disabled={save.isPending} loading={save.isPending ? 'true' : undefined}>
          {t('officer:resolution.saveLine')}
        </GovButton>
        <GovButton type="outlined" color="primary" size="s" onClick={onCancel}>
          {t('common:actions.cancel')}
        </GovButton>
        {save.isPending && <Loading label={t('common:state.saving')} />}
      </div>
    </form>
  );
}
