import type { ScenarioConflict } from '../../contract/planning.contract';
import type { Choice, Conflict, ConstraintRef, DecisionReason, PlanningWarning } from '../../domain/planning';

/** How the page's texts write an amount: the site currency's decimals, thousands grouped. */
export type MoneyWords = (minor: number) => string;

export function choiceWords(choice: Choice | undefined): string {
  if (choice === undefined || choice.kind === 'continue') return 'continues';
  return choice.kind === 'stop' ? 'stops' : `is delayed ${choice.months} months`;
}

/** A constraint as the manager knows it: an epic's pin, a cap period, a link, an objective's floor. */
export function constraintWords(ref: ConstraintRef, objectiveName: (id: string) => string): string {
  switch (ref.kind) {
    case 'pin':
      return `${ref.key} must ${ref.pin}`;
    case 'cap':
      return ref.from === ref.to ? `The cap on ${ref.from}` : `The cap from ${ref.from} to ${ref.to}`;
    case 'dependency':
      return `${ref.blocker} blocks ${ref.blocked}`;
    case 'floor':
      return `The floor of ${objectiveName(ref.objectiveId)}`;
    case 'field':
      return `The field ${ref.field}`;
  }
}

/**
 * A conflict for the page. The domain's messages for the cap and the floors carry minor units and
 * objective ids; those two are said again with names and without raw amounts.
 */
export function conflictView(conflict: Conflict, objectiveName: (id: string) => string): ScenarioConflict {
  const cap = conflict.constraints.find((ref) => ref.kind === 'cap');
  const floor = conflict.constraints.find((ref) => ref.kind === 'floor');
  const message =
    conflict.code === 'PINS_EXCEED_CAP' && cap?.kind === 'cap'
      ? `The epics that must continue spend more than the cap from ${cap.from} to ${cap.to}, even delayed as far as their pins and links allow.`
      : conflict.code === 'FLOOR_UNREACHABLE' && floor?.kind === 'floor'
        ? `${objectiveName(floor.objectiveId)} cannot keep its floor: its epics cannot spend that much in the year, even all continued.`
        : conflict.message;
  return {
    code: conflict.code,
    message,
    constraints: conflict.constraints.map((ref) => constraintWords(ref, objectiveName)),
  };
}

export function warningWords(warning: PlanningWarning): string {
  switch (warning.code) {
    case 'DEPENDENCY_CYCLE':
      return `These epics block each other in a cycle: ${[...warning.keys, warning.keys[0] ?? ''].join(' → ')}. They are decided together: each is continued, delayed or stopped alike.`;
    case 'UNKNOWN_EPIC':
      return `${warning.key} is not an in-flight epic of this scope that you may browse, so its ${warning.field === 'pins' ? 'pin' : 'link'} is left out.`;
    case 'DUPLICATE_EPIC':
      return `${warning.key} appears twice; it is counted once.`;
  }
}

/**
 * Why an epic got its choice, in one sentence: its pin, its links (naming the other epic and
 * what happens to it), an objective's floor, a loss-maker, no cut needed, or its ratio of NPV
 * lost per unit of cash freed against the plan's cut-off.
 */
export function reasonWords({
  key,
  choice,
  reason,
  choiceOf,
  objectiveName,
  money,
}: {
  key: string;
  choice: Choice;
  reason: DecisionReason;
  choiceOf: (key: string) => Choice | undefined;
  objectiveName: (id: string) => string;
  money: MoneyWords;
}): string {
  switch (reason.kind) {
    case 'pin':
      return reason.pin === 'continue' ? 'Pinned: must continue.' : 'Pinned: must stop.';
    case 'dependency':
      return `${reason.constraints
        .map((ref) =>
          ref.kind !== 'dependency'
            ? constraintWords(ref, objectiveName)
            : ref.blocked === key
              ? `Blocked by ${ref.blocker}, which ${choiceWords(choiceOf(ref.blocker))}`
              : `Blocks ${ref.blocked}, which ${choiceWords(choiceOf(ref.blocked))}`,
        )
        .join('; ')}.`;
    case 'objective-floor':
      return `Keeps the floor of ${reason.objectiveIds.map(objectiveName).join(', ')}.`;
    case 'not-worth-finishing':
      return `Not worth finishing: its remaining NPV is ${money(reason.remainingNpv)}.`;
    case 'no-cut-needed':
      return 'The forecast is within the cap: nothing needs cutting.';
    case 'ratio': {
      if (reason.ratio.value === null) return 'Cutting it frees no cash inside the year.';
      const ratio = reason.ratio.value.toFixed(2);
      const cutOff = reason.cutOff.toFixed(2);
      return choice.kind === 'continue'
        ? `Cutting it would lose ${ratio} of NPV per 1 of cash freed, against a cut-off of ${cutOff}.`
        : `Loses ${ratio} of NPV per 1 of cash freed, against a cut-off of ${cutOff}.`;
    }
  }
}
