import type { StoredObjective } from '../../../../../src/contract/site-config.schema';

/** The objective form's fields as typed, before they are checked and turned into an objective. */
export interface ObjectiveDraft {
  id: string;
  name: string;
  description: string;
  ownerAccountId: string | null;
  weight: string;
  status: 'active' | 'archived';
  targetMeasure: string;
  targetAmount: string;
  targetDate: string;
  parentId: string;
}

/** Field errors keyed as the server addresses them below `objective.` (`name`, `target.amount`). */
export type ObjectiveErrors = Partial<Record<string, string>>;

export const EMPTY_DRAFT: ObjectiveDraft = {
  id: '',
  name: '',
  description: '',
  ownerAccountId: null,
  weight: '5',
  status: 'active',
  targetMeasure: '',
  targetAmount: '',
  targetDate: '',
  parentId: '',
};

export function draftOf(objective: StoredObjective): ObjectiveDraft {
  return {
    id: objective.id,
    name: objective.name,
    description: objective.description,
    ownerAccountId: objective.ownerAccountId,
    weight: String(objective.weight),
    status: objective.status,
    targetMeasure: objective.target?.measure ?? '',
    targetAmount: objective.target === null ? '' : String(objective.target.amount),
    targetDate: objective.target?.date ?? '',
    parentId: objective.parentId ?? '',
  };
}

// The same rule as the contract's identifierSchema (not imported: that would bring zod along).
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A number typed by a person: empty or unreadable text is NaN, not 0. */
export function numberFrom(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

interface Known {
  mode: 'create' | 'edit';
  objectives: readonly StoredObjective[];
}

/**
 * The checks the server makes, made first here so that every problem shows at once, next to its
 * field, before anything is sent. The server still decides.
 */
export function validateDraft(draft: ObjectiveDraft, { mode, objectives }: Known): ObjectiveErrors {
  const errors: ObjectiveErrors = {};
  const id = draft.id.trim();
  if (mode === 'create') {
    if (id === '') errors['id'] = 'Enter an id, such as OBJ-GROW.';
    else if (!IDENTIFIER.test(id))
      errors['id'] = 'Use 1-64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit.';
    else if (objectives.some((objective) => objective.id === id))
      errors['id'] = `${id} already exists; choose another id.`;
  }
  const name = draft.name.trim();
  if (name === '') errors['name'] = 'Enter a name.';
  else if (name.length > 255) errors['name'] = `Use at most 255 characters (now ${String(name.length)}).`;
  if (draft.description.length > 2000)
    errors['description'] =
      `Use at most 2,000 characters (now ${draft.description.length.toLocaleString()}).`;
  const weight = numberFrom(draft.weight);
  if (!Number.isInteger(weight) || weight < 1 || weight > 10)
    errors['weight'] = 'Enter a whole number from 1 to 10.';

  const hasTarget = [draft.targetMeasure, draft.targetAmount, draft.targetDate].some(
    (part) => part.trim() !== '',
  );
  if (hasTarget) {
    const measure = draft.targetMeasure.trim();
    if (measure === '') errors['target.measure'] = 'Say what is measured, or clear the whole target.';
    else if (measure.length > 255) errors['target.measure'] = 'Use at most 255 characters.';
    const amount = numberFrom(draft.targetAmount);
    if (draft.targetAmount.trim() === '')
      errors['target.amount'] = 'Enter the amount that counts as achieved.';
    else if (!Number.isFinite(amount) || amount < 0) errors['target.amount'] = 'Enter a number of 0 or more.';
    if (draft.targetDate.trim() === '') errors['target.date'] = 'Enter the date it should be achieved by.';
    else if (!isRealDate(draft.targetDate.trim()))
      errors['target.date'] = 'Enter a real date, written YYYY-MM-DD.';
  }

  if (draft.parentId !== '') {
    const self = mode === 'edit' ? id : undefined;
    const parent = objectives.find((objective) => objective.id === draft.parentId);
    if (draft.parentId === self) errors['parentId'] = 'An objective cannot be its own parent.';
    else if (parent === undefined)
      errors['parentId'] = `${draft.parentId} no longer exists; choose another parent.`;
    else if (parent.parentId !== null)
      errors['parentId'] = `${parent.id} is itself a sub-objective; goals nest one level only.`;
    else if (self !== undefined && objectives.some((objective) => objective.parentId === self))
      errors['parentId'] = `${self} has sub-objectives, so it cannot have a parent.`;
  }
  return errors;
}

/** The objective to send; call only when `validateDraft` found nothing. */
export function objectiveOf(draft: ObjectiveDraft): StoredObjective {
  const hasTarget = draft.targetMeasure.trim() !== '';
  return {
    id: draft.id.trim(),
    name: draft.name.trim(),
    status: draft.status,
    weight: numberFrom(draft.weight),
    description: draft.description.trim(),
    ownerAccountId: draft.ownerAccountId,
    target: hasTarget
      ? {
          measure: draft.targetMeasure.trim(),
          amount: numberFrom(draft.targetAmount),
          date: draft.targetDate.trim(),
        }
      : null,
    parentId: draft.parentId === '' ? null : draft.parentId,
  };
}

/** Server field paths (`objective.target.amount`) as the form's keys (`target.amount`). */
export function errorsFromServer(fields: readonly { path: string; message: string }[]): {
  errors: ObjectiveErrors;
  unplaced: string[];
} {
  const known = new Set([
    'id',
    'name',
    'description',
    'weight',
    'status',
    'ownerAccountId',
    'parentId',
    'target',
    'target.measure',
    'target.amount',
    'target.date',
  ]);
  const errors: ObjectiveErrors = {};
  const unplaced: string[] = [];
  for (const field of fields) {
    const key = field.path.replace(/^objective\.?/, '');
    if (known.has(key)) errors[key === 'target' ? 'target.measure' : key] ??= capitalise(field.message);
    else unplaced.push(`${field.path}: ${field.message}`);
  }
  return { errors, unplaced };
}

function capitalise(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
