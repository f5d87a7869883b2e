import { GovBreadcrumbs, GovFormLabel, GovFormMessage, GovFormRadio, GovIcon, GovTabs, GovTag } from '@gov-design-system-ce/react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldId } from '../../lib/field-id';
import { formatScore } from '../../lib/scoring';
import './evaluation.css';

/** A score to 2 decimals as the API rounded it, or a dash while there is none. */
export function Score({ value }: { value: number | null | undefined }) {
  const { i18n } = useTranslation();
  return <span className="nowrap">{value === null || value === undefined ? '—' : formatScore(value, i18n.language)}</span>;
}

/** The spread between the members' totals: flagged in words and with an icon when it is worth a discussion. */
export function SpreadFlag({ spread, flagged }: { spread: number | null; flagged: boolean }) {
  const { t } = useTranslation('commission');
  if (spread === null) return <span>—</span>;
  if (!flagged) return <span className="nowrap">{t('spread.normal', { points: spread })}</span>;
  return (
    <GovTag
      size="s"
      type="subtle"
      color="warning"
      iconStart={
        <span aria-hidden="true">
          <GovIcon name="exclamation-triangle-fill" type="components" />
        </span>
      }
    >
      {t('spread.flagged', { points: spread })}
    </GovTag>
  );
}

/** Yes / no / not known, in words. */
export function YesNo({ value }: { value: boolean | null }) {
  const { t } = useTranslation();
  return <span>{value === null ? '—' : value ? t('common:yes') : t('common:no')}</span>;
}

export interface Crumb {
  to?: string;
  label: string;
}

/** Where the page sits: the last crumb is the page itself. */
export function Crumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation('commission');
  return (
    <GovBreadcrumbs accessibleLabel={t('crumbs.label')} className="crumbs">
      <ul>
        {items.map((item, i) => (
          <li key={`${i}-${item.label}`}>
            {i > 0 && (
              <span aria-hidden="true">
                <GovIcon name="chevron-right" type="components" />
              </span>
            )}
            {item.to ? <Link to={item.to}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ul>
    </GovBreadcrumbs>
  );
}

/**
 * A labelled choice of one option (fieldset and legend), the API's field path as its id so the
 * problem summary's link lands on it, and its own messages under it.
 */
export function RadioGroup<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  errors,
  disabled,
}: {
  name: string;
  legend: ReactNode;
  options: { value: T; label: ReactNode; hint?: ReactNode }[];
  value: T | null;
  onChange: (value: T) => void;
  errors?: readonly string[];
  disabled?: boolean;
}) {
  const id = fieldId(name);
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <fieldset id={id} className="radio-group" tabIndex={-1} aria-describedby={invalid ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <div key={option.value} className="radio-group__option">
          <GovFormRadio
            size="m"
            name={name}
            value={option.value}
            checked={value === option.value}
            invalid={invalid}
            disabled={disabled}
            onChange={() => onChange(option.value)}
          >
            <GovFormLabel>{option.label}</GovFormLabel>
          </GovFormRadio>
          {option.hint && <p className="muted radio-group__hint">{option.hint}</p>}
        </div>
      ))}
      {invalid && (
        <div id={`${id}-error`}>
          {errors?.map((message) => (
            <GovFormMessage key={message} color="error">
              {message}
            </GovFormMessage>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** Moves the focus to an element when it appears (a form opened from a table row), for keyboard and screen-reader users. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

/**
 * The design system's tabs, one a part of the call. GovTabs keeps the items of its first render
 * (so each panel must fetch its own data) and puts a list between its tablist and its tabs, which
 * hides the tabs from assistive technology: the list and its items are marked presentational here.
 */
export function PartTabs({ parts, panel }: { parts: { code: string; name: string }[]; panel: (part: { code: string; name: string }) => ReactNode }) {
  const { t, i18n } = useTranslation('commission');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelectorAll('.gov-tabs__list, .gov-tabs__item').forEach((element) => element.setAttribute('role', 'none'));
  });
  return (
    <div ref={ref}>
      <GovTabs
        key={i18n.language}
        items={parts.map((part) => ({ label: t('ranking.partTab', { code: part.code, name: part.name }), children: panel(part) }))}
      />
    </div>
  );
}
