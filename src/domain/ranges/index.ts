/**
 * Risk ranges: three-point estimates on benefits and costs, and a seeded Monte-Carlo simulation
 * giving P10 / P50 / P90 of NPV, benefit by a horizon and total cost for any set of epics.
 */
export {
  DEFAULT_BENEFIT_RANGE_PCT,
  DEFAULT_COST_OVERRUN_PCT,
  NO_EPIC_RANGES,
  benefitEvidenceGrade,
  resolveEpicRanges,
  type BenefitRangeEstimate,
  type CostOverrunEstimate,
  type EpicRanges,
  type ResolvedEpicRanges,
  type ResolvedRange,
} from './estimates';
export { triangularMean, triangularQuantile, type ThreePoint } from './triangular';
export { nearestRankPercentile, nearestRankPercentiles } from './percentile';
export { Xoshiro128StarStar, seededXoshiro128StarStar, starStar } from './xoshiro128-star-star';
export {
  DRAW_CHUNK,
  MAX_RANGE_DRAWS,
  compileRangeModel,
  drawRangeBlock,
  joinDrawBlocks,
  simulateRangeDraws,
  type CompiledModel,
  type DrawBlock,
  type RangeModel,
  type RangeScope,
  type RangeSimulationInput,
  type ScopeDraws,
} from './range-simulation';
export {
  rangeFiguresOf,
  rangeSimulationOf,
  rangeSimulationWith,
  scopeRangesOf,
  simulateRanges,
  type RangeFigures,
  type RangeSimulation,
  type ScopeRanges,
} from './range-figures';
export { portfolioRangeScopes, type RangeObjective } from './range-scopes';
export { epicRangesFromRecord, type EpicRangesRecord } from './estimates-from-record';
export { fanMonths, fanOf, fanScopes, isFanScopeId, planBenefitBy, type FanPoint } from './range-fan';
export { defaultSpreadCounts, type DefaultSpreadCounts } from './default-spreads';
