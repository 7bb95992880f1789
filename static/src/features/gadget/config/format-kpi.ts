import { formatMoney, formatMonth, formatPercent, formatRatio } from '../../../shared/format';
import type { KpiTarget } from './gadget-config';
import type { KpiUnit, TileReading } from './kpi-tiles';

const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const score = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/**
 * A KPI's value as text in its unit; an em dash when it cannot be computed. A `reduction` (a
 * dis-benefit's size) reads negative, as it lowers net benefit; a `change` with its sign either
 * way. The minus is the one every other negative figure of the gadget has.
 */
export function formatKpi(
  value: number | string | null,
  unit: KpiUnit,
  currency: string,
  options: { compact?: boolean; reading?: TileReading | undefined } = {},
): string {
  if (value === null) return '—';
  if (typeof value === 'string') return formatMonth(value);
  const { reading, ...plain } = options;
  // Zero has no sign: no dis-benefit is €0, not −€0, and no drift is 0%.
  if (reading === 'reduction' && value !== 0) return formatKpi(-value, unit, currency, plain);
  if (reading === 'change' && value > 0) return `+${formatKpi(value, unit, currency, plain)}`;
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

/**
 * "Target ≥ 90% (at risk ≥ 70%)", or with ≤ when lower is better. A reduction's target is stored
 * as a size, as its figure is; it reads as the figure does, negative, so its comparison turns
 * round: at most €10K of dis-benefit reads "Target ≥ -€10K" beside a figure of -€2K.
 */
export function describeTarget(
  target: KpiTarget,
  unit: KpiUnit,
  currency: string,
  reading?: TileReading,
): string {
  const higher = reading === 'reduction' ? !target.higherIsBetter : target.higherIsBetter;
  const sign = higher ? '≥' : '≤';
  const shown = (threshold: number) => formatKpi(threshold, unit, currency, { compact: true, reading });
  if (target.green === target.amber) return `Target ${sign} ${shown(target.green)}`;
  return `Target ${sign} ${shown(target.green)}, at risk ${sign} ${shown(target.amber)}`;
}
