import type { MinorUnits } from '../money/minor-units';
import type { YearMonth } from '../time/year-month';

/**
 * What kind of value a benefit delivers. `cost_saving` (spend that stops) and `cost_avoidance`
 * (spend that would have happened and now will not) are kept apart because finance books them
 * differently. `dis_benefit` is a measured negative effect of the change (Managing Benefits'
 * "dis-benefit": lost sales during a migration, extra support load); its amounts are entered as
 * positive sizes and subtracted wherever benefits are summed (`benefitSignOf`).
 */
export const BENEFIT_KINDS = [
  'revenue',
  'cost_saving',
  'cost_avoidance',
  'risk_reduction',
  'customer',
  'strategic',
  'dis_benefit',
] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

/** +1 for a benefit, -1 for a dis-benefit: how its amounts count in net benefit. */
export function benefitSignOf(kind: BenefitKind): 1 | -1 {
  return kind === 'dis_benefit' ? -1 : 1;
}

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
  /** What was measured and how, in the recorder's words. */
  readonly note?: string;
  /** An https link to the evidence (a report, a dashboard, a ledger extract). */
  readonly evidenceLink?: string;
  /** Account id of who entered or last changed the entry; set by the server, never by the client. */
  readonly recordedBy?: string;
  /** Account id of the verifier who graded the entry `verified`; only on verified entries. */
  readonly verifiedBy?: string;
  /** When it was verified, an ISO 8601 instant from the server's clock. */
  readonly verifiedAt?: string;
}

/**
 * How a benefit is measured (Managing Benefits' benefit profile): what, in which unit, from which
 * baseline to which target, and by which method. The values are in the measure's own unit (hours,
 * tickets, %), not money.
 */
export interface BenefitMeasure {
  readonly name: string;
  readonly unit: string;
  readonly baseline: number;
  readonly target: number;
  readonly method: string;
  /** An https link describing the method (a query, a dashboard). */
  readonly methodLink?: string;
}

/** One benefit of an epic, time-phased by month: what was planned and what has been realised. */
export interface Benefit<TAmount = MinorUnits> {
  readonly id: string;
  readonly kind: BenefitKind;
  readonly title: string;
  readonly planned: readonly MonthlyAmount<TAmount>[];
  readonly realised: readonly RealisedAmount<TAmount>[];
  /** Account id of the benefit owner, who is accountable for realising it and is asked to review it. */
  readonly owner?: string;
  readonly measure?: BenefitMeasure;
}
