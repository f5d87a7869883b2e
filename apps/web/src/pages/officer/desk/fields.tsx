import { GovFormCheckbox, GovFormControl, GovFormGroup, GovFormLabel, GovFormMessage, GovFormRadio } from '@gov-design-system-ce/react';
import type { ReactNode } from 'react';
import { fieldId } from '../../../lib/field-id';

/** Messages of a field, each in its own element (the problem summary links to the first by the field's id). */
export function FieldMessages({ name, messages, prefix }: { name: string; messages?: readonly string[]; prefix?: string }) {
  if (!messages?.length) return null;
  return (
    <div id={fieldId(name)} tabIndex={-1} className="desk-field-messages">
      {messages.map((message) => (
        <GovFormMessage key={message} color="error">
          {prefix ? `${prefix}: ${message}` : message}
        </GovFormMessage>
      ))}
    </div>
  );
}

export interface CheckboxOption {
  value: string;
  label: ReactNode;
  /** Messages of this option (an indexed field problem such as `eligibleMeasureCodes[2]`), with the path they came under. */
  errors?: { path: string; messages: string[] };
}

/**
 * A group of checkboxes in a fieldset with its legend: for list fields
 * (`eligibleApplicantKinds`); the list's own messages under the legend, each
 * option's messages next to it.
 */
export function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  selected,
  onToggle,
  errors,
  required,
  orientation = 'vertical',
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly CheckboxOption[];
  selected: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
  errors?: readonly string[];
  required?: boolean;
  orientation?: 'vertical' | 'horizontal';
}) {
  const invalid = (errors?.length ?? 0) > 0 || options.some((o) => o.errors?.messages.length);
  return (
    <GovFormControl fieldset invalid={invalid}>
      <GovFormLabel legend slot="top" required={required}>
        {legend}
      </GovFormLabel>
      {hint && <p className="muted">{hint}</p>}
      <FieldMessages name={name} messages={errors} />
      <GovFormGroup orientation={orientation} gap={orientation === 'horizontal' ? 'l' : 's'}>
        {options.map((option) => (
          <div key={option.value}>
            <GovFormCheckbox
              size="m"
              identifier={fieldId(`${name}-option-${option.value}`)}
              name={name}
              value={option.value}
              checked={selected.includes(option.value)}
              invalid={(option.errors?.messages.length ?? 0) > 0}
              onChange={(event) => onToggle(option.value, event.target.checked)}
            >
              <GovFormLabel>{option.label}</GovFormLabel>
            </GovFormCheckbox>
            {option.errors && <FieldMessages name={option.errors.path} messages={option.errors.messages} />}
          </div>
        ))}
      </GovFormGroup>
    </GovFormControl>
  );
}

/**
 * One choice of a few (a decision's outcome, the deciding body) as radio buttons in a fieldset with its legend.
 * (No `identifier` on GovFormRadio: its label would then point at another id.)
 */
export function RadioGroup<T extends string>({
  name,
  legend,
  hint,
  options,
  value,
  onChange,
  errors,
  required,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly { value: T; label: ReactNode }[];
  value: T | '';
  onChange: (value: T) => void;
  errors?: readonly string[];
  required?: boolean;
}) {
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <GovFormControl fieldset invalid={invalid}>
      <GovFormLabel legend slot="top" required={required}>
        {legend}
      </GovFormLabel>
      {hint && <p className="muted">{hint}</p>}
      <FieldMessages name={name} messages={errors} />
      <GovFormGroup orientation="horizontal" gap="l">
        {options.map((option) => (
          <GovFormRadio
            size="m"
            key={option.value}
            name={name}
            value={option.value}
            checked={value === option.value}
            invalid={invalid}
            onChange={() => onChange(option.value)}
          >
            <GovFormLabel>{option.label}</GovFormLabel>
          </GovFormRadio>
        ))}
      </GovFormGroup>
    </GovFormControl>
  );
}
