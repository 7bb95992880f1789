/**
 * The issue fields the emulator knows, as `GET /rest/api/3/field` describes them, and the rules
 * for the `fields` request parameter (`*all`, `*navigable`, `id`, names, `-name`).
 */

export interface FieldDetails {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  orderable: boolean;
  navigable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema?: { type: string; system?: string; items?: string; custom?: string; customId?: number };
}

const system = (
  id: string,
  name: string,
  schema: FieldDetails['schema'],
  extra: Partial<FieldDetails> = {},
): FieldDetails => ({
  id,
  key: id,
  name,
  custom: false,
  orderable: true,
  navigable: true,
  searchable: true,
  clauseNames: [id],
  schema,
  ...extra,
});

/** The system fields the emulator models (what `issue-renderer.ts` produces). */
export const SYSTEM_FIELDS: readonly FieldDetails[] = [
  system('summary', 'Summary', { type: 'string', system: 'summary' }),
  system(
    'issuetype',
    'Issue Type',
    { type: 'issuetype', system: 'issuetype' },
    { clauseNames: ['issuetype', 'type'] },
  ),
  system('parent', 'Parent', { type: 'issuelink', system: 'parent' }, { clauseNames: ['parent'] }),
  system('project', 'Project', { type: 'project', system: 'project' }, { orderable: false }),
  system('status', 'Status', { type: 'status', system: 'status' }, { orderable: false }),
  system('statusCategory', 'Status Category', undefined, { orderable: false, navigable: false }),
  system('priority', 'Priority', { type: 'priority', system: 'priority' }),
  system('assignee', 'Assignee', { type: 'user', system: 'assignee' }),
  system('reporter', 'Reporter', { type: 'user', system: 'reporter' }),
  system('creator', 'Creator', { type: 'user', system: 'creator' }, { orderable: false }),
  system(
    'created',
    'Created',
    { type: 'datetime', system: 'created' },
    { orderable: false, clauseNames: ['created', 'createdDate'] },
  ),
  system(
    'updated',
    'Updated',
    { type: 'datetime', system: 'updated' },
    { orderable: false, clauseNames: ['updated', 'updatedDate'] },
  ),
  system('labels', 'Labels', { type: 'array', items: 'string', system: 'labels' }),
  system('description', 'Description', { type: 'string', system: 'description' }),
  system('resolution', 'Resolution', { type: 'resolution', system: 'resolution' }),
  system(
    'resolutiondate',
    'Resolved',
    { type: 'datetime', system: 'resolutiondate' },
    { orderable: false, clauseNames: ['resolutiondate', 'resolved'] },
  ),
  system(
    'statuscategorychangedate',
    'Status Category Changed',
    { type: 'datetime', system: 'statuscategorychangedate' },
    { orderable: false, clauseNames: ['statusCategoryChangedDate'] },
  ),
  system(
    'subtasks',
    'Sub-tasks',
    { type: 'array', items: 'issuelinks', system: 'subtasks' },
    { orderable: false, searchable: false, clauseNames: ['subtasks'] },
  ),
  system(
    'issuelinks',
    'Linked Issues',
    { type: 'array', items: 'issuelinks', system: 'issuelinks' },
    { orderable: false, clauseNames: ['issueLink'] },
  ),
  system('issuekey', 'Key', undefined, { orderable: false, clauseNames: ['id', 'issue', 'issuekey', 'key'] }),
];

/** Fields Jira does not count as navigable (not part of `*navigable`, only of `*all`). */
const NON_NAVIGABLE = new Set(['comment', 'worklog', 'timetracking', 'statusCategory']);

/** A field Jira returns from the API under `fields` (so not `issuekey` or `statusCategory`). */
export const RENDERED_SYSTEM_FIELDS: readonly string[] = SYSTEM_FIELDS.map((f) => f.id).filter(
  (id) => id !== 'issuekey' && id !== 'statusCategory',
);

export function customFieldDetails(id: string): FieldDetails {
  const number = Number(/^customfield_(\d+)$/.exec(id)?.[1] ?? NaN);
  return {
    id,
    key: id,
    name: Number.isNaN(number) ? id : `Custom field ${String(number)}`,
    custom: !Number.isNaN(number),
    orderable: true,
    navigable: !NON_NAVIGABLE.has(id),
    searchable: true,
    clauseNames: Number.isNaN(number) ? [id] : [`cf[${String(number)}]`],
    schema: Number.isNaN(number)
      ? undefined
      : { type: 'any', custom: 'com.atlassian.jira.local:imported', customId: number },
  };
}

export type DefaultFields = 'id' | 'navigable' | 'all';

/** Which fields a request asked for. */
export class FieldSelection {
  private constructor(
    private readonly base: 'none' | 'navigable' | 'all',
    private readonly named: ReadonlySet<string>,
    private readonly excluded: ReadonlySet<string>,
  ) {}

  /** Parses the `fields` parameter (repeated and/or comma-separated) with Jira's defaults. */
  static parse(raw: readonly string[] | undefined, defaults: DefaultFields): FieldSelection {
    const items = (raw ?? [])
      .flatMap((r) => r.split(','))
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (items.length === 0) return FieldSelection.defaultFor(defaults);
    let base: 'none' | 'navigable' | 'all' = 'none';
    const named = new Set<string>();
    const excluded = new Set<string>();
    for (const item of items) {
      if (item === '*all') base = 'all';
      else if (item === '*navigable') base = base === 'all' ? 'all' : 'navigable';
      else if (item.startsWith('-')) excluded.add(item.slice(1));
      else named.add(item);
    }
    // "-description" alone means "every navigable field except description".
    if (base === 'none' && named.size === 0 && excluded.size > 0) base = 'navigable';
    return new FieldSelection(base, named, excluded);
  }

  private static defaultFor(defaults: DefaultFields): FieldSelection {
    if (defaults === 'id') return new FieldSelection('none', new Set(['id']), new Set());
    return new FieldSelection(defaults, new Set(), new Set());
  }

  /** Only `id` and/or `key` were asked for: the cheap request that may page up to 5,000 issues. */
  get idOrKeyOnly(): boolean {
    return this.base === 'none' && [...this.named].every((f) => f === 'id' || f === 'key');
  }

  /** Only `id` (or nothing, on search): Jira answers with bare `{id}` objects. */
  get idOnly(): boolean {
    return this.base === 'none' && [...this.named].every((f) => f === 'id');
  }

  includes(fieldId: string): boolean {
    if (this.excluded.has(fieldId)) return false;
    if (this.named.has(fieldId)) return true;
    if (this.base === 'all') return true;
    return this.base === 'navigable' && !NON_NAVIGABLE.has(fieldId);
  }
}
