import { GovFormControl, GovFormInput, GovFormLabel, GovFormMessage, GovFormSelect, GovFormTextarea, type GovFormInputProps } from '@gov-design-system-ce/react';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { fieldId } from '../lib/field-id';

interface FieldFrameProps {
  /** The API's field path; gives the DOM id the problem summary links to. */
  name: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  errors?: readonly string[];
  children: ReactNode;
}

/** Label, control, hint and the field's own error messages, wired with aria-describedby. */
export function FieldFrame({ name, label, required, hint, errors, children }: FieldFrameProps) {
  const id = fieldId(name);
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <GovFormControl invalid={invalid} size="m">
      <GovFormLabel slot="top" identifier={id} required={required} size="m">
        {label}
      </GovFormLabel>
      {children}
      {(hint || invalid) && (
        <div slot="bottom">
          {hint && (
            <GovFormMessage identifier={`${id}-hint`} color="neutral">
              {hint}
            </GovFormMessage>
          )}
          {errors?.map((message) => (
            <GovFormMessage key={message} identifier={`${id}-error`} color="error">
              {message}
            </GovFormMessage>
          ))}
        </div>
      )}
    </GovFormControl>
  );
}

function describedBy(name: string, hint: unknown, errors?: readonly string[]): string | undefined {
  const id = fieldId(name);
  const ids = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

type Common = Omit<FieldFrameProps, 'children'>;

export function TextField({
  name,
  label,
  required,
  hint,
  errors,
  showPasswordLabel,
  hidePasswordLabel,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'size' | 'prefix'> & { showPasswordLabel?: string; hidePasswordLabel?: string }) {
  return (
    <FieldFrame name={name} label={label} required={required} hint={hint} errors={errors}>
      <GovFormInput
        size="m"
        {...input}
        name={name}
        identifier={fieldId(name)}
        required={required}
        invalid={(errors?.length ?? 0) > 0}
        aria-describedby={describedBy(name, hint, errors)}
        // The design system types these labels as its Czech defaults; any translation is meant to fit.
        accessibleShowPasswordLabel={showPasswordLabel as GovFormInputProps['accessibleShowPasswordLabel']}
        accessibleHidePasswordLabel={hidePasswordLabel as GovFormInputProps['accessibleHidePasswordLabel']}
      />
    </FieldFrame>
  );
}

export function TextAreaField({ name, label, required, hint, errors, ...input }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'size' | 'prefix'>) {
  return (
    <FieldFrame name={name} label={label} required={required} hint={hint} errors={errors}>
      <GovFormTextarea
        size="m"
        {...input}
        name={name}
        identifier={fieldId(name)}
        required={required}
        invalid={(errors?.length ?? 0) > 0}
        aria-describedby={describedBy(name, hint, errors)}
      />
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  required,
  hint,
  errors,
  children,
  ...select
}: Common & { children: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'size' | 'prefix'>) {
  return (
    <FieldFrame name={name} label={label} required={required} hint={hint} errors={errors}>
      <GovFormSelect
        size="m"
        {...select}
        name={name}
        identifier={fieldId(name)}
        required={required}
        invalid={(errors?.length ?? 0) > 0}
        aria-describedby={describedBy(name, hint, errors)}
      >
        {children}
      </GovFormSelect>
    </FieldFrame>
  );
}
