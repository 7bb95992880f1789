import type { AuditEntry } from '../../../../../src/contract/admin.contract';
import { OBJECTIVE_STATUS_NAMES, THRESHOLD_NAMES } from '../../../../../src/contract/value-vocabulary';
import { KPI_INFO, targetDraftOf, unitLabel, type TargetableKpi } from '../settings/kpi-targets';
import { formatDay } from '../text';

/*
 * Audit entries in words: the action as a sentence, each field by its name, each value as text
 * (never JSON), so that the log and its CSV read the same.
 */

const VERBS: Record<string, string> = {
  'objective.created': 'Created objective',
  'objective.updated': 'Edited objective',
  'objective.archived': 'Archived objective',
  'objective.restored': 'Restored objective',
  'objective.deleted': 'Deleted objective',
  'settings.updated': 'Changed settings',
  'portfolio.imported': 'Imported a portfolio file',
  'portfolio.import-rolled-back': 'Put back a failed import',
  'planning.applied': 'Applied scenario',
};

/** An audit action (`objective.archived OBJ-1`) as a sentence ("Archived objective OBJ-1"). */
export function describeAction(action: string): string {
  // The subject is the rest of the action: a scenario's name may hold spaces.
  const space = action.indexOf(' ');
  const kind = space === -1 ? action : action.slice(0, space);
  const subject = space === -1 ? '' : action.slice(space + 1);
  const verb = VERBS[kind];
  if (verb === undefined) return action;
  return subject === '' ? verb : `${verb} ${subject}`;
}

const FIELD_NAMES: Record<string, string> = {
  currency: 'Currency',
  discountRate: 'Discount rate',
  fiscalYearStartMonth: 'Fiscal year starts in',
  epicIssueTypeIds: 'Epic issue types',
  kpiTargets: 'Default KPI targets',
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
  'epics.new': 'Epics given a first record',
  'epics.changed': 'Epics changed',
  'epics.repaired': 'Epics with an unreadable record replaced',
  'epics.unchanged': 'Epics left as they were',
  failure: 'Why it stopped',
  conflicts: 'Epics left as someone else saved them',
  scenario: 'Scenario',
  'decisions.continue': 'Epics to continue',
  'decisions.delay_3': 'Epics delayed 3 months',
  'decisions.delay_6': 'Epics delayed 6 months',
  'decisions.delay_12': 'Epics delayed 12 months',
  'decisions.stop': 'Epics to stop',
};

/** The last part of a path: `settings.discountRate` and `objectives.OBJ-1.name` hold what changed. */
function fieldOf(path: string): string {
  if (path.startsWith('settings.')) return path.slice('settings.'.length);
  const objective = /^objectives\.([^.]+)\.(\w+)$/.exec(path);
  return objective?.[2] ?? path;
}

/** A change's field in words: "Discount rate", "Objective OBJ-1: name", "New objective OBJ-2". */
export function fieldName(path: string): string {
  const objective = /^objectives\.([^.]+)(?:\.(\w+))?$/.exec(path);
  if (objective !== null) {
    const [, id = '', field] = objective;
    return field === undefined
      ? `New objective ${id}`
      : `Objective ${id}: ${(FIELD_NAMES[field] ?? field).toLowerCase()}`;
  }
  return FIELD_NAMES[path] ?? FIELD_NAMES[fieldOf(path)] ?? path;
}

const MAX_VALUE_CHARS = 160;

const clip = (text: string, limit: number, count?: number) =>
  text.length > limit
    ? `${text.slice(0, limit)}…${count === undefined ? '' : ` (${count.toLocaleString()} in all)`}`
    : text;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The site's default KPI targets as sentences: "ROI to date: on target at 20%, at risk at 5%". */
