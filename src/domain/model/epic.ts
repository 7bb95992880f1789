import type { MinorUnits } from '../money/minor-units';
import type { ApprovedBaseline } from './baseline';
import type { Benefit, MonthlyAmount } from './benefit';
import type { EpicRanges } from '../ranges/estimates';
import type { ValueDecision } from './value-decision';

export const EPIC_STATUSES = ['todo', 'in_progress', 'done'] as const;
export type EpicStatus = (typeof EPIC_STATUSES)[number];

/** A link from an epic to a strategic objective, with the share of the epic's value it earns. */
export interface ObjectiveLink {
  /** The id of the linked objective. */
  readonly id: string;
  /** In (0, 1], at most 6 decimals; the shares of one epic sum to at most 1. */
  readonly share: number;
}

export interface Costs<TAmount = MinorUnits> {
  readonly planned: readonly MonthlyAmount<TAmount>[];
  readonly actual: readonly MonthlyAmount<TAmount>[];
}

/** Net Promoter Score survey counts for the outcome of an epic. */
export interface NpsCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/** The value record of one epic. */
export interface EpicValue<TAmount = MinorUnits> {
  /** Chance that the planned benefits arrive, in [0, 1] with at most 6 decimals. */
  readonly successProbability: number;
  readonly objectives: readonly ObjectiveLink[];
  readonly benefits: readonly Benefit<TAmount>[];
  readonly costs: Costs<TAmount>;
  readonly nps: NpsCounts | null;
  /** The plan as last approved (issue #15); absent until an approver approves it. */
  readonly baseline?: ApprovedBaseline<TAmount>;
  /**
   * Entered three-point estimates (risk ranges, issue #17), absent when none were entered.
   * Amount ranges are in `TAmount` like every other amount; percentages are percentages.
   */
  readonly ranges?: EpicRanges;
  /** The decision last applied from a value planning scenario (issue #16); absent until one is. */
  readonly decision?: ValueDecision;
}

/**
 * An epic and its value record. `Epic` (amounts in `MinorUnits`) is the engine's model;
 * `Epic<number>` is the same epic as written in a document, amounts as decimals (`EpicRecord`).
 */
export interface Epic<TAmount = MinorUnits> {
  readonly key: string;
  readonly summary: string;
  readonly project: string;
  /** Key of the epic's parent issue, or null when it has none. */
  readonly programme: string | null;
  readonly status: EpicStatus;
  readonly value: EpicValue<TAmount>;
}
