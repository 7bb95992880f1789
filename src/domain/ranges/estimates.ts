import type { Benefit, EvidenceGrade } from '../model/benefit';
import type { Epic } from '../model/epic';
import { monthIndexOf, type YearMonth } from '../time/year-month';
import type { ThreePoint } from './triangular';

/**
 * A three-point estimate of one benefit: low / likely / high either as percentages of the
 * benefit's plan (`percentOfPlan`: 60, 100, 130) or as amounts of the benefit's whole-plan total
 * (`amount`, minor units). low <= likely <= high (validation enforces it).
 */
export interface BenefitRangeEstimate {
  readonly benefitId: string;
  readonly basis: 'percentOfPlan' | 'amount';
  readonly low: number;
  readonly likely: number;
  readonly high: number;
}

/**
 * The cost-overrun range of an epic, in percent of its planned cost still to come: -10 / 0 / 50
 * means from 10% under to 50% over plan, most likely on plan. Each at least -100.
 */
export type CostOverrunEstimate = ThreePoint;

/** What an epic's owner entered; everything optional (missing parts take the defaults). */
export interface EpicRanges {
  readonly benefits: readonly BenefitRangeEstimate[];
  readonly costOverrun: CostOverrunEstimate | null;
}

export const NO_EPIC_RANGES: EpicRanges = { benefits: [], costOverrun: null };

/**
 * Default benefit range by evidence grade, in percent of plan. Benefits are skewed low (the plan
 * is the likely case; shortfalls are deeper than windfalls), the wider the weaker the evidence.
 */
export const DEFAULT_BENEFIT_RANGE_PCT: { readonly [G in EvidenceGrade]: ThreePoint } = {
  verified: { low: 90, likely: 100, high: 110 },
  measured: { low: 70, likely: 100, high: 115 },
  estimated: { low: 40, likely: 100, high: 120 },
};

/** Default cost overrun by evidence grade, in percent of plan: skewed to overrun. */
export const DEFAULT_COST_OVERRUN_PCT: { readonly [G in EvidenceGrade]: ThreePoint } = {
  verified: { low: -5, likely: 0, high: 10 },
  measured: { low: -10, likely: 0, high: 25 },
  estimated: { low: -10, likely: 0, high: 50 },
};

/** A range as the simulation uses it: multiples of plan (1 = plan), and where it came from. */
export interface ResolvedRange {
  /** Multiples of the plan still to come: 0.4 / 1 / 1.2. */
  readonly factors: ThreePoint;
  /** `entered` by the epic's owner, or the `default` for `evidence` (shown as a default). */
  readonly source: 'entered' | 'default';
  readonly evidence: EvidenceGrade;
}

export interface ResolvedEpicRanges {
  readonly benefits: readonly (ResolvedRange & { readonly benefitId: string })[];
  readonly costOverrun: ResolvedRange;
}

const GRADE_STRENGTH: { readonly [G in EvidenceGrade]: number } = { verified: 2, measured: 1, estimated: 0 };

/** The weakest of `grades`, or `estimated` when there are none (a plan nobody has measured). */
function weakestGrade(grades: Iterable<EvidenceGrade>): EvidenceGrade {
  let weakest: EvidenceGrade | null = null;
  for (const grade of grades) {
    if (weakest === null || GRADE_STRENGTH[grade] < GRADE_STRENGTH[weakest]) weakest = grade;
  }
  return weakest ?? 'estimated';
}

/**
 * The evidence grade of a benefit as of a month: the weakest grade among its realised entries
 * dated up to then, or `estimated` when nothing is realised yet. Weakest, not best, so that one
 * verified month does not narrow the range of a benefit otherwise guessed.
 */
export function benefitEvidenceGrade({
  benefit,
  asOf,
}: {
  benefit: Benefit;
  asOf: YearMonth;
}): EvidenceGrade {
  const last = monthIndexOf(asOf);
  let weakest: EvidenceGrade | null = null;
  // A loop rather than filter and map: a range simulation grades every benefit of 50,000 epics.
  for (const entry of benefit.realised) {
    if (monthIndexOf(entry.month) > last) continue;
    if (weakest === null || GRADE_STRENGTH[entry.evidence] < GRADE_STRENGTH[weakest])
      weakest = entry.evidence;
  }
  return weakest ?? 'estimated';
}

function percentFactors({ low, likely, high }: ThreePoint): ThreePoint {
  return { low: low / 100, likely: likely / 100, high: high / 100 };
}

/** The default benefit ranges as multiples of plan, made once. */
const DEFAULT_BENEFIT_FACTORS: { readonly [G in EvidenceGrade]: ThreePoint } = {
  verified: percentFactors(DEFAULT_BENEFIT_RANGE_PCT.verified),
  measured: percentFactors(DEFAULT_BENEFIT_RANGE_PCT.measured),
  estimated: percentFactors(DEFAULT_BENEFIT_RANGE_PCT.estimated),
};

function plannedTotal(benefit: Benefit): number {
  return benefit.planned.reduce((sum, entry) => sum + entry.amount, 0);
}

/**
 * The benefit's range as multiples of plan. An amount range is divided by the benefit's
 * whole-plan total (amount ÷ planned total); with nothing planned there is nothing to scale, and
 * the factors are 1 (any factor of 0 is 0).
 */
function enteredBenefitFactors(benefit: Benefit, estimate: BenefitRangeEstimate): ThreePoint {
  if (estimate.basis === 'percentOfPlan') return percentFactors(estimate);
  const total = plannedTotal(benefit);
  if (total === 0) return { low: 1, likely: 1, high: 1 };
  return { low: estimate.low / total, likely: estimate.likely / total, high: estimate.high / total };
}

/**
 * Every range of an epic, entered or defaulted. Entered ranges for benefits the epic no longer
 * has are ignored (the save-time check reports them). The cost default follows the epic's
 * weakest benefit grade (`estimated` without benefits).
 */
export function resolveEpicRanges({
  epic,
  ranges,
  asOf,
}: {
  epic: Epic;
  ranges: EpicRanges;
  asOf: YearMonth;
}): ResolvedEpicRanges {
  const entered =
    ranges.benefits.length === 0
      ? null
      : new Map(ranges.benefits.map((estimate) => [estimate.benefitId, estimate]));
  const benefits = epic.value.benefits.map((benefit) => {
    const evidence = benefitEvidenceGrade({ benefit, asOf });
    const estimate = entered?.get(benefit.id);
    return estimate === undefined
      ? {
          benefitId: benefit.id,
          factors: DEFAULT_BENEFIT_FACTORS[evidence],
          source: 'default' as const,
          evidence,
        }
      : {
          benefitId: benefit.id,
          factors: enteredBenefitFactors(benefit, estimate),
          source: 'entered' as const,
          evidence,
        };
  });
  const epicEvidence = weakestGrade(benefits.map((benefit) => benefit.evidence));
  const overrun = ranges.costOverrun ?? DEFAULT_COST_OVERRUN_PCT[epicEvidence];
  return {
    benefits,
    costOverrun: {
      factors: { low: 1 + overrun.low / 100, likely: 1 + overrun.likely / 100, high: 1 + overrun.high / 100 },
      source: ranges.costOverrun === null ? 'default' : 'entered',
      evidence: epicEvidence,
    },
  };
}
