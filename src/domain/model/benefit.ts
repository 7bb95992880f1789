import type { MinorUnits } from '../money/minor-units';
import type { YearMonth } from '../time/year-month';

/**
 * What kind of value a benefit delivers. `cost_saving` (spend that stops) and `cost_avoidance`
 * (spend that would have happened and now will not) are kept apart because finance books them
 * differently.
 */
export const BENEFIT_KINDS = [
  'revenue',
  'cost_saving',
  'cost_avoidance',
  'risk_reduction',
  'customer',
  'strategic',
] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

/**
 * How trustworthy a realised figure is: `verified` = confirmed by finance, `measured` = taken
 * from data, `estimated` = someone's judgement.
 */
export const EVIDENCE_GRADES = ['verified', 'measured', 'estimated'] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

/**
 * An amount of money booked against a month. `TAmount` is `MinorUnits` in the engine's model and
 * a decimal `number` in a document (see `EpicRecord`).
 */
export interface MonthlyAmount<TAmount = MinorUnits> {
  readonly month: YearMonth;
  readonly amount: TAmount;
}

/** A realised benefit amount and the evidence behind it. */
export interface RealisedAmount<TAmount = MinorUnits> extends MonthlyAmount<TAmount> {
  readonly evidence: EvidenceGrade;
}

/** One benefit of an epic, time-phased by month: what was planned and what has been realised. */
export interface Benefit<TAmount = MinorUnits> {
  readonly id: string;
  readonly kind: BenefitKind;
  readonly title: string;
  readonly planned: readonly MonthlyAmount<TAmount>[];
  readonly realised: readonly RealisedAmount<TAmount>[];
}
