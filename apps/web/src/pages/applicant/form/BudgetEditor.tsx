import { GovButton } from '@gov-design-system-ce/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema.gen';
import { Czk } from '../../../components/Display';
import { TextField } from '../../../components/Field';
import { emptyBudgetLine } from '../../../lib/application-form';
import { parseCzk, type BudgetLineInput, type BudgetSummary } from '../../../lib/budget';
import { fieldId } from '../../../lib/field-id';
import { formatCzk, formatPercent } from '../../../lib/format';
import { FieldMessages, joined } from '../../public/FieldMessages';

type Call = components['schemas']['CallResponse'];
type Part = components['schemas']['CallPartResponse'];

export const BUDGET_FIELDS = ['category', 'description', 'totalCzk', 'requestedCzk'] as const;
const CATEGORY_SUGGESTIONS = ['personnel', 'services', 'material', 'rent', 'travel', 'publicity', 'other'] as const;

/** Budget lines (added and removed as the person needs) with live totals and the share of costs against the call's maximum. */
export function BudgetEditor({
  call,
  part,
  lines,
  otherFundingCzk,
  summary,
  errorsOf,
  onLines,
  onOtherFunding,
}: {
  call: Call;
  part: Part | undefined;
  lines: BudgetLineInput[];
  otherFundingCzk: string;
  summary: BudgetSummary;
  errorsOf: (field: string) => string[] | undefined;
  onLines: (lines: BudgetLineInput[]) => void;
  onOtherFunding: (value: string) => void;
}) {
  const { t, i18n } = useTranslation('applicant');
  // Stable keys for the lines, so removing one keeps the others' inputs (and focus) in place.
  const nextKey = useRef(lines.length);
  const [keys, setKeys] = useState(() => lines.map((_, i) => i));
  /** A line just added: its first field takes the focus once it is on the page. */
  const focusLine = useRef<number | null>(null);
  const addButton = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (focusLine.current === null) return;
    document.getElementById(fieldId(`budgetLines[${focusLine.current}].category`))?.focus();
    focusLine.current = null;
  });

  const change = (index: number, field: keyof BudgetLineInput, value: string) =>
    onLines(lines.map((line, i) => (i === index ? { ...line, [field]: value } : line)));
  const add = () => {
    setKeys((k) => [...k, nextKey.current++]);
    onLines([...lines, emptyBudgetLine()]);
    focusLine.current = lines.length;
  };
  const remove = (index: number) => {
    setKeys((k) => k.filter((_, i) => i !== index));
    onLines(lines.filter((_, i) => i !== index));
    addButton.current?.querySelector('button')?.focus();
  };
  const amountErrors = (index: number, field: 'totalCzk' | 'requestedCzk'): string[] => {
    const typed = lines[index][field];
    const own = typed.trim() !== '' && parseCzk(typed) === null ? [t('form.budget.notWholeCzk')] : [];
    const above = field === 'requestedCzk' && summary.linesRequestingMoreThanCost.includes(index) ? [t('form.budget.lineAboveCost')] : [];
    return [...own, ...above, ...(errorsOf(`budgetLines[${index}].${field}`) ?? [])];
  };
  const lineErrors = errorsOf('budgetLines');
  const otherFundingTyped = otherFundingCzk.trim() !== '' && parseCzk(otherFundingCzk) === null ? [t('form.budget.notWholeCzk')] : [];

  return (
    <section aria-labelledby="section-budget">
      <h2 id="section-budget">{t('form.budgetTitle')}</h2>
      <p>{t('form.budget.intro', { pct: call.maxRequestShareOfCostsPct })}</p>
      <div id={fieldId('budgetLines')} tabIndex={-1} className="budget-lines">
        <FieldMessages identifier={`${fieldId('budgetLines')}-error`} messages={lineErrors} />
        {lines.map((line, index) => (
          <fieldset key={keys[index] ?? index} className="budget-line" id={fieldId(`budgetLines[${index}]`)} tabIndex={-1}>
            <legend>{t('form.budget.line', { n: index + 1 })}</legend>
            <FieldMessages identifier={`${fieldId(`budgetLines[${index}]`)}-error`} messages={errorsOf(`budgetLines[${index}]`)} />
            <div className="budget-line__fields">
              <TextField
                name={`budgetLines[${index}].category`}
                label={t('form.budget.category')}
                required
                list="budget-categories"
                autoComplete="off"
                value={line.category}
                onChange={(e) => change(index, 'category', e.target.value)}
                errors={joined(errorsOf(`budgetLines[${index}].category`))}
              />
              <TextField
                name={`budgetLines[${index}].description`}
                label={t('form.budget.description')}
                required
                value={line.description}
                onChange={(e) => change(index, 'description', e.target.value)}
                errors={joined(errorsOf(`budgetLines[${index}].description`))}
              />
              <TextField
                name={`budgetLines[${index}].totalCzk`}
                label={t('form.budget.totalCzk')}
                required
                inputMode="numeric"
                autoComplete="off"
                value={line.totalCzk}
                onChange={(e) => change(index, 'totalCzk', e.target.value)}
                errors={joined(amountErrors(index, 'totalCzk'))}
              />
              <TextField
                name={`budgetLines[${index}].requestedCzk`}
                label={t('form.budget.requestedCzk')}
                required
                inputMode="numeric"
                autoComplete="off"
                value={line.requestedCzk}
                onChange={(e) => change(index, 'requestedCzk', e.target.value)}
                errors={joined(amountErrors(index, 'requestedCzk'))}
              />
            </div>
            {lines.length > 1 && (
              <GovButton type="base" color="error" size="s" onClick={() => remove(index)} aria-label={t('form.budget.removeLabel', { n: index + 1 })}>
                {t('form.budget.remove')}
              </GovButton>
            )}
          </fieldset>
        ))}
      </div>
      <datalist id="budget-categories">
        {CATEGORY_SUGGESTIONS.map((category) => (
          <option key={category} value={t(`form.budget.categories.${category}`)} />
        ))}
      </datalist>
      <div className="actions">
        <span ref={addButton}>
          <GovButton type="outlined" color="primary" onClick={add}>
            {t('form.budget.add')}
          </GovButton>
        </span>
      </div>

      <BudgetSummaryBox call={call} part={part} summary={summary} errors={errorsOf('requestedCzk')} />

      <div className="amount-field">
        <TextField
          name="otherFundingCzk"
          label={t('form.fields.otherFundingCzk')}
          hint={t('form.budget.otherFundingHint', { amount: formatCzk(Math.max(0, summary.totalCostCzk - summary.requestedCzk), i18n.language) })}
          required
          inputMode="numeric"
          autoComplete="off"
          value={otherFundingCzk}
          onChange={(e) => onOtherFunding(e.target.value)}
          errors={joined([...otherFundingTyped, ...(errorsOf('otherFundingCzk') ?? [])])}
        />
      </div>
    </section>
  );
}

