import { KPI_NAMES } from '../../../../src/contract/value-vocabulary';

/** The figures of the ranking, in column order, named as every screen and doc names them. */
export const RANKING_FIGURES = [
  { id: 'cd3', label: KPI_NAMES.cd3 },
  { id: 'costOfDelay', label: `${KPI_NAMES.costOfDelay} / month` },
  { id: 'remainingNpv', label: KPI_NAMES.remainingNpv },
  { id: 'remainingCost', label: KPI_NAMES.remainingCost },
  { id: 'remainingMonths', label: KPI_NAMES.remainingMonths },
] as const satisfies readonly { id: keyof typeof KPI_NAMES; label: string }[];

export type RankingFigure = (typeof RANKING_FIGURES)[number]['id'];
