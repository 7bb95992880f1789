import type { Epic } from '../model/epic';
import type { MinorUnits } from '../money/minor-units';
import type { YearMonth } from '../time/year-month';
import { totalsOfEpic } from '../totals/totals-of-epics';
import { actualCost } from './actual-cost';
import { baselineRealisationRate } from './baseline-realisation-rate';
import { costAvoidanceRealised } from './cost-avoidance-realised';
import { disBenefitRealised } from './dis-benefit-realised';
import { forecastDrift } from './forecast-drift';
import { costBudget } from './cost-budget';
import { costSavingRealised } from './cost-saving-realised';
import { expectedRoi } from './expected-roi';
import { forecastCost } from './forecast-cost';
import { discountedPaybackMonth } from './discounted-payback-month';
import { irr, type IrrReason } from './irr';
import type { DiscountedKpiInput, Kpi } from './kpi';
import { mirr } from './mirr';
import { npsAtCompletion } from './nps-at-completion';
import { npv } from './npv';
import { paybackMonth } from './payback-month';
import { plannedBenefit } from './planned-benefit';
import { plannedBenefitToDate } from './planned-benefit-to-date';
import { realisationRate } from './realisation-rate';
import { realisedBenefit } from './realised-benefit';
import { riskAdjustedBenefit } from './risk-adjusted-benefit';
import { roi } from './roi';
import { valueForMoney } from './value-for-money';
import { verifiedShare } from './verified-share';

/** Every KPI of a set of epics (a portfolio, programme, project or single epic), as of a month. */
export interface ValueKpis {
  readonly epics: number;
  readonly plannedBenefit: MinorUnits;
  readonly plannedBenefitToDate: MinorUnits;
  readonly realisedBenefit: MinorUnits;
  readonly realisationRate: Kpi<number, 'NOTHING_PLANNED_TO_DATE' | 'NET_PLAN_NEGATIVE'>;
  /** Realisation against the approved baselines (issue #15). */
  readonly baselineRealisationRate: Kpi<
    number,
    'NO_APPROVED_BASELINE' | 'NOTHING_PLANNED_TO_DATE' | 'NET_PLAN_NEGATIVE'
  >;
  /** Current plan against the approved baselines (issue #15). */
  readonly forecastDrift: Kpi<number, 'NO_APPROVED_BASELINE' | 'NO_APPROVED_BENEFIT' | 'NET_PLAN_NEGATIVE'>;
  /** Realised dis-benefits, apart (already subtracted from the benefit KPIs). */
  readonly disBenefitRealised: MinorUnits;
  readonly costBudget: MinorUnits;
  readonly actualCost: MinorUnits;
  readonly forecastCost: MinorUnits;
  readonly riskAdjustedBenefit: MinorUnits;
  readonly roi: Kpi<number, 'NO_ACTUAL_COST'>;
  readonly expectedRoi: Kpi<number, 'NO_FORECAST_COST'>;
  readonly valueForMoney: Kpi<number, 'NO_FORECAST_COST'>;
  readonly npv: MinorUnits;
  readonly paybackMonth: Kpi<YearMonth, 'NEVER_IN_DEFICIT' | 'NOT_RECOVERED'>;
  readonly discountedPaybackMonth: Kpi<YearMonth, 'NEVER_IN_DEFICIT' | 'NOT_RECOVERED'>;
  readonly irr: Kpi<number, IrrReason>;
  readonly mirr: Kpi<number, 'NO_SIGN_CHANGE'>;
  readonly costAvoidanceRealised: MinorUnits;
  readonly costSavingRealised: MinorUnits;
  readonly verifiedShare: Kpi<number, 'NO_REALISED_BENEFIT'>;
  readonly npsAtCompletion: Kpi<number, 'NO_NPS_RESPONSES'>;
}

/** Every KPI of the epics summed in `totals`, as of `asOf`. */
export function valueKpis(input: DiscountedKpiInput): ValueKpis {
  return {
    epics: input.totals.epicCount,
    plannedBenefit: plannedBenefit(input),
    plannedBenefitToDate: plannedBenefitToDate(input),
    realisedBenefit: realisedBenefit(input),
    realisationRate: realisationRate(input),
    baselineRealisationRate: baselineRealisationRate(input),
    forecastDrift: forecastDrift(input),
    disBenefitRealised: disBenefitRealised(input),
    costBudget: costBudget(input),
    actualCost: actualCost(input),
    forecastCost: forecastCost(input),
    riskAdjustedBenefit: riskAdjustedBenefit(input),
    roi: roi(input),
    expectedRoi: expectedRoi(input),
    valueForMoney: valueForMoney(input),
    npv: npv(input),
    paybackMonth: paybackMonth(input),
    discountedPaybackMonth: discountedPaybackMonth(input),
    irr: irr(input),
    mirr: mirr(input),
    costAvoidanceRealised: costAvoidanceRealised(input),
    costSavingRealised: costSavingRealised(input),
    verifiedShare: verifiedShare(input),
    npsAtCompletion: npsAtCompletion(input),
  };
}

/** The KPIs of a single epic (shown on the epic panel): `valueKpis` of `totalsOfEpic`. */
export function epicKpis({
  epic,
  asOf,
  discountRate,
}: {
  epic: Epic;
  asOf: YearMonth;
  discountRate: number;
}): ValueKpis {
  return valueKpis({ totals: totalsOfEpic({ epic }), asOf, discountRate });
}