/**
 * The totals as typed: requested / total cost, the most the call's share allows, the part's range,
 * each flagged with words and a sign (not by colour alone); changes of a flag are announced.
 * The API's problems with the requested amount (`requestedCzk`) are shown here.
 */
function BudgetSummaryBox({ call, part, summary, errors }: { call: Call; part: Part | undefined; summary: BudgetSummary; errors?: string[] }) {
  const { t, i18n } = useTranslation('applicant');
  const pct = call.maxRequestShareOfCostsPct;
  const hasAmounts = summary.totalCostCzk > 0 || summary.requestedCzk > 0;
  const shareFlag: Flag = !hasAmounts
    ? { kind: 'info', text: t('form.summary.noAmounts') }
    : summary.overShare
      ? { kind: 'problem', text: t('form.summary.overShare', { pct }) }
      : { kind: 'ok', text: t('form.summary.withinShare', { pct }) };
  const rangeFlag: Flag = !part
    ? { kind: 'info', text: t('form.summary.noPart') }
    : !hasAmounts
      ? { kind: 'info', text: t('form.summary.range', { min: formatCzk(part.minRequestCzk, i18n.language), max: formatCzk(part.maxRequestCzk, i18n.language) }) }
      : summary.belowPartMinimum
        ? { kind: 'problem', text: t('form.summary.belowMinimum') }
        : summary.abovePartMaximum
          ? { kind: 'problem', text: t('form.summary.aboveMaximum') }
          : { kind: 'ok', text: t('form.summary.withinRange') };
  const invalid = (errors?.length ?? 0) > 0;

  return (
    <div
      id={fieldId('requestedCzk')}
      tabIndex={-1}
      role="group"
      aria-labelledby="budget-summary-title"
      className={`budget-summary${invalid ? ' budget-summary--invalid' : ''}`}
      data-testid="budget-summary"
    >
      <h3 id="budget-summary-title">{t('form.summary.title')}</h3>
      <dl className="facts">
        <dt>{t('form.summary.totalCost')}</dt>
        <dd data-testid="summary-total">
          <Czk value={summary.totalCostCzk} />
        </dd>
        <dt>{t('form.summary.requested')}</dt>
        <dd data-testid="summary-requested">
          <Czk value={summary.requestedCzk} /> <span className="muted">({t('form.summary.shareOfCost', { share: formatPercent(summary.share, i18n.language) })})</span>
        </dd>
        <dt>{t('form.summary.maxByShare', { pct })}</dt>
        <dd data-testid="summary-max">
          <Czk value={summary.maxRequestByShareCzk} />
        </dd>
        <dt>{t('form.summary.partRange')}</dt>
        <dd>
          {part ? (
            <>
              <Czk value={part.minRequestCzk} /> – <Czk value={part.maxRequestCzk} />
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('form.summary.cofinancing')}</dt>
        <dd>
          <Czk value={Math.max(0, summary.totalCostCzk - summary.requestedCzk)} />
        </dd>
      </dl>
      <ul className="budget-flags gov-list--plain" aria-live="polite" data-testid="budget-flags">
        {[shareFlag, rangeFlag].map((flag) => (
          <li key={flag.text} className={`budget-flag budget-flag--${flag.kind}`}>
            <span aria-hidden="true" className="budget-flag__sign">
              {SIGNS[flag.kind]}
            </span>{' '}
            {flag.text}
          </li>
        ))}
      </ul>
      <FieldMessages identifier={`${fieldId('requestedCzk')}-error`} messages={errors} />
    </div>
  );
}

interface Flag {
  kind: 'ok' | 'problem' | 'info';
  text: string;
}

const SIGNS: Record<Flag['kind'], string> = { ok: '✓', problem: '✗', info: 'ℹ' };
