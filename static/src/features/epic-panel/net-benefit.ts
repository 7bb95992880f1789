import type { BenefitDraft } from './draft';
import { formatMoney } from '../../shared/format';
import { totalUnitsOf } from './series';

/**
 * +1 for a benefit, −1 for a dis-benefit: how its amounts count in net benefit. Dis-benefits are
 * entered as positive sizes and subtracted wherever benefits are summed, as the server does
 * (`benefitSignOf`, src/domain/model/benefit.ts).
 */
export function benefitSignOf(kind: string): 1 | -1 {
  return kind === 'dis_benefit' ? -1 : 1;
}

/** Dis-benefits are measured negative effects: shown apart from benefits, their amounts subtracted. */
export function isDisBenefit(kind: string): boolean {
  return benefitSignOf(kind) < 0;
}

/** A form's benefits summed, in minor units: benefits and dis-benefits apart, and net. */
export interface BenefitTotals {
  benefitPlanned: number;
  benefitRealised: number;
  /** Sizes (>= 0) of the dis-benefits. */
  disBenefitPlanned: number;
  disBenefitRealised: number;
  /** Benefits minus dis-benefits. */
  netPlanned: number;
  netRealised: number;
}

/**
 * The benefits of a draft summed as typed (rows whose amount cannot be read count as 0), every
 * realised row whatever its month: the totals the benefit cards show.
 */
export function benefitTotalsOf(
  benefits: readonly BenefitDraft[],
  { decimals, currency }: { decimals: number; currency: string },
): BenefitTotals {
  const totals = {
    benefitPlanned: 0,
    benefitRealised: 0,
    disBenefitPlanned: 0,
    disBenefitRealised: 0,
  };
  for (const benefit of benefits) {
    const planned = totalUnitsOf(benefit.planned, decimals, currency);
    const realised = totalUnitsOf(benefit.realised, decimals, currency);
    if (benefitSignOf(benefit.kind) < 0) {
      totals.disBenefitPlanned += planned;
      totals.disBenefitRealised += realised;
    } else {
      totals.benefitPlanned += planned;
      totals.benefitRealised += realised;
    }
  }
  return {
    ...totals,
    netPlanned: totals.benefitPlanned - totals.disBenefitPlanned,
    netRealised: totals.benefitRealised - totals.disBenefitRealised,
  };
}

/**
 * An amount a dis-benefit takes away, as it reads beside benefits: `−€1,200.00` (its size is
 * stored positive and subtracted, never stored negative). Zero reads as zero.
 */
export function negativeMoney(units: number, decimals: number, currency: string): string {
  const text = formatMoney(Math.abs(units) / 10 ** decimals, currency);
  return units === 0 ? text : `−${text}`;
}
