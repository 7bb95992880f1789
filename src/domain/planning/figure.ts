/** Why a planning figure has no value. Each figure documents which of these it can return. */
export type PlanningReason = 'NO_REMAINING_WORK' | 'NOTHING_FREED';

/**
 * A planning figure, or the reason there is none: the same shape as the engine's `Kpi`, so a
 * degenerate input (a ratio over zero months) is a value, never NaN, Infinity or a throw.
 */
export type Figure<T, R extends PlanningReason = PlanningReason> =
  { readonly value: T } | { readonly value: null; readonly reason: R };
