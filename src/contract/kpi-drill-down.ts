import type { EpicRow } from './gadget.contract';

/**
 * What a KPI tile's drill-down shows and how its rows reconcile with the tile. Shared by the
 * resolver (which epics are behind a KPI), the gadget (which columns, which total row) and the
 * tests that check, for every tile, that the rows add up to it.
 */

/** The KPIs with a tile. */
export const DRILL_KPIS = [
  'realisedBenefit',
  'disBenefitRealised',
  'realisationRate',
  'baselineRealisationRate',
  'forecastDrift',
  'roi',
  'expectedRoi',
  'npv',
  'irr',
  'mirr',
  'paybackMonth',
  'discountedPaybackMonth',
  'valueForMoney',
  'costSavingRealised',
  'costAvoidanceRealised',
  'npsAtCompletion',
  'strategicGoalsAdvancedPct',
  'objectivesOnTrackPct',
  'strategicAlignmentPct',
  'verifiedShare',
] as const;

export type DrillKpi = (typeof DRILL_KPIS)[number];

/** A column of an epic drill-down: money and counts add up; ratios, rates and months do not. */
export type EpicColumn =
  | 'successProbability'
  | 'plannedBenefit'
  | 'plannedBenefitToDate'
  | 'realisedBenefit'
  | 'actualCost'
  | 'forecastCost'
  | 'riskAdjustedBenefit'
  | 'npv'
  | 'costSavingRealised'
  | 'costAvoidanceRealised'
  | 'verifiedRealised'
  | 'grossRealisedBenefit'
  | 'alignedForecastCost'
  | 'disBenefitRealised'
  | 'baselineRealisedBenefit'
  | 'approvedPlannedBenefitToDate'
  | 'approvedPlannedBenefit'
  | 'baselineCurrentPlannedBenefit'
  | 'npsPromoters'
  | 'npsDetractors'
  | 'npsResponses'
  | 'share'
  | 'attributedPlanned'
  | 'attributedRealised'
  | 'realisationRate'
  | 'roi'
  | 'expectedRoi'
  | 'valueForMoney'
  | 'verifiedShare'
  | 'baselineRealisationRate'
  | 'forecastDrift'
  | 'irr'
  | 'mirr'
  | 'paybackMonth'
  | 'discountedPaybackMonth'
  | 'npsAtCompletion';

export type ColumnUnit = 'money' | 'ratio' | 'count' | 'month' | 'score';

export const COLUMN_UNIT: Record<EpicColumn, ColumnUnit> = {
  successProbability: 'ratio',
  plannedBenefit: 'money',
  plannedBenefitToDate: 'money',
  realisedBenefit: 'money',
  actualCost: 'money',
  forecastCost: 'money',
  riskAdjustedBenefit: 'money',
  npv: 'money',
  costSavingRealised: 'money',
  costAvoidanceRealised: 'money',
  verifiedRealised: 'money',
  grossRealisedBenefit: 'money',
  alignedForecastCost: 'money',
  disBenefitRealised: 'money',
  baselineRealisedBenefit: 'money',
  approvedPlannedBenefitToDate: 'money',
  approvedPlannedBenefit: 'money',
  baselineCurrentPlannedBenefit: 'money',
  npsPromoters: 'count',
  npsDetractors: 'count',
  npsResponses: 'count',
  share: 'ratio',
  attributedPlanned: 'money',
  attributedRealised: 'money',
  realisationRate: 'ratio',
  roi: 'ratio',
  expectedRoi: 'ratio',
  valueForMoney: 'ratio',
  verifiedShare: 'ratio',
  baselineRealisationRate: 'ratio',
  forecastDrift: 'ratio',
  irr: 'ratio',
  mirr: 'ratio',
  paybackMonth: 'month',
  discountedPaybackMonth: 'month',
  npsAtCompletion: 'score',
};

/** Whether a column's rows add up to a total (money and counts). */
export const isAdditive = (column: EpicColumn): boolean =>
  COLUMN_UNIT[column] === 'money' || COLUMN_UNIT[column] === 'count';

