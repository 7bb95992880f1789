/**
 * KPIs as they cross the bridge: money as decimal amounts in the site currency, ratios as
 * numbers (0.25 = 25%), and null where a KPI cannot be computed (docs/kpis.md says when).
 */
export interface KpiFigures {
  epics: number;
  plannedBenefit: number;
  plannedBenefitToDate: number;
  realisedBenefit: number;
  /** Realised dis-benefits as a positive amount, already subtracted from the benefit figures. */
  disBenefitRealised: number;
  realisationRate: number | null;
  /** Realisation against the approved baselines; null when no epic of the scope has one. */
  baselineRealisationRate: number | null;
  /** (current plan − approved plan) ÷ approved plan of the baselined epics; null without one. */
  forecastDrift: number | null;
  costBudget: number;
  actualCost: number;
  forecastCost: number;
  riskAdjustedBenefit: number;
  roi: number | null;
  expectedRoi: number | null;
  valueForMoney: number | null;
  npv: number;
  paybackMonth: string | null;
  /** As paybackMonth, on flows discounted at the site's discount rate. */
  discountedPaybackMonth: string | null;
  /** Null where no single rate solves the flows (docs/kpis.md). */
  irr: number | null;
  /** Modified IRR, finance and reinvestment rate = the discount rate. */
  mirr: number | null;
  costAvoidanceRealised: number;
  costSavingRealised: number;
  verifiedShare: number | null;
  npsAtCompletion: number | null;
}

export interface ObjectiveFigures {
  status: 'active' | 'archived';
  attributedPlanned: number;
  attributedRealised: number;
  /** Whether the attributed realised benefit grew within the trailing window (default 3 months). */
  advanced: boolean;
}

/** An objective's figures against its target (docs/kpis.md, "Objective KPIs"). */
export interface ObjectiveTargetFigures {
  /** Attributed realised benefit within the trailing window that `advanced` looks at. */
  realisedInWindow: number;
  /** The admin's target, amount in the site currency; null when none is set. */
  target: { measure: string; amount: number; date: string } | null;
  /** attributedRealised / target amount; null without a target or with a target of 0. */
  progress: number | null;
  /** Attributed benefit forecast by the end of the target month; null without a target. */
  forecastAtTargetDate: number | null;
  /** forecastAtTargetDate >= target amount; null without a target. */
  onTrack: boolean | null;
}
