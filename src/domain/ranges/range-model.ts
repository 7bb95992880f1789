/**
 * The compiled form of a risk-range simulation: what `compileRangeModel` builds once and
 * `drawRangeBlock` reads for every draw. Flat typed arrays, numbers and strings only, so that it
 * can be posted to a worker thread as it is, and no per-epic objects in the hot loop.
 */

/** The simulated figures of one scope, one value per draw (minor units, whole numbers). */
export interface ScopeDraws {
  readonly scopeId: string;
  readonly npv: Float64Array;
  readonly benefitByHorizon: Float64Array;
  readonly totalCost: Float64Array;
  /** Attributed benefit by the target month, for scopes with a target; otherwise null. */
  readonly benefitByTarget: Float64Array | null;
}

/**
 * Draws `first` .. `first + count - 1` of a simulation (0-based). Blocks that cover 0 .. draws - 1
 * between them give, end to end, exactly the draws of the whole simulation: a simulation can be
 * split across threads or processes without changing a figure.
 */
export interface DrawBlock {
  readonly first: number;
  readonly count: number;
}

/**
 * A triangular range packed as TRIANGLE_FIELDS numbers: low, high, the split
 * (likely − low) / (high − low) (a uniform u is on the low side when u < split), the two areas
 * under the square roots of its inverse CDF, width × (likely − low) and width × (high − likely),
 * and the point `likely`. A range has spread when high > low; without, its value is the point.
 */
export const TRIANGLE_FIELDS = 6;
export const TRI_LOW = 0;
export const TRI_HIGH = 1;
export const TRI_SPLIT = 2;
export const TRI_LOW_AREA = 3;
export const TRI_HIGH_AREA = 4;
export const TRI_POINT = 5;

/** 2^31: probabilities become thresholds on 31-bit numbers (a 32-bit output shifted right once). */
export const TWO_TO_31 = 2_147_483_648;

/** A scope's figures per draw, in this order. */
export const NPV = 0;
export const BENEFIT = 1;
export const COST = 2;
export const TARGET = 3;
export const METRICS = 4;

/**
 * Draws are made in chunks of DRAW_CHUNK: each epic has its own random streams per chunk (see
 * `drawRangeBlock`), so a chunk of one epic is drawn in a tight loop with no other epic's data.
 */
export const DRAW_CHUNK = 1024;
/** Each chunk of a stream is drawn by LANES generators side by side: lane i draws d ≡ i (mod 4). */
export const LANES = 4;
/** Chunks per stream index: 1,024 chunks of 1,024 cover the 1,000,000 draws allowed. */
export const CHUNKS_PER_STREAM = 1024;
/** Stream 0 is the common shock; epic i (input order) uses stream i + 1, below 2^32 / 4,096. */
export const MAX_RANGE_EPICS = 1_000_000;

/**
 * Everything a draw needs, over the open epics only (those with planned cost or benefit after
 * the as-of month); what every epic settled by then is summed into `settledSums` once. Open epics are grouped
 * by their scope memberships (the same scopes with the same weights): a draw adds an epic into
 * its group's sums, and each group's sums into its scopes once, so an epic costs the same
 * whatever the number of scopes it is in.
 */
export interface CompiledModel {
  /** Number of open epics, in group order (input order within a group). */
  readonly epicCount: number;
  /** Random stream of each open epic: 1 + its index in the input. */
  readonly streamIndex: Int32Array;
  /** ⌈success probability × 2^31⌉: a draw succeeds when its 32-bit output >>> 1 is below it. */
  readonly successThreshold: Float64Array;
  /** Planned cost after the as-of month, undiscounted and discounted. */
  readonly futureCost: Float64Array;
  readonly futureCostPv: Float64Array;
  /** The cost multiple's range, TRIANGLE_FIELDS per epic. */
  readonly costTriangle: Float64Array;
  /** Benefits of epic e with something planned after as-of: `benefitStart[e] .. benefitStart[e + 1] - 1`. */
  readonly benefitStart: Int32Array;
  readonly benefitPv: Float64Array;
  /** Each benefit's multiple's range, TRIANGLE_FIELDS per benefit. */
  readonly benefitTriangle: Float64Array;
  /** Per horizon h: planned benefit in (as-of, h] (benefit b at `b * horizons + h`). */
  readonly benefitByHorizon: Float64Array;
  /** Horizon 0 is the simulation's horizon; the others are scope targets' months. */
  readonly horizons: number;
  readonly groupCount: number;
  /** Open epics of group g: `groupStart[g] .. groupStart[g + 1] - 1`. */
  readonly groupStart: Int32Array;
  /** Memberships of group g: `groupMemberStart[g] .. groupMemberStart[g + 1] - 1`. */
  readonly groupMemberStart: Int32Array;
  readonly memberScope: Int32Array;
  readonly memberWeight: Float64Array;
  /** Horizon index of each scope's target, or -1. */
  readonly scopeTargetHorizon: Int32Array;
  /**
   * Per scope and metric (`s * METRICS + metric`): what every epic has settled by as-of (past NPV,
   * actual cost, realised benefit by the horizon and by the scope's target), the same in every draw.
   */
  readonly settledSums: Float64Array;
}

/** A group's per-draw sums: NPV, cost, then benefit by each horizon. */
export const GROUP_NPV = 0;
export const GROUP_COST = 1;
export const GROUP_BENEFIT = 2;
export function groupSlots(horizons: number): number {
  return GROUP_BENEFIT + horizons;
}

/**
 * A simulation compiled once for any number of blocks: flat typed arrays, numbers and strings
 * only, so that it can be posted to a worker thread (structured clone) as it is.
 */
export interface RangeModel {
  readonly draws: number;
  readonly seed: number;
  readonly correlation: number;
  readonly scopeIds: readonly string[];
  readonly compiled: CompiledModel;
}
