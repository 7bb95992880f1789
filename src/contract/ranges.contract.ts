import { z } from 'zod';
import { portfolioInput } from './gadget.contract';
import { planningJobIdSchema } from './planning-job.contract';
import { yearMonthSchema } from './primitives.schema';

/**
 * Risk ranges of a gadget scope (issue #17): P10 / P50 / P90 from a seeded Monte-Carlo simulation
 * (docs/kpis.md, "Risk ranges"). Resolver key `GADGET.getRanges` (resolver-keys.ts).
 */

/** Draws when the caller names none: P10 and P90 within about ±0.7 percentage points. */
export const DEFAULT_RANGE_DRAWS = 2000;
/** The most draws one call simulates. */
export const MAX_GADGET_RANGE_DRAWS = 10_000;
/**
 * The most epic-draws (epics × draws) one gadget call simulates. Measured with the bench's
 * generated portfolios (201 programmes, 50 projects, objectives and a 13-point fan) through
 * `rangesViewOf` in one thread on the shared 2-core machine, with the WebAssembly draw kernel:
 * 5,000 epics × 10,000 draws (50M) took 4.3 to 4.5 s, × 2,000 draws 1.4 to 1.5 s. With reading
 * 5,000 epics from Jira (about 7.5 s) a call of 50M stays near 12 s, inside the 25 s resolver
 * limit with room for a slower machine, and the largest live scope (5,000 epics) may ask for the
 * most draws a call allows (10,000).
 */
export const MAX_RANGE_EPIC_DRAWS = 50_000_000;
/** The fewest draws the gadget simulates when it lowers the count for a large scope. */
export const MIN_RANGE_DRAWS = 500;
/** The most months a fan chart has points for. */
export const MAX_FAN_POINTS = 24;

export const rangesInput = portfolioInput.extend({
  /** 100 to 10,000; 2,000 when not given. */
  draws: z.number().int().min(100).max(MAX_GADGET_RANGE_DRAWS).optional(),
  /** Any whole number 0 to 2^32 − 1; when not given, one derived from the scope (shown in the answer). */
  seed: z.number().int().min(0).max(0xffff_ffff).optional(),
  /** "Benefit realised by": 12 months after as-of when not given; at most 10 years after it. */
  horizon: yearMonthSchema.optional(),
  /** The common shock, 0 (independent epics) to 1; 0 when not given. */
  correlation: z.number().min(0).max(1).optional(),
});

/** A risk-ranges job of the caller (GADGET.getRangesJob). */
export const getRangesJobInput = z.strictObject({ jobId: planningJobIdSchema });

/** P10 / P50 / P90 of a money figure, decimal amounts in the site currency. */
export interface RangeFiguresView {
  p10: number;
  p50: number;
  p90: number;
}

export interface ScopeRangesView {
  epics: number;
  npv: RangeFiguresView;
  benefitByHorizon: RangeFiguresView;
  totalCost: RangeFiguresView;
  /** Share of draws with NPV below zero, 0 to 1. */
  probabilityNpvBelowZero: number;
}

export interface ObjectiveRangesView extends ScopeRangesView {
  name: string;
  /** The admin's target (amount in the site currency, date); null without one. */
  target: { amount: number; date: string } | null;
  /** Share of draws in which the attributed benefit by the target's month reaches it; null without a target. */
  probabilityTargetReached: number | null;
  /** Why `probabilityTargetReached` is null (never set when it is a number). */
  probabilityReason: ObjectiveChanceReason | null;
}

/**
 * Why an objective has no chance of reaching its target: it has no target (`NO_TARGET`), or its
 * stored target date has no real month (`TARGET_DATE_UNREADABLE`, only records older than the
 * admin page's date check).
 */
export type ObjectiveChanceReason = 'NO_TARGET' | 'TARGET_DATE_UNREADABLE';

/**
 * How much of the ranges rests on default spreads (src/domain/ranges/default-spreads.ts): of the
 * benefits drawn (planned after as-of), how many have no entered range; the same for costs.
 */
export interface DefaultSpreadsView {
  benefits: number;
  defaultBenefits: number;
  costs: number;
  defaultCosts: number;
}

/** One month of the fan chart: the plan and the range of cumulative benefit by the month's end. */
export interface FanPointView extends RangeFiguresView {
  month: string;
  plan: number;
}

export interface RangesView {
  asOf: string;
  horizon: string;
  currency: string;
  seed: number;
  draws: number;
  correlation: number;
  distribution: 'triangular';
  percentileMethod: 'nearest-rank';
  portfolio: ScopeRangesView;
  byProject: Record<string, ScopeRangesView>;
  /** `(none)` holds epics without a parent issue. */
  byProgramme: Record<string, ScopeRangesView>;
  byObjective: Record<string, ObjectiveRangesView>;
  /** Cumulative benefit of the whole scope, at most `MAX_FAN_POINTS` months from as-of to the horizon. */
  fan: FanPointView[];
  /** Epics left out because their stored record cannot be read. */
  unreadable: { key: string; reason: string }[];
  /** How many drawn benefits and costs take a default spread; absent from older answers. */
  defaultSpreads?: DefaultSpreadsView;
}
