import type { z } from 'zod';

/** One problem found in a document, addressed by its path, e.g. `epics[2].value.benefits[0].planned[1].amount`. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/** The outcome of validating a document: its parsed value, or every issue found. */
export type ValidationResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly ValidationIssue[] };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Writes a path the way a JavaScript reader would address the value: `epics[2].value.key`.
 * Keys that are not identifiers are quoted (`byProgramme["(none)"]`); the root is `(root)`.
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${String(segment)}]`;
    } else if (typeof segment === 'string' && IDENTIFIER.test(segment)) {
      text += text === '' ? segment : `.${segment}`;
    } else {
      text += `[${JSON.stringify(String(segment))}]`;
    }
  }
  return text === '' ? '(root)' : text;
}

function typeNameOf(input: unknown): string {
  if (input === null) {
    return 'null';
  }
  if (Array.isArray(input)) {
    return 'an array';
  }
  if (typeof input === 'number' && !Number.isFinite(input)) {
    return String(input);
  }
  return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}

const EXPECTED_NAMES: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function limitMessage(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  bound: number | bigint,
): string {
  const isMinimum = issue.code === 'too_small';
  const limit = String(bound);
  switch (issue.origin) {
    case 'string':
      return isMinimum && limit === '1'
        ? 'must not be empty'
        : `must have ${isMinimum ? 'at least' : 'at most'} ${limit} characters`;
    case 'array':
      return `must have ${isMinimum ? 'at least' : 'at most'} ${limit} items`;
    default: {
      const operator = isMinimum ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      return `must be ${operator} ${limit}`;
    }
  }
}

/** A short, user-facing message for one zod issue, phrased as a rule ("must be >= 0"). */
function messageOf(issue: z.core.$ZodIssue): string {
  const missing =
    issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
  if (missing) {
    return 'is required';
  }
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${EXPECTED_NAMES[issue.expected] ?? issue.expected}, not ${typeNameOf(issue.input)}`;
    case 'too_small':
      return limitMessage(issue, issue.minimum);
    case 'too_big':
      return limitMessage(issue, issue.maximum);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return issue.message;
  }
}

/**
 * Turns zod issues into `ValidationIssue`s with formatted paths and rule-like messages, one per
 * offending path (an object with two unknown fields gives two issues), sorted by path so that
 * the issues of one epic stay together.
 */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  const result: ValidationIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        result.push({ path: formatIssuePath([...issue.path, key]), message: 'is not a known field' });
      }
    } else {
      result.push({ path: formatIssuePath(issue.path), message: messageOf(issue) });
    }
  }
  return result.sort((a, b) => comparePaths(a.path, b.path));
}

// Orders `epics[10]` after `epics[9]`: compare index numbers as numbers, everything else as text.
function comparePaths(a: string, b: string): number {
  const split = (path: string) => path.split(/(\d+)/);
  const left = split(a);
  const right = split(b);
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const x = left[index] ?? '';
    const y = right[index] ?? '';
    if (x !== y) {
      const isNumber = index % 2 === 1;
      return isNumber ? Number(x) - Number(y) : x < y ? -1 : 1;
    }
  }
  return left.length - right.length;
}

/** Formats issues one per line, `path: message`, as the report CLI prints them. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
}
