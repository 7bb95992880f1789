import type { ScenarioView } from '../../../../src/contract/planning.contract';
import { KPI_NAMES } from '../../../../src/contract/value-vocabulary';
import { decisionName } from './scenario-decisions';

/** One opened scenario to compare: its name and its answer as the viewer. */
export interface ComparedScenario {
  name: string;
  view: ScenarioView;
}

/** One row of the comparison: a label and one value per scenario (null: it has none). */
export interface ComparisonRow<T> {
  label: string;
  values: (T | null)[];
}

export interface Comparison {
  npvRetained: ComparisonRow<number>;
  cashFreed: ComparisonRow<number>;
  /** Cash freed per cap period (a quarter, or the year when the cap is on the year). */
  cashFreedByPeriod: ComparisonRow<number>[];
  valueLostByObjective: ComparisonRow<number>[];
  /** Only the epics whose decision differs between two scenarios; "Not in the plan" where one lacks it. */
  differingEpics: (ComparisonRow<string> & { key: string })[];
}

const planOf = (view: ScenarioView) => (view.status === 'planned' ? view : null);

/**
 * Compares saved scenarios side by side: NPV retained, cash freed in total and per period, value
 * lost per objective, and the epics decided differently. A scenario that meets no plan has no
 * figures (null) and takes part in no difference.
 */
export function compareScenarios(scenarios: readonly ComparedScenario[]): Comparison {
  const plans = scenarios.map((scenario) => planOf(scenario.view));
  const periods = new Map<string, string>();
  for (const plan of plans)
    for (const period of plan?.exact.periods ?? [])
      periods.set(`${period.from}/${period.to}`, `${period.from} – ${period.to}`);
  const objectives = new Map<string, string>();
  for (const plan of plans)
    for (const loss of plan?.valueLostByObjective ?? []) objectives.set(loss.objectiveId ?? '', loss.name);
  const epics = new Map<string, string>();
  for (const plan of plans)
    for (const decision of plan?.exact.decisions ?? []) epics.set(decision.key, decision.summary);

  const differingEpics = [...epics]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([key, summary]) => ({
      key,
      label: `${key} ${summary}`.trim(),
      values: plans.map((plan) => {
        if (plan === null) return null;
        const decision = plan.exact.decisions.find((other) => other.key === key);
        return decision === undefined ? 'Not in the plan' : decisionName(decision);
      }),
    }))
    .filter((row) => new Set(row.values.filter((value) => value !== null)).size > 1);

  return {
    npvRetained: {
      label: KPI_NAMES.npvRetained,
      values: plans.map((plan) => plan?.exact.npvRetained ?? null),
    },
    cashFreed: { label: KPI_NAMES.cashFreed, values: plans.map((plan) => plan?.exact.cashFreed ?? null) },
    cashFreedByPeriod: [...periods]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, label]) => ({
        label,
        values: plans.map(
          (plan) =>
            plan?.exact.periods.find((period) => `${period.from}/${period.to}` === id)?.cashFreed ?? null,
        ),
      })),
    valueLostByObjective: [...objectives].map(([id, name]) => ({
      label: name,
      values: plans.map((plan) =>
        plan === null
          ? null
          : (plan.valueLostByObjective.find((loss) => (loss.objectiveId ?? '') === id)?.valueLost ?? 0),
      ),
    })),
    differingEpics,
  };
}
