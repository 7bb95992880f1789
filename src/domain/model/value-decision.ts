/**
 * What a value planning scenario decided for an epic (issue #16), as the record stores it and JQL
 * searches it (`valueDecision = stop`): the optimiser's `Choice` (domain/planning/scenario.ts)
 * with its delay spelled out, since a scenario offers delays of 3, 6 or 12 months.
 */
export const VALUE_DECISION_CHOICES = ['continue', 'delay_3', 'delay_6', 'delay_12', 'stop'] as const;
export type ValueDecisionChoice = (typeof VALUE_DECISION_CHOICES)[number];

/** The longest scenario name a decision records. */
export const MAX_SCENARIO_NAME_LENGTH = 120;

/**
 * The decision last applied to an epic from a scenario: recorded, never acted on (the app does
 * not transition the issue). Only applying a scenario sets it; a panel save keeps it.
 */
export interface ValueDecision {
  readonly choice: ValueDecisionChoice;
  /** The scenario's name, 1-120 characters. */
  readonly scenario: string;
  /** Account id of whoever applied the scenario. */
  readonly by: string;
  /** ISO 8601 instant of the application, from the server's clock. */
  readonly at: string;
}

/** The decision choice of an optimiser choice, or null for a delay the record cannot name. */
export function decisionChoiceOf(
  choice:
    | { readonly kind: 'continue' }
    | { readonly kind: 'delay'; readonly months: number }
    | { readonly kind: 'stop' },
): ValueDecisionChoice | null {
  if (choice.kind !== 'delay') return choice.kind;
  const named = `delay_${String(choice.months)}`;
  return (VALUE_DECISION_CHOICES as readonly string[]).includes(named)
    ? (named as ValueDecisionChoice)
    : null;
}