/** An epic's value in a column; null where the epic's own KPI is not computable. */
export function epicColumnValue(row: EpicRow, column: EpicColumn): number | string | null {
  switch (column) {
    case 'successProbability':
      return row.successProbability;
    case 'verifiedRealised':
    case 'grossRealisedBenefit':
    case 'alignedForecastCost':
      return row.drill[column];
    // An epic without an approved baseline adds nothing to the baseline KPIs.
    case 'baselineRealisedBenefit':
      return row.drill.baseline?.realisedBenefit ?? 0;
    case 'approvedPlannedBenefitToDate':
      return row.drill.baseline?.approvedPlannedBenefitToDate ?? 0;
    case 'approvedPlannedBenefit':
      return row.drill.baseline?.approvedPlannedBenefit ?? 0;
    case 'baselineCurrentPlannedBenefit':
      return row.drill.baseline?.currentPlannedBenefit ?? 0;
    case 'npsPromoters':
      return row.drill.nps?.promoters ?? 0;
    case 'npsDetractors':
      return row.drill.nps?.detractors ?? 0;
    case 'npsResponses':
      return row.drill.nps?.responses ?? 0;
    case 'share':
      return row.share ?? null;
    case 'attributedPlanned':
      return row.attributed?.planned ?? 0;
    case 'attributedRealised':
      return row.attributed?.realised ?? 0;
    default:
      return row.kpis[column];
  }
}

/**
 * How the rows reconcile with the tile:
 * - `sum`: the column's rows add up to the tile.
 * - `ratio`: Σ numerator ÷ Σ denominator × `scale` is the tile; `less` subtracts the denominator
 *   first (a return: (Σ benefit − Σ cost) ÷ Σ cost).
 * - `nps`: 100 × (Σ promoters − Σ detractors) ÷ Σ responses.
 * - `cash-flows`: the tile is a rate or a month of the combined monthly cash flows, not a sum of
 *   the epics' own; what adds up is their NPV (the NPV tile) and their money columns.
 * - `objectives`: the tile counts objectives, so the drill-down lists objectives, not epics.
 */
export type Reconciliation =
  | { kind: 'sum'; column: EpicColumn }
  | {
      kind: 'ratio';
      numerator: EpicColumn;
      denominator: EpicColumn;
      scale: 1 | 100;
      less: boolean;
    }
  | { kind: 'nps' }
  | { kind: 'cash-flows' }
  | { kind: 'objectives'; counts: 'advanced' | 'on-track' };

export interface KpiDrillDown {
  /** The epic columns shown after key, summary and status; the KPI's own first. */
  columns: readonly EpicColumn[];
  reconciles: Reconciliation;
  /** One sentence under the table saying how the rows make the tile. */
  explanation: string;
}

const ratio = (
  numerator: EpicColumn,
  denominator: EpicColumn,
  options: { scale?: 1 | 100; less?: boolean } = {},
): Reconciliation => ({
  kind: 'ratio',
  numerator,
  denominator,
  scale: options.scale ?? 1,
  less: options.less ?? false,
});

const CASH_FLOWS =
  'not a sum of the epics’ own: it is computed on the combined monthly cash flows of these epics, whose NPVs add up to the NPV tile.';

