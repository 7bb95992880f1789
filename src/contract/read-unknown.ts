/*
 * Readers for cross-field checks. Those checks run even when parts of a document failed their own
 * schema (so that one typo does not hide every other problem), which means they see the raw input
 * and must not trust its types. Anything of an unexpected type reads as absent.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fieldOf(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

export function arrayAt(value: unknown, key: string): readonly unknown[] {
  const field = fieldOf(value, key);
  return Array.isArray(field) ? (field as readonly unknown[]) : [];
}

export function stringAt(value: unknown, key: string): string | undefined {
  const field = fieldOf(value, key);
  return typeof field === 'string' ? field : undefined;
}

export function numberAt(value: unknown, key: string): number | undefined {
  const field = fieldOf(value, key);
  return typeof field === 'number' ? field : undefined;
}

export type IssuePath = readonly (string | number)[];

/** An issue found by a cross-field check, with a path relative to the value checked. */
export interface RawIssue {
  readonly path: IssuePath;
  readonly message: string;
}

/**
 * Flags every item whose `key` field repeats the value of an earlier item, naming the earlier
 * index: `[3].id: duplicate objective id "OBJ-1", already at index 0`.
 */
export function duplicateIssues({
  items,
  key,
  path,
  what,
}: {
  items: readonly unknown[];
  key: string;
  path: IssuePath;
  what: string;
}): RawIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: RawIssue[] = [];
  items.forEach((item, index) => {
    const value = stringAt(item, key);
    if (value === undefined) {
      return;
    }
    const earlier = firstIndex.get(value);
    if (earlier === undefined) {
      firstIndex.set(value, index);
    } else {
      issues.push({
        path: [...path, index, key],
        message: `duplicate ${what} ${JSON.stringify(value)}, already at index ${String(earlier)}`,
      });
    }
  });
  return issues;
}
