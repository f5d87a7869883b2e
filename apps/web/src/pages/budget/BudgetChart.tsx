import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BUDGET_MEASURES, compactCzk, layoutBudgetChart, type BudgetMeasure, type PartFigures } from '../../lib/budget-chart';
import { formatCzk, localeOf } from '../../lib/format';

/** Each measure's fill: a colour and a pattern, so bars differ also in print and for colour-blind readers (each bar is named in text as well). */
const FILLS: Record<BudgetMeasure, { pattern: 'none' | 'stripes' | 'dots' | 'grid'; colour: string; background: string }> = {
  allocationCzk: { pattern: 'none', colour: 'var(--color-primary-200, #c5dbf2)', background: '' },
  proposedCzk: { pattern: 'stripes', colour: 'var(--color-primary-600, #2362a2)', background: 'var(--color-neutral-0, #fff)' },
  committedCzk: { pattern: 'none', colour: 'var(--color-primary-700, #1e5086)', background: '' },
  paidCzk: { pattern: 'none', colour: 'var(--color-success-600, #2e7d32)', background: '' },
  returnedCzk: { pattern: 'grid', colour: 'var(--color-warning-900, #6b4a0d)', background: 'var(--color-secondary-200, #fef0d0)' },
  availableCzk: { pattern: 'dots', colour: 'var(--color-neutral-700, #4f4f4f)', background: 'var(--color-neutral-0, #fff)' },
};

function PatternDefs({ prefix }: { prefix: string }) {
  return (
    <defs>
      {BUDGET_MEASURES.map((measure) => {
        const fill = FILLS[measure];
        if (fill.pattern === 'none') return null;
        return (
          <pattern key={measure} id={`${prefix}-${measure}`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform={fill.pattern === 'stripes' ? 'rotate(45)' : undefined}>
            <rect width="8" height="8" fill={fill.background} />
            {fill.pattern === 'stripes' && <rect width="4" height="8" fill={fill.colour} />}
            {fill.pattern === 'dots' && <circle cx="4" cy="4" r="1.6" fill={fill.colour} />}
            {fill.pattern === 'grid' && <path d="M0 0H8M0 0V8" stroke={fill.colour} strokeWidth="2" />}
          </pattern>
        );
      })}
    </defs>
  );
}

const fillOf = (prefix: string, measure: BudgetMeasure) => (FILLS[measure].pattern === 'none' ? FILLS[measure].colour : `url(#${prefix}-${measure})`);

/**
 * The call's money per part as horizontal bars, one group per part and one bar per measure on a
 * shared scale. An image with a name (the caption) and a text description (every figure), every
 * bar labelled with its measure and amount; the table beside it holds the same figures.
 */
export function BudgetChart({ parts, partName }: { parts: readonly PartFigures[]; partName: (code: string) => string }) {
  const { t, i18n } = useTranslation('budget');
  const prefix = `budget-chart-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const captionId = `${prefix}-caption`;
  const descriptionId = `${prefix}-description`;
  const layout = layoutBudgetChart(parts);
  const locale = localeOf(i18n.language);
  const money = (value: number) => formatCzk(value, i18n.language);
  const measureName = (measure: BudgetMeasure) => t(`measure.${measure}`);

  return (
    <figure className="budget-chart" data-testid="budget-chart">
      <figcaption id={captionId}>{t('chart.title')}</figcaption>
      <ul className="budget-chart__legend" aria-label={t('chart.legend')}>
        {BUDGET_MEASURES.map((measure) => (
          <li key={measure}>
            <svg width="28" height="16" aria-hidden="true" focusable="false">
              <rect x="0.5" y="0.5" width="27" height="15" fill={fillOf(prefix, measure)} stroke="var(--color-neutral-900, #3b3b3b)" />
            </svg>
            {measureName(measure)}
          </li>
        ))}
      </ul>
      <svg
        className="budget-chart__drawing"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby={captionId}
        aria-describedby={descriptionId}
        focusable="false"
      >
        <PatternDefs prefix={prefix} />
        <g className="budget-chart__axis">
          {layout.ticks.map((tick) => (
            <text key={tick.value} x={tick.x} y={layout.plotTop - 10} textAnchor="middle">
              {compactCzk(tick.value, locale)}
            </text>
          ))}
        </g>
        {layout.groups.map((group) => (
          <g key={group.code} className="budget-chart__group" data-part={group.code}>
            <text className="budget-chart__heading" x={0} y={group.headingY}>
              {partName(group.code)}
            </text>
            <g className="budget-chart__axis">
              {layout.ticks.map((tick) => (
                <line key={tick.value} x1={tick.x} x2={tick.x} y1={group.bars[0].y - 4} y2={group.bars[group.bars.length - 1].y + group.bars[group.bars.length - 1].height + 4} />
              ))}
            </g>
            {group.bars.map((bar) => (
              <g key={bar.measure}>
                <text className="budget-chart__label" x={layout.plotLeft - 8} y={bar.y + bar.height / 2} dominantBaseline="central" textAnchor="end">
                  {measureName(bar.measure)}
                </text>
                <rect
                  x={bar.x}
                  y={bar.y}
                  width={Math.max(bar.width, 0)}
                  height={bar.height}
                  fill={fillOf(prefix, bar.measure)}
                  stroke="var(--color-neutral-900, #3b3b3b)"
                  strokeWidth={bar.width > 0 ? 1 : 0}
                />
                <text
                  className="budget-chart__value"
                  data-part={group.code}
                  data-measure={bar.measure}
                  x={bar.x + bar.width + 6}
                  y={bar.y + bar.height / 2}
                  dominantBaseline="central"
                >
                  {money(bar.value)}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
      <div id={descriptionId} className="visually-hidden">
        {parts.map((part) => (
          <p key={part.code}>
            {partName(part.code)}: {BUDGET_MEASURES.map((m) => `${measureName(m)} ${money(part[m])}`).join(', ')}.
          </p>
        ))}
      </div>
    </figure>
  );
}