export const KPI_DRILL_DOWNS: Record<DrillKpi, KpiDrillDown> = {
  realisedBenefit: {
    columns: ['realisedBenefit', 'plannedBenefitToDate', 'plannedBenefit'],
    reconciles: { kind: 'sum', column: 'realisedBenefit' },
    explanation: 'The realised benefit of these epics adds up to the tile.',
  },
  // A dis-benefit is a size (≥ 0) already subtracted from realised benefit: beside it, what the
  // epic realised before and after the subtraction (issue #15, point 5).
  disBenefitRealised: {
    columns: ['disBenefitRealised', 'grossRealisedBenefit', 'realisedBenefit'],
    reconciles: { kind: 'sum', column: 'disBenefitRealised' },
    explanation:
      'The dis-benefits realised by these epics add up to the tile. Each reduces its epic’s net benefit: realised before dis-benefits − dis-benefit realised = realised benefit.',
  },
  realisationRate: {
    columns: ['realisationRate', 'realisedBenefit', 'plannedBenefitToDate'],
    reconciles: ratio('realisedBenefit', 'plannedBenefitToDate'),
    explanation: 'Total realised ÷ total planned to date is the tile.',
  },
  // Only epics with an approved baseline count, so the numerator and denominator are their own
  // columns (zero without a baseline) rather than realisedBenefit and plannedBenefitToDate.
  baselineRealisationRate: {
    columns: [
      'baselineRealisationRate',
      'baselineRealisedBenefit',
      'approvedPlannedBenefitToDate',
      'plannedBenefitToDate',
    ],
    reconciles: ratio('baselineRealisedBenefit', 'approvedPlannedBenefitToDate'),
    explanation:
      'Total realised ÷ total planned to date by the approved baselines is the tile; only epics with an approved baseline count. The current plan to date is shown beside it.',
  },
  forecastDrift: {
    columns: ['forecastDrift', 'baselineCurrentPlannedBenefit', 'approvedPlannedBenefit'],
    reconciles: ratio('baselineCurrentPlannedBenefit', 'approvedPlannedBenefit', { less: true }),
    explanation:
      '(Total current planned benefit − total approved planned benefit) ÷ total approved planned benefit is the tile; only epics with an approved baseline count.',
  },
  roi: {
    columns: ['roi', 'realisedBenefit', 'actualCost'],
    reconciles: ratio('realisedBenefit', 'actualCost', { less: true }),
    explanation: '(Total realised − total actual cost) ÷ total actual cost is the tile.',
  },
  expectedRoi: {
    columns: ['expectedRoi', 'riskAdjustedBenefit', 'forecastCost'],
    reconciles: ratio('riskAdjustedBenefit', 'forecastCost', { less: true }),
    explanation: '(Total risk-adjusted benefit − total forecast cost) ÷ total forecast cost is the tile.',
  },
  npv: {
    columns: ['npv', 'plannedBenefit', 'forecastCost', 'successProbability'],
    reconciles: { kind: 'sum', column: 'npv' },
    explanation:
      'The NPVs of these epics add up to the tile (each is rounded to the cent, so the total may differ by a cent per epic).',
  },
  irr: {
    columns: ['irr', 'npv', 'realisedBenefit', 'forecastCost'],
    reconciles: { kind: 'cash-flows' },
    explanation: `The IRR tile is ${CASH_FLOWS}`,
  },
  mirr: {
    columns: ['mirr', 'npv', 'realisedBenefit', 'forecastCost'],
    reconciles: { kind: 'cash-flows' },
    explanation: `The MIRR tile is ${CASH_FLOWS}`,
  },
  paybackMonth: {
    columns: ['paybackMonth', 'npv', 'realisedBenefit', 'actualCost'],
    reconciles: { kind: 'cash-flows' },
    explanation: `The payback month is ${CASH_FLOWS}`,
  },
  discountedPaybackMonth: {
    columns: ['discountedPaybackMonth', 'npv', 'realisedBenefit', 'actualCost'],
    reconciles: { kind: 'cash-flows' },
    explanation: `The discounted payback month is ${CASH_FLOWS}`,
  },
  valueForMoney: {
    columns: ['valueForMoney', 'riskAdjustedBenefit', 'forecastCost'],
    reconciles: ratio('riskAdjustedBenefit', 'forecastCost'),
    explanation: 'Total risk-adjusted benefit ÷ total forecast cost is the tile.',
  },
  costSavingRealised: {
    columns: ['costSavingRealised', 'realisedBenefit'],
    reconciles: { kind: 'sum', column: 'costSavingRealised' },
    explanation: 'The cost saving realised by these epics adds up to the tile.',
  },
  costAvoidanceRealised: {
    columns: ['costAvoidanceRealised', 'realisedBenefit'],
    reconciles: { kind: 'sum', column: 'costAvoidanceRealised' },
    explanation: 'The cost avoidance realised by these epics adds up to the tile.',
  },
  npsAtCompletion: {
    columns: ['npsAtCompletion', 'npsPromoters', 'npsDetractors', 'npsResponses'],
    reconciles: { kind: 'nps' },
    explanation:
      '100 × (total promoters − total detractors) ÷ total responses of these done epics is the tile.',
  },
  strategicGoalsAdvancedPct: {
    columns: [],
    reconciles: { kind: 'objectives', counts: 'advanced' },
    explanation: 'Advanced active objectives ÷ all active objectives is the tile.',
  },
  objectivesOnTrackPct: {
    columns: [],
    reconciles: { kind: 'objectives', counts: 'on-track' },
    explanation: 'Active objectives on track ÷ active objectives with a target is the tile.',
  },
  strategicAlignmentPct: {
    columns: ['alignedForecastCost', 'forecastCost'],
    reconciles: ratio('alignedForecastCost', 'forecastCost', { scale: 100 }),
    explanation: 'Total forecast cost linked to active objectives ÷ total forecast cost is the tile.',
  },
  // Verified share grades benefits, not dis-benefits: its base is the realised benefit before the
  // dis-benefits are subtracted (issue #15), so the net realisedBenefit column would not rebuild it.
  verifiedShare: {
    columns: ['verifiedShare', 'verifiedRealised', 'grossRealisedBenefit'],
    reconciles: ratio('verifiedRealised', 'grossRealisedBenefit'),
    explanation:
      'Total verified realised benefit ÷ total realised benefit before dis-benefits are subtracted is the tile.',
  },
};

