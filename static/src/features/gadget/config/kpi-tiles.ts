import type { KpiFigures } from '../../../../../src/contract/kpi-figures';

/** The KPI tiles a gadget can show, in the order they appear. */
export const TILE_IDS = [
  'realisedBenefit',
  'realisationRate',
  'roi',
  'expectedRoi',
  'npv',
  'valueForMoney',
  'costSavingRealised',
  'costAvoidanceRealised',
  'npsAtCompletion',
  'strategicGoalsAdvancedPct',
  'strategicAlignmentPct',
  'verifiedShare',
] as const;

export type TileId = (typeof TILE_IDS)[number];

/**
 * How a KPI's number reads: a ratio (0.25 shown as 25%), a value already in percent (25), money
 * in the site currency, a multiple (1.12×) or a score (NPS, −100 to 100). Targets are stored in
 * the same unit as the KPI.
 */
export type KpiUnit = 'ratio' | 'percent' | 'money' | 'multiple' | 'score';

/** What a tile reads from: the portfolio's figures plus the two strategic percentages. */
export interface TileFigures {
  figures: KpiFigures;
  strategicGoalsAdvancedPct: number | null;
  strategicAlignmentPct: number | null;
  asOf: string;
}

export interface TileDefinition {
  id: TileId;
  label: string;
  unit: KpiUnit;
  value(source: TileFigures): number | null;
  /** Why the value is null (only asked when it is). */
  notComputable: string;
  /** The formula, per docs/kpis.md, in words. */
  formula: string;
}

const money = (pick: (f: KpiFigures) => number) => (source: TileFigures) => pick(source.figures);

export const TILES: Record<TileId, TileDefinition> = {
  realisedBenefit: {
    id: 'realisedBenefit',
    label: 'Realised benefit',
    unit: 'money',
    value: money((f) => f.realisedBenefit),
    notComputable: '',
    formula:
      'Sum of every benefit realised up to the as-of month, of every kind and evidence grade. Compared with the benefit planned for the same months.',
  },
  realisationRate: {
    id: 'realisationRate',
    label: 'Realisation rate',
    unit: 'ratio',
    value: (s) => s.figures.realisationRate,
    notComputable: 'Nothing is planned up to the as-of month yet.',
    formula: 'Realised benefit ÷ benefit planned up to the as-of month. Above 100% means ahead of plan.',
  },
  roi: {
    id: 'roi',
    label: 'ROI to date',
    unit: 'ratio',
    value: (s) => s.figures.roi,
    notComputable: 'No actual cost is recorded yet.',
    formula: '(Realised benefit − actual cost) ÷ actual cost, both up to the as-of month.',
  },
  expectedRoi: {
    id: 'expectedRoi',
    label: 'Expected ROI',
    unit: 'ratio',
    value: (s) => s.figures.expectedRoi,
    notComputable: 'No cost is forecast for these epics.',
    formula:
      '(Risk-adjusted benefit − forecast cost) ÷ forecast cost. Risk-adjusted benefit is what was realised plus each epic’s success probability × the benefit it still plans; forecast cost is actual cost plus the cost still planned.',
  },
  npv: {
    id: 'npv',
    label: 'NPV',
    unit: 'money',
    value: money((f) => f.npv),
    notComputable: '',
    formula:
      'Sum of the monthly net cash flows discounted to the as-of month at the site’s discount rate (applied monthly). Past months use what happened; later months use the plan, benefits weighted by success probability.',
  },
  valueForMoney: {
    id: 'valueForMoney',
    label: 'Value for money',
    unit: 'multiple',
    value: (s) => s.figures.valueForMoney,
    notComputable: 'No cost is forecast for these epics.',
    formula:
      'Risk-adjusted benefit ÷ forecast cost: expected benefit per unit of money spent (1× = break even).',
  },
  costSavingRealised: {
    id: 'costSavingRealised',
    label: 'Cost saving realised',
    unit: 'money',
    value: money((f) => f.costSavingRealised),
    notComputable: '',
    formula:
      'Sum of realised benefits of kind “cost saving” up to the as-of month: spend that stops, booked against the budget. Kept apart from cost avoidance.',
  },
  costAvoidanceRealised: {
    id: 'costAvoidanceRealised',
    label: 'Cost avoidance realised',
    unit: 'money',
    value: money((f) => f.costAvoidanceRealised),
    notComputable: '',
    formula:
      'Sum of realised benefits of kind “cost avoidance” up to the as-of month: spend that never happens, which finance books only as a memo. Kept apart from cost saving.',
  },
  npsAtCompletion: {
    id: 'npsAtCompletion',
    label: 'NPS at completion',
    unit: 'score',
    value: (s) => s.figures.npsAtCompletion,
    notComputable: 'No done epic has NPS survey responses yet.',
    formula:
      '100 × (promoters − detractors) ÷ responses, pooled over the done epics that have survey responses. From −100 to 100.',
  },
  strategicGoalsAdvancedPct: {
    id: 'strategicGoalsAdvancedPct',
    label: 'Strategic goals advanced',
    unit: 'percent',
    value: (s) => s.strategicGoalsAdvancedPct,
    notComputable: 'There is no active strategic objective. A Jira admin can add one on the admin page.',
    formula: 'Active objectives that some realised benefit has advanced ÷ all active objectives.',
  },
  strategicAlignmentPct: {
    id: 'strategicAlignmentPct',
    label: 'Strategic alignment of spend',
    unit: 'percent',
    value: (s) => s.strategicAlignmentPct,
    notComputable: 'No cost is forecast for these epics.',
    formula:
      'Forecast cost linked to active objectives (weighted by each epic’s share of each objective) ÷ all forecast cost.',
  },
  verifiedShare: {
    id: 'verifiedShare',
    label: 'Verified by finance',
    unit: 'ratio',
    value: (s) => s.figures.verifiedShare,
    notComputable: 'Nothing has been realised yet.',
    formula: 'Realised benefit whose evidence is “verified” ÷ all realised benefit, up to the as-of month.',
  },
};
