import type {
  RunScenarioInput,
  ScenarioDecision,
  ScenarioPlan,
  ScenarioView,
} from '../../contract/planning.contract';
import {
  DEFAULT_WINDOW_MONTHS,
  planBudgetCut,
  remainingNpv,
  type BudgetCap,
  type BudgetPlan,
} from '../../domain/planning';
import { valueLostByObjective } from '../../domain/planning/value-lost-by-objective';
import type { AppSettings, StoredObjective } from '../../contract/site-config.schema';
import type { EpicRecord } from '../../domain/model/portfolio-record';
import { monthOf } from '../ports/clock';
import type { BlockLink } from '../ports/jira-site';
import type { GadgetContext } from '../portfolio/gadget-context';
import { basisOf, readScenarioScope, scenarioConstraintsOf } from './scenario-basis';
import { conflictView, reasonWords, warningWords } from './scenario-words';
import { keepProbabilitiesView, scenarioSeedOf } from './scenario-keep';

/** Quarters in the budget window (the year after the as-of month). */
const QUARTERS = Math.ceil(DEFAULT_WINDOW_MONTHS / 3);

/**
 * The budget-cut optimiser over a scope (issue 16): the in-flight epics the viewer may browse
 * (read as the viewer, as for the ranking), the "Blocks" links between them, the cap, pins and
 * objective floors, planned by `planBudgetCut`. Answers the decisions with their reasons in words,
 * cash freed per period, NPV retained against the current plan, value lost per objective and the
 * greedy baseline with its gap; or the conflicts naming the constraints that cannot all hold.
 *
 * Only epics of the scope the viewer may browse take part, and only links between two of them:
 * a pin on another epic is left out with a warning that says nothing about it.
 */
export async function runScenario(context: GadgetContext, input: RunScenarioInput): Promise<ScenarioView> {
  const asOf = input.asOf ?? monthOf(context.clock.now());
  const scope = await readScenarioScope(context, input.scope);
  return scenarioViewOf({ input, asOf, ...scope });
}

/**
 * The scenario over epics already read (as the viewer): the in-flight epics, the "Blocks" links
 * read for them (a link to an epic outside them is left out) and the revision of each one's
 * value record, which applying names. Shared by the inline run and the job that reads a large
 * scope in steps (jobs/scenario-job.ts).
 */
export function scenarioViewOf({
  input,
  asOf,
  settings,
  objectives,
  inFlight,
  revisions,
  links,
}: {
  input: RunScenarioInput;
  asOf: string;
  settings: AppSettings;
  objectives: readonly StoredObjective[];
  inFlight: readonly EpicRecord[];
  revisions: ReadonlyMap<string, number>;
  links: readonly BlockLink[];
}): ScenarioView {
  const basis = basisOf({ asOf, floors: input.floors, scope: { settings, objectives, inFlight, links } });
  const { epics, plans, dependencies, objectiveName, toMinor, money, moneyWords } = basis;
  const cap = capOf(input.cap, toMinor);
  const { pins, floors, outsidePinWarnings } = scenarioConstraintsOf(basis, input);
  const constraints = { asOf, discountRate: settings.discountRate, pins, dependencies, floors };
  const result = planBudgetCut({ ...constraints, plans, cap });
  const warnings = [...outsidePinWarnings, ...result.warnings.map(warningWords)];
  const base = { asOf, currency: settings.currency, epics: inFlight.length };
  if (result.status === 'infeasible') {
    return {
      ...base,
      status: 'infeasible',
      conflicts: result.conflicts.map((conflict) => conflictView(conflict, objectiveName)),
      warnings,
    };
  }

  const epicOf = new Map(inFlight.map((epic) => [epic.key, epic]));
  const currentNpv = new Map(
    plans.map((plan) => [plan.key, remainingNpv({ plan, discountRate: settings.discountRate }) as number]),
  );
  const planView = (plan: BudgetPlan): ScenarioPlan => {
    const choices = new Map(plan.decisions.map((decision) => [decision.key, decision.choice]));
    const decisions = plan.decisions.map((decision): ScenarioDecision => {
      const epic = epicOf.get(decision.key);
      return {
        key: decision.key,
        summary: epic?.summary ?? '',
        project: epic?.project ?? '',
        choice: decision.choice.kind,
        ...(decision.choice.kind === 'delay' ? { delayMonths: decision.choice.months } : {}),
        npvRetained: money(decision.retainedNpv),
        remainingNpv: money(currentNpv.get(decision.key) ?? 0),
        yearSpend: money(decision.windowSpend),
        why: {
          kind: decision.reason.kind,
          text: reasonWords({
            key: decision.key,
            choice: decision.choice,
            reason: decision.reason,
            choiceOf: (key) => choices.get(key),
            objectiveName,
            money: moneyWords,
          }),
        },
        revision: revisions.get(decision.key) ?? 0,
      };
    });
    const cashFreed = plan.periods.reduce((total, period) => total + period.freed, 0);
    return {
      decisions,
      npvRetained: money(plan.retainedNpv),
      periods: plan.periods.map((period) => ({
        from: period.from,
        to: period.to,
        forecast: money(period.forecast),
        cap: money(period.cap),
        planned: money(period.planned),
        cashFreed: money(period.freed),
      })),
      cashFreed: money(cashFreed),
    };
  };
  const retained = new Map(
    result.exact.decisions.map((decision) => [decision.key, decision.retainedNpv as number]),
  );
  return {
    ...base,
    status: 'planned',
    currentNpv: money(result.currentNpv),
    exact: { ...planView(result.exact), proven: result.exact.quality.proven },
    greedy: result.greedy === null ? null : planView(result.greedy),
    greedyGap: result.greedyGap === null ? null : money(result.greedyGap),
    valueLostByObjective: valueLostByObjective({ plans, currentNpv, retainedNpv: retained }).map((loss) => ({
      objectiveId: loss.objectiveId,
      name: loss.objectiveId === null ? 'No objective' : objectiveName(loss.objectiveId),
      valueLost: money(loss.valueLost),
    })),
    warnings,
    keep: keepProbabilitiesView({
      epics,
      scenario: constraints,
      periods: result.exact.periods,
      seed: scenarioSeedOf({ ...input, asOf }),
    }),
  };
}

/** The input's cap as the optimiser's: amounts in minor units, one per quarter when asked. */
function capOf(cap: RunScenarioInput['cap'], toMinor: (amount: number) => number): BudgetCap {
  if (cap.kind === 'percent-cut') {
    return { kind: cap.perQuarter ? 'cut-per-quarter' : 'cut', percent: cap.percent };
  }
  const amount = toMinor(cap.amount);
  return cap.perQuarter
    ? { kind: 'amount-per-quarter', amounts: Array.from({ length: QUARTERS }, () => amount) }
    : { kind: 'amount', amount };
}
