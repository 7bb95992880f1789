import type { AgentAnswer } from '../../contract/agent.contract';
import type { Scope } from '../../contract/gadget.contract';
import type { KpiFigures } from '../../contract/kpi-figures';
import { KPI_NAMES } from '../../contract/value-vocabulary';
import { getPortfolio } from '../portfolio/get-portfolio';
import { dashboardsLink, planningPageLink } from './agent-links';
import { requireBrowsable, type AnalystContext } from './analyst-context';
import { BENEFIT_COST_RETURN_KPIS, kpiFiguresOf } from './answer-kpis';
import { moneyWordsOf, percentWords, ratioWords, scopeWords } from './answer-words';

/** The KPIs the answer quotes, in the order it quotes them. */
const PORTFOLIO_KPIS = [
  'epics',
  'plannedBenefit',
  ...BENEFIT_COST_RETURN_KPIS,
  'valueForMoney',
  'costAvoidanceRealised',
  'npsAtCompletion',
] as const;

export interface PortfolioKpisFigures {
  asOf: string;
  currency: string;
  scope: Scope;
  kpis: Pick<KpiFigures, (typeof PORTFOLIO_KPIS)[number]>;
  strategicGoalsAdvancedPct: number | null;
  strategicAlignmentPct: number | null;
  /** Epics left out because their value record cannot be read. */
  unreadableEpics: number;
}

/**
 * The portfolio KPIs of a scope, as the Portfolio value gadget shows them (`getPortfolio`, read
 * as the asking user): money in the site currency, ratios as percentages, under the KPI names
 * every screen uses, with links to the dashboards and the Value planning page.
 */
export async function portfolioKpisAnswer(
  context: AnalystContext,
  input: { scope: Scope },
): Promise<AgentAnswer<PortfolioKpisFigures>> {
  await requireBrowsable(context, input.scope);
  const [view, links] = await Promise.all([getPortfolio(context, input), context.links.read()]);
  const { portfolio: k } = view;
  const money = moneyWordsOf(view.currency);
  const unreadableEpics = view.unreadableCount ?? view.unreadable.length;
  const lines = [
    `Portfolio value of ${scopeWords(input.scope)}, as of ${view.asOf} (${view.currency}):`,
    `- ${KPI_NAMES.epics}: ${String(k.epics)}`,
    `- ${KPI_NAMES.plannedBenefit}: ${money(k.plannedBenefit)}`,
    `- ${KPI_NAMES.realisedBenefit}: ${money(k.realisedBenefit)}`,
    `- ${KPI_NAMES.realisationRate}: ${ratioWords(k.realisationRate)}`,
    `- ${KPI_NAMES.actualCost}: ${money(k.actualCost)}`,
    `- ${KPI_NAMES.forecastCost}: ${money(k.forecastCost)}`,
    `- ${KPI_NAMES.riskAdjustedBenefit}: ${money(k.riskAdjustedBenefit)}`,
    `- ${KPI_NAMES.roi}: ${ratioWords(k.roi)}`,
    `- ${KPI_NAMES.expectedRoi}: ${ratioWords(k.expectedRoi)}`,
    `- ${KPI_NAMES.npv}: ${money(k.npv)}`,
    `- ${KPI_NAMES.valueForMoney}: ${k.valueForMoney === null ? 'not computable' : `${k.valueForMoney.toFixed(2)}×`}`,
    `- ${KPI_NAMES.costAvoidanceRealised}: ${money(k.costAvoidanceRealised)}`,
    `- ${KPI_NAMES.npsAtCompletion}: ${k.npsAtCompletion === null ? 'no survey yet' : k.npsAtCompletion.toFixed(0)}`,
    `- ${KPI_NAMES.strategicGoalsAdvancedPct}: ${percentWords(view.strategicGoalsAdvancedPct)}`,
    `- ${KPI_NAMES.strategicAlignmentPct}: ${percentWords(view.strategicAlignmentPct)}`,
    ...(unreadableEpics > 0
      ? [`${String(unreadableEpics)} epic(s) left out: their value record cannot be read.`]
      : []),
  ];
  return {
    text: lines.join('\n'),
    figures: {
      asOf: view.asOf,
      currency: view.currency,
      scope: input.scope,
      kpis: kpiFiguresOf(k, PORTFOLIO_KPIS),
      strategicGoalsAdvancedPct: view.strategicGoalsAdvancedPct,
      strategicAlignmentPct: view.strategicAlignmentPct,
      unreadableEpics,
    },
    links: [dashboardsLink(links), planningPageLink(links)],
  };
}
