import type { FieldError } from '../../../../src/contract/envelope';
import type { RunScenarioRequest } from './planning-api';

/** The budget cut's inputs as typed (strings until parsed). */
export interface BudgetCutForm {
  capKind: 'percent-cut' | 'amount';
  /** The cut in % or the cap amount, as typed. */
  capValue: string;
  perQuarter: boolean;
  floors: { objectiveId: string; amount: string }[];
}

export const NEW_BUDGET_CUT: BudgetCutForm = {
  capKind: 'percent-cut',
  capValue: '10',
  perQuarter: false,
  floors: [],
};

/** Field errors by the form's field ids (`cap`, `floors.0.amount`, …). */
export type BudgetCutErrors = Record<string, string>;

const number = (text: string): number | null => {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '' || !/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
};

/**
 * The request the form makes, or the fields to fix, named as the form shows them: a cut over
 * 100%, a negative amount, an objective chosen twice.
 */
export function budgetCutRequest(
  form: BudgetCutForm,
  rest: Pick<RunScenarioRequest, 'scope' | 'pins'>,
): { request: RunScenarioRequest; errors: null } | { request: null; errors: BudgetCutErrors } {
  const errors: BudgetCutErrors = {};
  const value = number(form.capValue);
  if (value === null) {
    errors.cap =
      form.capKind === 'percent-cut'
        ? 'Enter the cut as a percentage, such as 15.'
        : 'Enter the cap as an amount, such as 250000.';
  } else if (value < 0) {
    errors.cap =
      form.capKind === 'percent-cut' ? 'The cut cannot be negative.' : 'The cap cannot be negative.';
  } else if (form.capKind === 'percent-cut' && value > 100) {
    errors.cap = 'The cut cannot be more than 100% of the forecast.';
  }
  const seen = new Set<string>();
  const floors = form.floors.map((floor, index) => {
    const amount = number(floor.amount);
    if (floor.objectiveId === '') errors[`floors.${index}.objectiveId`] = 'Choose an objective.';
    else if (seen.has(floor.objectiveId))
      errors[`floors.${index}.objectiveId`] = 'This objective already has a floor.';
    seen.add(floor.objectiveId);
    if (amount === null || amount < 0)
      errors[`floors.${index}.amount`] = 'Enter the floor as an amount of 0 or more.';
    return { objectiveId: floor.objectiveId, amount: amount ?? 0 };
  });
  if (Object.keys(errors).length > 0 || value === null) return { request: null, errors };
  return {
    request: {
      ...rest,
      cap:
        form.capKind === 'percent-cut'
          ? { kind: 'percent-cut', percent: value, perQuarter: form.perQuarter }
          : { kind: 'amount', amount: value, perQuarter: form.perQuarter },
      floors,
    },
    errors: null,
  };
}

/** The server's field errors against the form's fields (`cap.percent` → `cap`, `floors[1].amount` → `floors.1.amount`). */
export function serverErrors(fields: readonly FieldError[] | undefined): BudgetCutErrors {
  const errors: BudgetCutErrors = {};
  for (const field of fields ?? []) {
    if (field.path.startsWith('cap')) errors.cap = `The cap ${field.message}.`;
    else {
      const floor = /^floors\[(\d+)\]\.(objectiveId|amount)$/.exec(field.path);
      if (floor) errors[`floors.${floor[1]}.${floor[2]}`] = field.message;
    }
  }
  return errors;
}
