import type { AgentAnswer } from '../../contract/agent.contract';
import type { Scope } from '../../contract/gadget.contract';
import { FINISHING_VERDICT_NAMES, KPI_NAMES } from '../../contract/value-vocabulary';
import { getRanking } from '../planning/get-ranking';
import { listEpics } from '../portfolio/list-epics';
import { epicLink, planningPageLink } from './agent-links';
import { requireBrowsable, type AnalystContext } from './analyst-context';
import { moneyWordsOf, ratioWords, scopeWords } from './answer-words';

/** The most epics each list names: enough for a conversation; the counts cover all of them. */
export const MAX_EPICS_NAMED = 20;

export interface BehindPlanEpic {
  key: string;
  summary: string;
  plannedBenefitToDate: number;
  realisedBenefit: number;
  /** plannedBenefitToDate − realisedBenefit, > 0. */
  shortfall: number;
  realisationRate: number | null;
}

export interface StopSignalEpic {
  key: string;
  summary: string;
  remainingCost: number;
  remainingBenefit: number;
  /** What finishing loses: remaining risk-adjusted benefit − remaining cost (< 0). */
  margin: number;
}

export interface EpicsAttentionFigures {
  asOf: string;
  currency: string;
  scope: Scope;
  behindPlan: { count: number; shortfall: number; epics: BehindPlanEpic[] };
  stopSignal: { count: number; remainingCost: number; epics: StopSignalEpic[] };
}

/**
 * The epics of a scope that need a portfolio manager's attention, read as the asking user:
 * - behind plan (docs/kpis.md, "The VMO analyst"): realised benefit up to the as-of month below the
 *   benefit planned up to then, largest shortfall first (the gadget's epic rows, `listEpics`);
 * - with the stop signal: in flight and not worth finishing, their remaining cost more than the
 *   risk-adjusted benefit still to come (the planning page's ranking, `getRanking`).
 * Each list names at most `MAX_EPICS_NAMED` epics, with links; the counts and sums cover all.
 */
export async function epicsAttentionAnswer(
  context: AnalystContext,
  input: { scope: Scope },
): Promise<AgentAnswer<EpicsAttentionFigures>> {
  await requireBrowsable(context, input.scope);
  const [list, ranking, links] = await Promise.all([
    listEpics(context, { scope: input.scope, filter: { by: 'all' } }),
    getRanking(context, { scope: input.scope }),
    context.links.read(),
  ]);
  const money = moneyWordsOf(list.currency);
  const factor = 10 ** 6;
  const behind = list.epics
    .map((row) => ({
      key: row.key,
      summary: row.summary,
      plannedBenefitToDate: row.kpis.plannedBenefitToDate,
      realisedBenefit: row.kpis.realisedBenefit,
      shortfall: Math.round((row.kpis.plannedBenefitToDate - row.kpis.realisedBenefit) * factor) / factor,
      realisationRate: row.kpis.realisationRate,
    }))
    .filter((epic) => epic.shortfall > 0)
    .sort((a, b) => b.shortfall - a.shortfall || (a.key < b.key ? -1 : 1));
  const stopping = ranking.rows
    .filter((row) => row.signal.verdict === 'not_worth_finishing')
    .map((row) => ({
      key: row.key,
      summary: row.summary,
      remainingCost: row.remainingCost,
      remainingBenefit: row.remainingBenefit,
      margin: row.signal.margin,
    }));
  const behindShortfall = Math.round(behind.reduce((sum, epic) => sum + epic.shortfall * factor, 0)) / factor;
  const named = behind.slice(0, MAX_EPICS_NAMED);
  const namedStops = stopping.slice(0, MAX_EPICS_NAMED);
  const lines = [
    `Epics needing attention in ${scopeWords(input.scope)}, as of ${list.asOf} (${list.currency}):`,
    behind.length === 0
      ? 'Behind plan: none; every epic has realised at least the benefit planned to date.'
      : `Behind plan: ${String(behind.length)} epic(s), ${money(behindShortfall)} short of the benefit planned to date${behind.length > named.length ? ` (the ${String(named.length)} furthest behind below)` : ''}:`,
    ...named.map(
      (epic) =>
        `- ${epic.key} ${epic.summary}: ${KPI_NAMES.realisedBenefit} ${money(epic.realisedBenefit)} of ${money(epic.plannedBenefitToDate)} planned to date (${KPI_NAMES.realisationRate} ${ratioWords(epic.realisationRate)}), ${money(epic.shortfall)} short`,
    ),
    ranking.totals.notWorthFinishing === 0
      ? `Stop signal: none; no in-flight epic is ${FINISHING_VERDICT_NAMES.not_worth_finishing.toLowerCase()}.`
      : `Stop signal (${FINISHING_VERDICT_NAMES.not_worth_finishing}): ${String(ranking.totals.notWorthFinishing)} epic(s) with ${money(ranking.totals.notWorthFinishingCost)} of ${KPI_NAMES.remainingCost.toLowerCase()}:`,
    ...namedStops.map(
      (epic) =>
        `- ${epic.key} ${epic.summary}: ${KPI_NAMES.remainingCost} ${money(epic.remainingCost)} for ${money(epic.remainingBenefit)} of ${KPI_NAMES.remainingBenefit.toLowerCase()}; finishing loses ${money(-epic.margin)}`,
    ),
  ];
  const linked = new Map<string, string>();
  for (const epic of [...named, ...namedStops]) linked.set(epic.key, epic.summary);
  return {
    text: lines.join('\n'),
    figures: {
      asOf: list.asOf,
      currency: list.currency,
      scope: input.scope,
      behindPlan: { count: behind.length, shortfall: behindShortfall, epics: named },
      stopSignal: {
        count: ranking.totals.notWorthFinishing,
        remainingCost: ranking.totals.notWorthFinishingCost,
        epics: namedStops,
      },
    },
    links: [...[...linked].map(([key, summary]) => epicLink(links, key, summary)), planningPageLink(links)],
  };
}
