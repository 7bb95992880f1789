import { formatMoney, formatMonth, formatPercent, formatRatio } from '../../../shared/format';
import type { KpiTarget } from './gadget-config';
import type { KpiUnit } from './kpi-tiles';

const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const score = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** A KPI's value as text in its unit; an em dash when it cannot be computed. */
export function formatKpi(
  value: number | string | null,
  unit: KpiUnit,
  currency: string,
  options: { compact?: boolean } = {},
): string {
  if (value === null) return '—';
  if (typeof value === 'string') return formatMonth(value);
  switch (unit) {
    case 'ratio':
      return formatRatio(value);
    case 'percent':
      return formatPercent(value);
    case 'money':
      return formatMoney(value, currency, options);
    case 'multiple':
      return `${decimal.format(value)}×`;
    case 'score':
      return score.format(value);
    case 'month':
    case 'count':
      return String(value);
  }
}

/** "Target ≥ 90% (at risk ≥ 70%)", or with ≤ when lower is better. */
export function describeTarget(target: KpiTarget, unit: KpiUnit, currency: string): string {
  const sign = target.higherIsBetter ? '≥' : '≤';
  const green = formatKpi(target.green, unit, currency, { compact: true });
  if (target.green === target.amber) return `Target ${sign} ${green}`;
  return `Target ${sign} ${green}, at risk ${sign} ${formatKpi(target.amber, unit, currency, { compact: true })}`;
}
