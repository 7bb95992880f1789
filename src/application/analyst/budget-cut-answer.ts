import type { AgentAnswer, BudgetCutCap } from '../../contract/agent.contract';
import type { Scope } from '../../contract/gadget.contract';
import type { ScenarioDecision, ScenarioView } from '../../contract/planning.contract';
import { KPI_NAMES } from '../../contract/value-vocabulary';
import { runScenario } from '../planning/run-scenario';
import { epicLink, planningPageLink } from './agent-links';
import { requireBrowsable, type AnalystContext } from './analyst-context';
import { moneyWordsOf, scopeWords } from './answer-words';
import { MAX_EPICS_NAMED } from './epics-attention-answer';

export interface BudgetCutFigures {
  scope: Scope;
  cap: BudgetCutCap;
  /** The optimiser's answer, as the Value planning page shows it (`runScenario`). */
  scenario: ScenarioView;
}

function decisionWords(decision: ScenarioDecision, money: (amount: number) => string): string {
  const what =
    decision.choice === 'stop'
      ? 'stop'
      : decision.choice === 'delay'
        ? `delay ${String(decision.delayMonths ?? 0)} months`
        : 'continue';
  return `- ${decision.key} ${decision.summary}: ${what}; keeps ${money(decision.npvRetained)} of ${money(decision.remainingNpv)} remaining NPV (${decision.why.text})`;
}

/**
 * The budget-cut scenario for a cut (or a cap) on the spend of the year after the as-of month, as
 * the Value planning page runs it (`runScenario`, read as the asking user; no pins, no objective
 * floors): what to stop or delay, the cash it frees, the NPV kept and lost. It only answers: a
 * plan is applied on the planning page, by someone who may edit the epics.
 */
export async function budgetCutAnswer(
  context: AnalystContext,
  input: { scope: Scope; cap: BudgetCutCap },
): Promise<AgentAnswer<BudgetCutFigures>> {
  await requireBrowsable(context, input.scope);
  const [scenario, links] = await Promise.all([
    runScenario(context, { scope: input.scope, cap: input.cap, pins: [], floors: [] }),
    context.links.read(),
  ]);
  const money = moneyWordsOf(scenario.currency);
  const asked =
    input.cap.kind === 'percent-cut'
      ? `a ${String(input.cap.percent)}% cut of the forecast spend`
      : `a cap of ${money(input.cap.amount)} on the spend`;
  const heading = `Budget cut for ${scopeWords(input.scope)}: ${asked} of the year after ${scenario.asOf}, over ${String(scenario.epics)} in-flight epic(s) (${scenario.currency}).`;
  const figures = { scope: input.scope, cap: input.cap, scenario };
  if (scenario.status === 'infeasible') {
    return {
      text: [
        heading,
        'No plan meets it:',
        ...scenario.conflicts.map((conflict) => `- ${conflict.message}`),
        ...scenario.warnings.map((warning) => `Note: ${warning}`),
      ].join('\n'),
      figures,
      links: [planningPageLink(links)],
    };
  }
  const { exact } = scenario;
  const changed = exact.decisions.filter((decision) => decision.choice !== 'continue');
  const named = changed.slice(0, MAX_EPICS_NAMED);
  const continuing = exact.decisions.length - changed.length;
  // Current − retained remaining NPV; negative when stopping loss-makers gains value.
  const lost = Math.round((scenario.currentNpv - exact.npvRetained) * 1e6) / 1e6;
  const lines = [
    heading,
    `- ${KPI_NAMES.cashFreed}: ${money(exact.cashFreed)}`,
    `- ${KPI_NAMES.npvRetained}: ${money(exact.npvRetained)} of ${money(scenario.currentNpv)} (current plan)`,
    lost > 0
      ? `- ${KPI_NAMES.valueLost}: ${money(lost)}`
      : `- ${KPI_NAMES.valueLost}: none; the plan keeps ${money(-lost)} more remaining NPV than the current plan`,
    changed.length === 0
      ? `Every epic continues: the current plan already meets it.`
      : `Stop or delay ${String(changed.length)} epic(s)${changed.length > named.length ? ` (the first ${String(named.length)} below)` : ''}; ${String(continuing)} continue:`,
    ...named.map((decision) => decisionWords(decision, money)),
    ...scenario.valueLostByObjective
      .filter((objective) => objective.valueLost > 0)
      .map((objective) => `${KPI_NAMES.valueLost} for ${objective.name}: ${money(objective.valueLost)}`),
    ...scenario.warnings.map((warning) => `Note: ${warning}`),
    'Nothing was changed: open Value planning to adjust and apply the plan.',
  ];
  return {
    text: lines.join('\n'),
    figures,
    links: [
      ...named.map((decision) => epicLink(links, decision.key, decision.summary)),
      planningPageLink(links),
    ],
  };
}