function kpiTargetsText(value: Record<string, unknown>): string {
  const lines = Object.entries(value).flatMap(([kpi, target]) => {
    const info = (KPI_INFO as Partial<Record<string, (typeof KPI_INFO)[TargetableKpi]>>)[kpi];
    if (info === undefined || !isRecord(target)) return [];
    const draft = targetDraftOf(kpi as TargetableKpi, target as never);
    const unit = unitLabel(info.unit, '').trim();
    const amount = (typed: string) => (unit === '%' ? `${typed}%` : typed);
    const lower = draft.higherIsBetter ? '' : ' (lower is better)';
    return [
      `${info.label}: ${THRESHOLD_NAMES.green.toLowerCase()} ${amount(draft.green)}, ${THRESHOLD_NAMES.amber.toLowerCase()} ${amount(draft.amber)}${lower}`,
    ];
  });
  return lines.length === 0 ? 'none' : lines.join('; ');
}

/** Any other object as "key: value" pairs, never as JSON. */
function recordText(
  value: Record<string, unknown>,
  nameOf: (accountId: string) => string,
  limit: number,
): string {
  return Object.entries(value)
    .map(([key, item]) => `${key}: ${describeValue(key, item, nameOf, limit)}`)
    .join(', ');
}

/**
 * A before or after value as text, cut at `limit` characters for a table cell (the CSV keeps it
 * whole); `nameOf` turns account ids into names. Null (nothing) reads "(none)".
 */
export function describeValue(
  path: string,
  value: unknown,
  nameOf: (accountId: string) => string,
  limit = MAX_VALUE_CHARS,
): string {
  const field = fieldOf(path);
  if (field === 'epicIssueTypeIds' && value === null) return 'Every level-1 issue type';
  if (value === null || value === undefined || value === '') return '(none)';
  if (field === 'discountRate' && typeof value === 'number')
    return `${String(Math.round(value * 1e8) / 1e6)}%`;
  if (field === 'ownerAccountId' && typeof value === 'string') return nameOf(value);
  if (field === 'fiscalYearStartMonth' && typeof value === 'number')
    return new Date(Date.UTC(2026, value - 1, 1)).toLocaleDateString(undefined, {
      month: 'long',
      timeZone: 'UTC',
    });
  if (field === 'status' && typeof value === 'string')
    return (OBJECTIVE_STATUS_NAMES as Partial<Record<string, string>>)[value] ?? value;
  if (field === 'kpiTargets' && isRecord(value)) return kpiTargetsText(value);
  if (field === 'target' && isRecord(value) && typeof value['amount'] === 'number')
    return `${value['amount'].toLocaleString()} of ${String(value['measure'])} by ${formatDay(String(value['date']))}`;
  if (typeof value === 'string') return clip(value, limit);
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value))
    return value.length === 0
      ? '(none)'
      : clip(value.map((item) => describeValue(path, item, nameOf, limit)).join(', '), limit, value.length);
  if (isRecord(value)) return clip(recordText(value, nameOf, limit), limit);
  return clip(typeof value === 'bigint' ? value.toString() : typeof value, limit);
}

/** The account ids an entry mentions: its author and any owners before or after. */
export function accountsOf(entry: AuditEntry): string[] {
  return [
    entry.by,
    ...entry.changes.flatMap((change) =>
      fieldOf(change.path) === 'ownerAccountId'
        ? [change.before, change.after].filter((value): value is string => typeof value === 'string')
        : [],
    ),
  ];
}

/** The log as CSV rows: one per changed field (an entry without changes has one row). */
export function auditCsvRows(
  entries: readonly AuditEntry[],
  nameOf: (accountId: string) => string,
): string[][] {
  const header = ['When (UTC)', 'Who', 'Account id', 'What', 'Field', 'Before', 'After'];
  const rows = entries.flatMap((entry) => {
    const common = [
      entry.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
      nameOf(entry.by),
      entry.by,
      describeAction(entry.action),
    ];
    if (entry.changes.length === 0) return [[...common, '', '', '']];
    return entry.changes.map((change) => [
      ...common,
      fieldName(change.path),
      change.before === null ? '' : describeValue(change.path, change.before, nameOf, Infinity),
      describeValue(change.path, change.after, nameOf, Infinity),
    ]);
  });
  return [header, ...rows];
}
