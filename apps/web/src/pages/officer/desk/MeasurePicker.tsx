import { GovFormCheckbox, GovFormControl, GovFormLabel } from '@gov-design-system-ce/react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { Loading, QueryError } from '../../../components/Display';
import { TextField } from '../../../components/Field';
import { fieldId } from '../../../lib/field-id';
import { POLICY_TEXT_LANGUAGE } from '../../../lib/measures-tree';
import { FieldMessages } from './fields';

/** The integration policy's catalogue (priorities and their 75 measures); it does not change while the portal runs. */
export function usePolicyMeasures() {
  return useQuery({ queryKey: ['policy', 'measures'], queryFn: () => unwrap(api.GET('/api/v1/policy/measures')), staleTime: Infinity });
}

/**
 * The policy measures a call supports, picked from the catalogue grouped by
 * priority; a filter narrows the list by code or wording (what is chosen stays shown).
 */
export function MeasurePicker({
  selected,
  onToggle,
  errors,
  itemErrors,
}: {
  selected: readonly string[];
  onToggle: (code: string, checked: boolean) => void;
  errors?: readonly string[];
  itemErrors: ReadonlyMap<string, { path: string; messages: string[] }>;
}) {
  const { t } = useTranslation(['officer', 'common']);
  const catalogue = usePolicyMeasures();
  const [filter, setFilter] = useState('');
  const invalid = (errors?.length ?? 0) > 0 || itemErrors.size > 0;
  const needle = filter.trim().toLocaleLowerCase();
  const shown = (code: string, text: string) =>
    needle === '' || selected.includes(code) || code.toLocaleLowerCase().includes(needle) || text.toLocaleLowerCase().includes(needle);

  return (
    <GovFormControl fieldset invalid={invalid}>
      <GovFormLabel legend slot="top" required>
        {t('officer:callForm.measures')}
      </GovFormLabel>
      <p className="muted" aria-live="polite">
        {t('officer:callForm.measuresChosen', { total: selected.length, codes: selected.join(', ') || '—' })}
      </p>
      <FieldMessages name="eligibleMeasureCodes" messages={errors} />
      {catalogue.isPending ? (
        <Loading />
      ) : catalogue.isError ? (
        <QueryError error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : (
        <>
          <TextField
            name="measureFilter"
            type="search"
            label={t('officer:callForm.measuresFilter')}
            hint={t('officer:callForm.measuresFilterHint')}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          <div className="desk-measures">
            {catalogue.data.priorities.map((priority) => {
              const measures = catalogue.data.measures.filter((m) => m.priority === priority.number && shown(m.code, m.text));
              if (measures.length === 0) return null;
              return (
                <fieldset key={priority.number} className="desk-subfieldset">
                  <legend>
                    {priority.number}. <span lang={POLICY_TEXT_LANGUAGE}>{priority.name}</span>
                  </legend>
                  {measures.map((measure) => {
                    const own = itemErrors.get(measure.code);
                    return (
                      <div key={measure.code}>
                        <GovFormCheckbox
                          size="m"
                          identifier={fieldId(`measure-${measure.code}`)}
                          name="eligibleMeasureCodes"
                          value={measure.code}
                          checked={selected.includes(measure.code)}
                          invalid={own !== undefined}
                          onChange={(event) => onToggle(measure.code, event.target.checked)}
                        >
                          <GovFormLabel>
                            <strong>{measure.code}</strong> <span lang={POLICY_TEXT_LANGUAGE}>{measure.text}</span>
                          </GovFormLabel>
                        </GovFormCheckbox>
                        {own && <FieldMessages name={own.path} messages={own.messages} />}
                      </div>
                    );
                  })}
                </fieldset>
              );
            })}
          </div>
        </>
      )}
    </GovFormControl>
  );
}
