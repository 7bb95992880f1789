import type {
  ApplyScenarioInput,
  ScenarioDecision,
  ScenarioView,
} from '../../../../src/contract/planning.contract';
import {
  MAX_SCENARIO_NAME_LENGTH,
  VALUE_DECISION_CHOICES,
  VALUE_DECISION_NAMES,
} from '../../../../src/contract/value-vocabulary';

export type AppliedChoice = (typeof VALUE_DECISION_CHOICES)[number];
export type PlannedScenario = Extract<ScenarioView, { status: 'planned' }>;

/** The decision an epic records, as applying names it: continue, delay_3/6/12 or stop. */
export function appliedChoiceOf(decision: Pick<ScenarioDecision, 'choice' | 'delayMonths'>): AppliedChoice {
  if (decision.choice !== 'delay') return decision.choice;
  const months = decision.delayMonths;
  return months === 3 ? 'delay_3' : months === 6 ? 'delay_6' : 'delay_12';
}

/** The decision in the words every screen and export uses (VALUE_DECISION_NAMES). */
export function decisionName(decision: Pick<ScenarioDecision, 'choice' | 'delayMonths'>): string {
  return VALUE_DECISION_NAMES[appliedChoiceOf(decision)];
}

/** Epics per decision, in the vocabulary's order, leaving out the decisions no epic takes. */
export function decisionCounts(view: PlannedScenario): { choice: AppliedChoice; count: number }[] {
  const counts = new Map<AppliedChoice, number>();
  for (const decision of view.exact.decisions) {
    const choice = appliedChoiceOf(decision);
    counts.set(choice, (counts.get(choice) ?? 0) + 1);
  }
  return VALUE_DECISION_CHOICES.filter((choice) => counts.has(choice)).map((choice) => ({
    choice,
    count: counts.get(choice) ?? 0,
  }));
}

/** The optimised plan as `planning/start-apply` takes it: each epic at the revision it was computed from. */
export function applyRequestOf(name: string, view: PlannedScenario): ApplyScenarioInput {
  return {
    scenario: name,
    decisions: view.exact.decisions.map((decision) => ({
      issueKey: decision.key,
      choice: appliedChoiceOf(decision),
      baseRevision: decision.revision,
    })),
  };
}

/** What is wrong with a scenario name, as the server says it (scenarioNameSchema), or undefined. */
export function scenarioNameError(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'is required';
  if (trimmed.length > MAX_SCENARIO_NAME_LENGTH)
    return `must be at most ${String(MAX_SCENARIO_NAME_LENGTH)} characters`;
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  if (/[\x00-\x1F\x7F-\x9F]/.test(trimmed)) return 'must be one line without control characters';
  return undefined;
}
