import type { RangeFiguresView, RangesView } from '../../../../../src/contract/ranges.contract';
import { KPI_NAMES } from '../../../../../src/contract/value-vocabulary';
import { formatMoney, formatMonth, formatRatio } from '../../../shared/format';

const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

/** "P10–P90: €1.2M to €3.4M", compact money ("to", as a dash beside a minus sign misreads). */
export function rangeText(figures: RangeFiguresView, currency: string): string {
  const money = (amount: number) => formatMoney(amount, currency, { compact: true });
  return `P10–P90: ${money(figures.p10)} to ${money(figures.p90)}`;
}

/** The NPV tile's range line: "P10–P90: -€0.2M to €3.4M · 12% chance NPV below zero". */
export function npvRangeText(ranges: RangesView): string {
  const { npv, probabilityNpvBelowZero } = ranges.portfolio;
  return `${rangeText(npv, ranges.currency)} · ${formatRatio(probabilityNpvBelowZero)} ${lowerFirst(KPI_NAMES.probabilityNpvBelowZero)}`;
}

/** The realised benefit tile's range line: "By Nov 2027, P10–P90: €1.2M to €3.4M". */
export function benefitRangeText(ranges: RangesView): string {
  return `By ${formatMonth(ranges.horizon)}, ${rangeText(ranges.portfolio.benefitByHorizon, ranges.currency)}`;
}

/** What reproduces the figures: "Seed 12345 · 2,000 draws". */
export function seedText(ranges: Pick<RangesView, 'seed' | 'draws'>): string {
  return `Seed ${String(ranges.seed)} · ${ranges.draws.toLocaleString('en')} draws`;
}
