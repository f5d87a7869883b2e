import { GovFormCheckbox, GovFormLabel, GovFormMessage, GovFormRadio } from '@gov-design-system-ce/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { measureField } from '../../../lib/application-form';
import { FieldMessages } from '../../public/FieldMessages';
import { fieldId } from '../../../lib/field-id';
import { buildPolicyTree, measuresOf, POLICY_TEXT_LANGUAGE, type PolicyCatalogue } from '../../../lib/measures-tree';

/**
 * The policy measures the project serves, from the call's eligible ones (checkboxes, grouped by
 * priority), and the one primary measure among those chosen (radios). A measure the application
 * already names but the call does not support stays listed, so it can be unticked.
 */
export function MeasurePicker({
  policy,
  eligible,
  chosen,
  primary,
  errorsOf,
  onChange,
}: {
  policy: PolicyCatalogue;
  eligible: readonly string[];
  chosen: readonly string[];
  primary: string;
  errorsOf: (field: string) => string[] | undefined;
  onChange: (measureCodes: string[], primaryMeasureCode: string) => void;
}) {
  const { t } = useTranslation('applicant');
  const shown = useMemo(() => new Set([...eligible, ...chosen]), [eligible, chosen]);
  const tree = useMemo(() => buildPolicyTree(policy, shown), [policy, shown]);
  const inOrder = measuresOf(tree);
  const chosenInOrder = inOrder.filter((m) => chosen.includes(m.code));

  const toggle = (code: string, on: boolean) => {
    const measureCodes = on ? [...chosen, code] : chosen.filter((c) => c !== code);
    onChange(measureCodes, measureCodes.includes(primary) ? primary : '');
  };

  const groupErrors = errorsOf('measureCodes') ?? [];
  const primaryErrors = errorsOf('primaryMeasureCode') ?? [];

  return (
    <section aria-labelledby="section-measures">
      <h2 id="section-measures">{t('form.measuresTitle')}</h2>
      <p>{t('form.measures.intro')}</p>
      <div className="gov-form-control" data-invalid={groupErrors.length > 0}>
        <fieldset
          id={fieldId('measureCodes')}
          tabIndex={-1}
          className="gov-form-control__holder choice-group"
          aria-describedby={groupErrors.length ? `${fieldId('measureCodes')}-error` : undefined}
        >
          <legend className="gov-form-label__label">
            {t('form.fields.measureCodes')}
            <span className="gov-color--text-status-error">&nbsp;*</span>
          </legend>
          {tree.map((priority) => (
            <div key={priority.number} className="measure-group">
              <p className="measure-group__title">
                {t('form.measures.priority', { number: priority.number })}: <span lang={POLICY_TEXT_LANGUAGE}>{priority.name}</span>
              </p>
              {measuresOf([priority]).map((measure) => {
                const field = measureField(measure.code);
                const errors = errorsOf(field) ?? [];
                const notInCall = !eligible.includes(measure.code);
                return (
                  <div key={measure.code} className="measure-choice">
                    <GovFormCheckbox
                      size="m"
                      identifier={fieldId(field)}
                      name="measureCodes"
                      value={measure.code}
                      checked={chosen.includes(measure.code)}
                      invalid={errors.length > 0}
                      aria-describedby={errors.length ? `${fieldId(field)}-error` : undefined}
                      onChange={(e) => toggle(measure.code, e.target.checked)}
                    >
                      <GovFormLabel>
                        <strong>{measure.code}</strong> <span lang={POLICY_TEXT_LANGUAGE}>{measure.text}</span>
                        {notInCall && <em> ({t('form.measures.notInCall')})</em>}
                      </GovFormLabel>
                    </GovFormCheckbox>
                    <FieldMessages identifier={`${fieldId(field)}-error`} messages={errors} />
                  </div>
                );
              })}
            </div>
          ))}
          <FieldMessages identifier={`${fieldId('measureCodes')}-error`} messages={groupErrors} />
        </fieldset>
      </div>

      <div className="gov-form-control" data-invalid={primaryErrors.length > 0}>
        <fieldset
          id={fieldId('primaryMeasureCode')}
          tabIndex={-1}
          className="gov-form-control__holder choice-group"
          aria-describedby={[`${fieldId('primaryMeasureCode')}-hint`, primaryErrors.length ? `${fieldId('primaryMeasureCode')}-error` : ''].filter(Boolean).join(' ')}
        >
          <legend className="gov-form-label__label">
            {t('form.fields.primaryMeasureCode')}
            <span className="gov-color--text-status-error">&nbsp;*</span>
          </legend>
          <GovFormMessage color="neutral" identifier={`${fieldId('primaryMeasureCode')}-hint`}>
            {chosenInOrder.length ? t('form.measures.primaryHint') : t('form.measures.chooseFirst')}
          </GovFormMessage>
          {chosenInOrder.map((measure) => (
            <GovFormRadio
              size="m"
              key={measure.code}
              name="primaryMeasureCode"
              value={measure.code}
              checked={primary === measure.code}
              invalid={primaryErrors.length > 0}
              onChange={() => onChange([...chosen], measure.code)}
            >
              <GovFormLabel>
                <strong>{measure.code}</strong> <span lang={POLICY_TEXT_LANGUAGE} className="muted">{shorten(measure.text)}</span>
              </GovFormLabel>
            </GovFormRadio>
          ))}
          <FieldMessages identifier={`${fieldId('primaryMeasureCode')}-error`} messages={primaryErrors} />
        </fieldset>
      </div>
    </section>
  );
}

/** The measure's text up to the end of its first clause or 120 characters: the full text is right above, at the checkbox. */
function shorten(text: string): string {
  if (text.length <= 120) return text;
  const cut = text.lastIndexOf(' ', 117);
  return `${text.slice(0, cut > 60 ? cut : 117)}…`;
}
