import type { Benefit, MonthlyAmount, RealisedAmount } from './benefit';
import type { Epic, EpicValue } from './epic';
import type { Objective } from './objective';

/*
 * The portfolio as written in a document (format `value-layer.portfolio`, version 1): the same
 * shapes as the engine's model, but amounts are decimals in the site currency, exactly as a
 * person entered them. The engine converts them to minor units as it reads them.
 *
 * The domain declares the document shape itself so that it depends on nothing outside
 * `src/domain`; the contract's zod schema produces values assignable to it (checked by a type
 * test in test/contract).
 */

export type MonthlyAmountRecord = MonthlyAmount<number>;
export type RealisedAmountRecord = RealisedAmount<number>;
export type BenefitRecord = Benefit<number>;
export type EpicValueRecord = EpicValue<number>;
export type EpicRecord = Epic<number>;

export interface PortfolioSettings {
  /** ISO 4217 code, e.g. `EUR`. */
  readonly currency: string;
  /** Annual discount rate as a decimal: 0.08, not 8. */
  readonly discountRate: number;
}

/** A portfolio as written in a document. */
export interface PortfolioRecord {
  readonly settings: PortfolioSettings;
  /** Target amounts are decimals too (`Objective<number>`). */
  readonly objectives: readonly Objective<number>[];
  readonly epics: readonly EpicRecord[];
}
