import type { AuditEntry } from '../../../../../src/contract/admin.contract';

/** An audit action (`objective.archived OBJ-1`) as a sentence ("Archived objective OBJ-1"). */
export function describeAction(action: string): string {
  const [kind = '', subject = ''] = action.split(' ', 2);
  const verbs: Record<string, string> = {
    'objective.created': 'Created objective',
    'objective.updated': 'Edited objective',
    'objective.archived': 'Archived objective',
    'objective.restored': 'Restored objective',
    'objective.deleted': 'Deleted objective',
    'settings.updated': 'Changed settings',
    'portfolio.imported': 'Imported a portfolio file',
  };
  const verb = verbs[kind];
  if (verb === undefined) return action;
  return subject === '' ? verb : `${verb} ${subject}`;
}

const MAX_VALUE_CHARS = 120;

/** A before or after value, short enough for a table cell; `nameOf` turns account ids into names. */
export function describeValue(path: string, value: unknown, nameOf: (accountId: string) => string): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (path === 'discountRate' && typeof value === 'number')
    return `${String(Math.round(value * 1e8) / 1e6)}%`;
  if (path === 'ownerAccountId' && typeof value === 'string') return nameOf(value);
  if (typeof value === 'string')
    return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
  if (typeof value === 'number') return value.toLocaleString();
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    const text = value.join(', ');
    return text.length > MAX_VALUE_CHARS
      ? `${text.slice(0, MAX_VALUE_CHARS)}… (${String(value.length)} in all)`
      : text;
  }
  const json = JSON.stringify(value);
  return json.length > MAX_VALUE_CHARS ? `${json.slice(0, MAX_VALUE_CHARS)}…` : json;
}

const FIELD_NAMES: Record<string, string> = {
  currency: 'Currency',
  discountRate: 'Discount rate',
  fiscalYearStartMonth: 'Fiscal year start month',
  epicIssueTypeIds: 'Epic issue types',
  kpiTargets: 'KPI targets',
  name: 'Name',
  description: 'Description',
  ownerAccountId: 'Owner',
  weight: 'Weight',
  status: 'Status',
  target: 'Target',
  parentId: 'Parent',
  id: 'ID',
  objectives: 'Objectives',
  epics: 'Epics',
};

export function fieldName(path: string): string {
  return FIELD_NAMES[path] ?? path;
}

/** The account ids an entry mentions: its author and any owners before or after. */
export function accountsOf(entry: AuditEntry): string[] {
  return [
    entry.by,
    ...entry.changes.flatMap((change) =>
      change.path === 'ownerAccountId'
        ? [change.before, change.after].filter((value): value is string => typeof value === 'string')
        : [],
    ),
  ];
}
