import { useState } from 'react';

export type SortDirection = 'ascending' | 'descending';

export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

/** Compares numbers and strings; nulls (not computable) always sort last, whatever the direction. */
export function compareValues(
  a: number | string | null,
  b: number | string | null,
  direction: SortDirection,
): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order =
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : String(a).localeCompare(String(b), undefined, { numeric: true });
  return direction === 'ascending' ? order : -order;
}

export function sortRows<Row, K extends string>(
  rows: readonly Row[],
  sort: SortState<K>,
  valueOf: (row: Row, key: K) => number | string | null,
): Row[] {
  return [...rows].sort((a, b) => compareValues(valueOf(a, sort.key), valueOf(b, sort.key), sort.direction));
}

/** Sort state for a table: a new column sorts descending first for numbers (largest on top). */
export function useSort<K extends string>(initial: SortState<K>) {
  const [sort, setSort] = useState(initial);
  const toggle = (key: K, firstDirection: SortDirection) => {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: firstDirection },
    );
  };
  return [sort, toggle] as const;
}
