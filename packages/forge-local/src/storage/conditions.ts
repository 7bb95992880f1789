/**
 * Forge storage conditions: `WhereConditions` (index ranges) and `FilterConditions` (filters and
 * transaction conditions), evaluated against a stored entity's attributes.
 */
import { KvsError } from './kvs-errors';

export interface Condition {
  condition: string;
  values: unknown[];
}

export interface FilterCondition extends Condition {
  property: string;
}

export type FilterGroup = { and?: FilterCondition[]; or?: FilterCondition[] };

const ARITY: Record<string, number> = {
  BEGINS_WITH: 1,
  BETWEEN: 2,
  CONTAINS: 1,
  NOT_CONTAINS: 1,
  EQUAL_TO: 1,
  NOT_EQUAL_TO: 1,
  EXISTS: 1,
  NOT_EXISTS: 1,
  GREATER_THAN: 1,
  GREATER_THAN_EQUAL_TO: 1,
  LESS_THAN: 1,
  LESS_THAN_EQUAL_TO: 1,
};

const RANGE_CONDITIONS = new Set([
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);

export function checkCondition(raw: unknown, rangeOnly: boolean): Condition {
  if (typeof raw !== 'object' || raw === null)
    throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid');
  const { condition, values } = raw as { condition?: unknown; values?: unknown };
  if (
    typeof condition !== 'string' ||
    !(condition in ARITY) ||
    (rangeOnly && !RANGE_CONDITIONS.has(condition))
  ) {
    throw new KvsError(
      400,
      'INVALID_FILTER_CONDITION',
      'The specified condition is not supported for filters.',
    );
  }
  if (!Array.isArray(values) || values.length !== ARITY[condition]) {
    throw new KvsError(
      400,
      'INVALID_FILTER_VALUES',
      'The specified number of values are not supported by the given condition.',
    );
  }
  return { condition, values };
}

export function checkFilterGroup(raw: unknown): FilterGroup | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object') throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid');
  const group = raw as { and?: unknown; or?: unknown };
  const operators = (['and', 'or'] as const).filter((op) => group[op] !== undefined);
  if (operators.length !== 1) {
    throw new KvsError(400, 'EMPTY_FILTER_OPERATOR', 'Filters need exactly one operator, "and" or "or".');
  }
  const operator = operators[0] ?? 'and';
  const list = group[operator];
  if (!Array.isArray(list) || list.length === 0 || list.length > 100) {
    throw new KvsError(400, 'INVALID_FILTER_VALUES', 'A filter needs between 1 and 100 conditions.');
  }
  const conditions = list.map((item: unknown): FilterCondition => {
    const checked = checkCondition(item, false);
    const property = (item as { property?: unknown }).property;
    if (typeof property !== 'string')
      throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid');
    return { ...checked, property };
  });
  return { [operator]: conditions };
}

export function matchesCondition(actual: unknown, { condition, values }: Condition): boolean {
  const [first, second] = values;
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof first === 'string' && actual.startsWith(first);
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return actual !== undefined && !contains(actual, first);
    case 'BETWEEN': {
      const low = order(actual, first);
      const high = order(actual, second);
      return low !== null && high !== null && low >= 0 && high <= 0;
    }
    case 'GREATER_THAN':
      return (order(actual, first) ?? 0) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return (order(actual, first) ?? -1) >= 0;
    case 'LESS_THAN':
      return (order(actual, first) ?? 0) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return (order(actual, first) ?? 1) <= 0;
    default:
      return false;
  }
}

export function matchesFilters(value: unknown, group: FilterGroup | undefined): boolean {
  if (!group) return true;
  const attributes = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const test = (c: FilterCondition): boolean => matchesCondition(attributes[c.property], c);
  if (group.and) return group.and.every(test);
  if (group.or) return group.or.some(test);
  return true;
}

function contains(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string' && typeof needle === 'string') return actual.includes(needle);
  if (Array.isArray(actual)) return actual.includes(needle);
  return false;
}

/** -1, 0 or 1 for two numbers or two strings (the only pairs Forge orders); null otherwise. */
export function order(a: unknown, b: unknown): number | null {
  if ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) {
    return a === b ? 0 : a < b ? -1 : 1;
  }
  return null;
}