/** The columns an epic's figures reconcile through, for deciding whether it is behind a KPI. */
function reconcilingColumns(kpi: DrillKpi): EpicColumn[] {
  const { reconciles } = KPI_DRILL_DOWNS[kpi];
  switch (reconciles.kind) {
    case 'sum':
      return [reconciles.column];
    case 'ratio':
      return [reconciles.numerator, reconciles.denominator];
    case 'nps':
      return ['npsResponses'];
    case 'cash-flows':
      return ['plannedBenefit', 'realisedBenefit', 'forecastCost'];
    case 'objectives':
      return [];
  }
}

/**
 * Whether an epic is behind a KPI: it adds something to one of the figures the KPI is made of.
 * The others would only add zeros, so leaving them out keeps the sums true.
 */
export function isBehind(row: EpicRow, kpi: DrillKpi): boolean {
  return reconcilingColumns(kpi).some((column) => {
    const value = epicColumnValue(row, column);
    return typeof value === 'number' && value !== 0;
  });
}

/** The sum of an additive column over rows, in minor units, so decimals add exactly. */
export function columnTotal(rows: readonly EpicRow[], column: EpicColumn, currencyExponent: number): number {
  const scale = COLUMN_UNIT[column] === 'money' ? 10 ** currencyExponent : 1;
  const minor = rows.reduce((sum, row) => {
    const value = epicColumnValue(row, column);
    return sum + (typeof value === 'number' ? Math.round(value * scale) : 0);
  }, 0);
  return minor / scale;
}

/**
 * The tile's figure rebuilt from the rows' totals; null where the totals give none: a zero base,
 * or a negative one (a net plan with more dis-benefit than benefit), for which the tile has no
 * rate either (`NET_PLAN_NEGATIVE`). Every other base of a ratio is a sum of amounts ≥ 0.
 */
export function reconciledFigure(
  rows: readonly EpicRow[],
  reconciles: Reconciliation,
  currencyExponent: number,
): number | null {
  const total = (column: EpicColumn) => columnTotal(rows, column, currencyExponent);
  switch (reconciles.kind) {
    case 'sum':
      return total(reconciles.column);
    case 'ratio': {
      const denominator = total(reconciles.denominator);
      if (denominator <= 0) return null;
      const numerator = total(reconciles.numerator) - (reconciles.less ? denominator : 0);
      return (reconciles.scale * numerator) / denominator;
    }
    case 'nps': {
      const responses = total('npsResponses');
      return responses === 0 ? null : (100 * (total('npsPromoters') - total('npsDetractors'))) / responses;
    }
    case 'cash-flows':
      return total('npv');
    case 'objectives':
      return null;
  }
}
