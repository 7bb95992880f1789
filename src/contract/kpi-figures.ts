/**
 * KPIs as they cross the bridge: money as decimal amounts in the site currency, ratios as
 * numbers (0.25 = 25%), and null where a KPI cannot be computed (docs/kpis.md says when).
 */
export interface KpiFigures {
  epics: number;
  plannedBenefit: number;
  plannedBenefitToDate: number;
  realisedBenefit: number;
  realisationRate: number | null;
  costBudget: number;
  actualCost: number;
  forecastCost: number;
  riskAdjustedBenefit: number;
  roi: number | null;
  expectedRoi: number | null;
  valueForMoney: number | null;
  npv: number;
  paybackMonth: string | null;
  irr: number | null;
  costAvoidanceRealised: number;
  costSavingRealised: number;
  verifiedShare: number | null;
  npsAtCompletion: number | null;
}

export interface ObjectiveFigures {
  status: 'active' | 'archived';
  attributedPlanned: number;
  attributedRealised: number;
  advanced: boolean;
}
