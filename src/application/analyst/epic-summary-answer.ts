import type { AgentAnswer } from '../../contract/agent.contract';
import type { KpiFigures } from '../../contract/kpi-figures';
import type { EpicPlanningFigures } from '../../contract/panel.contract';
import {
  EPIC_STATUS_NAMES,
  FINISHING_VERDICT_NAMES,
  KPI_NAMES,
  VALUE_DECISION_NAMES,
} from '../../contract/value-vocabulary';
import { getEpicValue } from '../epic-value/get-epic-value';
import type { PanelContext } from '../epic-value/panel-context';
import { epicLink, type SiteLinkSource } from './agent-links';
import { BENEFIT_COST_RETURN_KPIS, kpiFiguresOf } from './answer-kpis';
import { moneyWordsOf, ratioWords } from './answer-words';

/** The KPIs the summary quotes, in the order it quotes them. */
const EPIC_SUMMARY_KPIS = ['plannedBenefit', 'plannedBenefitToDate', ...BENEFIT_COST_RETURN_KPIS] as const;

export interface EpicSummaryFigures {
  key: string;
  summary: string;
  status: keyof typeof EPIC_STATUS_NAMES;
  asOf: string;
  currency: string;
  successProbability: number;
  kpis: Pick<KpiFigures, (typeof EPIC_SUMMARY_KPIS)[number]>;
  /** The planning figures of an in-flight epic; null once Done. */
  planning: EpicPlanningFigures | null;
  decision: keyof typeof VALUE_DECISION_NAMES | null;
}

/**
 * One epic's value summary, as its Value panel shows it (`getEpicValue`, as the asking user: an
 * epic they may not browse is "not found", exactly as in the panel), with a link to the epic.
 */
export async function epicSummaryAnswer(
  context: PanelContext & { links: SiteLinkSource },
  input: { issueKey: string },
): Promise<AgentAnswer<EpicSummaryFigures>> {
  const [view, links] = await Promise.all([getEpicValue(context, input), context.links.read()]);
  const money = moneyWordsOf(view.currency);
  const { kpis: k, planning } = view;
  const decision = view.value.decision?.choice ?? null;
  const lines = [
    `${view.epic.key} ${view.epic.summary} (${EPIC_STATUS_NAMES[view.epic.status]}), as of ${view.asOf} (${view.currency}):`,
    `- Success probability: ${(view.value.successProbability * 100).toFixed(0)}%`,
    `- ${KPI_NAMES.plannedBenefit}: ${money(k.plannedBenefit)} (${money(k.plannedBenefitToDate)} to date)`,
    `- ${KPI_NAMES.realisedBenefit}: ${money(k.realisedBenefit)}; ${KPI_NAMES.realisationRate} ${ratioWords(k.realisationRate)}`,
    `- ${KPI_NAMES.actualCost}: ${money(k.actualCost)}; ${KPI_NAMES.forecastCost} ${money(k.forecastCost)}`,
    `- ${KPI_NAMES.riskAdjustedBenefit}: ${money(k.riskAdjustedBenefit)}`,
    `- ${KPI_NAMES.roi}: ${ratioWords(k.roi)}; ${KPI_NAMES.expectedRoi} ${ratioWords(k.expectedRoi)}`,
    `- ${KPI_NAMES.npv}: ${money(k.npv)}`,
    ...(planning === null
      ? []
      : [
          `- ${KPI_NAMES.costOfDelay}: ${money(planning.costOfDelay)} a month; ${KPI_NAMES.remainingNpv} ${money(planning.remainingNpv)}; ${KPI_NAMES.remainingCost} ${money(planning.remainingCost)}`,
          `- Finishing signal: ${FINISHING_VERDICT_NAMES[planning.signal.verdict]} (margin ${money(planning.signal.margin)})`,
        ]),
    ...(decision === null ? [] : [`- Value decision: ${VALUE_DECISION_NAMES[decision]}`]),
  ];
  return {
    text: lines.join('\n'),
    figures: {
      key: view.epic.key,
      summary: view.epic.summary,
      status: view.epic.status,
      asOf: view.asOf,
      currency: view.currency,
      successProbability: view.value.successProbability,
      kpis: kpiFiguresOf(k, EPIC_SUMMARY_KPIS),
      planning,
      decision,
    },
    links: [epicLink(links, view.epic.key, view.epic.summary)],
  };
}
