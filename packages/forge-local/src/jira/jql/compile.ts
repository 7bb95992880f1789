/**
 * Turns parsed JQL into a predicate over stored issues, a sort order, and (where a clause names
 * projects, parents or keys) a narrowed candidate set so searches over a 50,000-epic site do not
 * scan every issue. Values are resolved up front with Jira's errors: a project, issue type, status
 * or issue key the caller cannot see is reported as not existing, never silently matched as empty.
 */
import type { IndexedPropertyValue } from '../../app/app-manifest';
import type { AppField, AppFields } from '../app-fields';
import type { JiraStore } from '../jira-store';
import type { StatusCategoryKey, StoredIssue } from '../model';
import type { Caller, PermissionModel } from '../permissions';
import type { Clause, FieldRef, Operand, Operator, Query, SortKey } from './ast';
import { JqlError } from './jql-error';
import { parseJql } from './parser';

export interface JqlContext {
  store: JiraStore;
  permissions: PermissionModel;
  caller: Caller;
  indexedProperties: readonly IndexedPropertyValue[];
  /** The app's custom fields, searchable by `cf[n]` and by name. */
  appFields?: AppFields;
}

export interface CompiledQuery {
  /** True when the query has a search restriction (Jira refuses unbounded searches). */
  bounded: boolean;
  matches(issue: StoredIssue): boolean;
  /** Ids that can match, or `null` when only a full scan can tell. */
  candidates(): ReadonlySet<string> | null;
  compare(a: StoredIssue, b: StoredIssue): number;
}

interface Matcher {
  test(issue: StoredIssue): boolean;
  candidates: (() => Set<string>) | null;
}

/** Fields real Jira searches that this emulator does not; named so the error says so plainly. */
const UNSUPPORTED_FIELDS = new Set([
  'summary',
  'description',
  'text',
  'comment',
  'created',
  'createddate',
  'updated',
  'updateddate',
  'resolved',
  'resolutiondate',
  'resolution',
  'priority',
  'sprint',
  'fixversion',
  'affectedversion',
  'component',
  'duedate',
  'epic link',
  'parent link',
  'hierarchylevel',
  'watcher',
  'voter',
  'worklogdate',
  'environment',
  'filter',
  'team',
]);

const CATEGORY_BY_ID: Record<string, StatusCategoryKey> = { '2': 'new', '4': 'indeterminate', '3': 'done' };
const CATEGORY_BY_NAME: Record<string, StatusCategoryKey> = {
  'to do': 'new',
  new: 'new',
  'in progress': 'indeterminate',
  indeterminate: 'indeterminate',
  done: 'done',
  complete: 'done',
};

export function compileJql(jql: string, ctx: JqlContext): CompiledQuery {
  return new Compiler(ctx).compile(parseJql(jql));
}

class Compiler {
  private readonly errors: string[] = [];

  constructor(private readonly ctx: JqlContext) {}

  compile(query: Query): CompiledQuery {
    const matcher = query.where === null ? null : this.clause(query.where);
    const compare = this.sort(query.orderBy);
    if (this.errors.length > 0) throw new JqlError(this.errors);
    return {
      bounded: matcher !== null,
      matches: (issue) => matcher?.test(issue) ?? true,
      candidates: () => matcher?.candidates?.() ?? null,
      compare,
    };
  }

  private clause(clause: Clause): Matcher {
    switch (clause.kind) {
      case 'and': {
        const parts = clause.clauses.map((c) => this.clause(c));
        const narrowing = parts.filter((p) => p.candidates !== null);
        return {
          test: (issue) => parts.every((p) => p.test(issue)),
          candidates:
            narrowing.length === 0
              ? null
              : () => {
                  let best: Set<string> | null = null;
                  for (const part of narrowing) {
                    const set = part.candidates?.() ?? null;
                    if (set !== null && (best === null || set.size < best.size)) best = set;
                  }
                  return best ?? new Set();
                },
        };
      }
      case 'or': {
        const parts = clause.clauses.map((c) => this.clause(c));
        return {
          test: (issue) => parts.some((p) => p.test(issue)),
          candidates: parts.every((p) => p.candidates !== null)
            ? () => {
                const union = new Set<string>();
                for (const part of parts) for (const id of part.candidates?.() ?? []) union.add(id);
                return union;
              }
            : null,
        };
      }
      case 'not': {
        const inner = this.clause(clause.clause);
        return { test: (issue) => !inner.test(issue), candidates: null };
      }
      case 'term':
        return this.term(clause.field, clause.operator, clause.operand);
    }
  }

  private term(field: FieldRef, operator: Operator, operand: Operand): Matcher {
    if (field.property)
      return this.propertyTerm(field, field.property.key, field.property.path, operator, operand);
    const name = field.text.toLowerCase();
    const { store } = this.ctx;
    switch (name) {
      case 'project':
        return this.singleValued(
          field,
          operator,
          operand,
          (v) => this.projectIds(v),
          (i) => i.projectId,
          (ids) => union(ids.map((id) => store.issueIdsInProject(id))),
        );
      case 'issuetype':
      case 'type':
        return this.singleValued(
          field,
          operator,
          operand,
          (v) => this.issueTypeIds(v),
          (i) => i.issueTypeId,
          null,
        );
      case 'parent':
        return this.singleValued(
          field,
          operator,
          operand,
          (v) => this.issueIds(v, 'parent'),
          (i) => i.parentId,
          (ids) => union(ids.map((id) => store.childIds(id))),
        );
      case 'key':
      case 'issuekey':
      case 'issue':
      case 'id':
        return this.singleValued(
          field,
          operator,
          operand,
          (v) => this.issueIds(v, 'key'),
          (i) => i.id,
          (ids) => new Set(ids),
        );
      case 'status':
        return this.singleValued(
          field,
          operator,
          operand,
          (v) => this.statusIds(v),
          (i) => i.statusId,
          null,
        );
      case 'statuscategory':
        return this.singleValued(
          field,
          operator,
          operand,
          (v) => this.categoryKeys(v),
          (i) => store.status(i.statusId)?.categoryKey ?? null,
          null,
        );
      case 'assignee':
        return this.singleValued(
          field,
          operator,
          operand,
          (v) => this.accountIds(v),
          (i) => i.assigneeId,
          null,
        );
      case 'reporter':
        return this.singleValued(
          field,
          operator,
          operand,
          (v) => this.accountIds(v),
          (i) => i.reporterId,
          null,
        );
      case 'creator':
        return this.singleValued(
          field,
          operator,
          operand,
          (v) => this.accountIds(v),
          (i) => i.creatorId,
          null,
        );
      case 'labels':
        return this.multiValued(field, operator, operand, 'string', (i) => i.labels);
      default:
        break;
    }
    const appField = this.ctx.appFields?.byClauseName(field.text);
    if (appField) return this.appFieldTerm(field, appField, operator, operand);
    const aliased = this.ctx.indexedProperties.find((p) => p.searchAlias?.toLowerCase() === name);
    if (aliased) return this.propertyTerm(field, aliased.propertyKey, aliased.path, operator, operand);
    if (UNSUPPORTED_FIELDS.has(name) || name.startsWith('cf[')) {
      return this.fail(
        `The local Jira emulator does not support searching by '${field.text}' (the forge-local README lists the JQL it implements).`,
      );
    }
    return this.fail(`Field '${field.text}' does not exist or you do not have permission to view it.`);
  }

  /** A field holding at most one value: `!=` and `NOT IN` never match an empty field, as in Jira. */
  private singleValued(
    field: FieldRef,
    operator: Operator,
    operand: Operand,
    resolve: (value: string) => string[] | null,
    valueOf: (issue: StoredIssue) => string | null,
    candidatesFor: ((ids: string[]) => Set<string>) | null,
  ): Matcher {
    if (operator === 'is' || operator === 'is not') {
      const wantEmpty = operator === 'is';
      return { test: (issue) => (valueOf(issue) === null) === wantEmpty, candidates: null };
    }
    if (operator !== '=' && operator !== '!=' && operator !== 'in' && operator !== 'not in') {
      return this.operatorNotSupported(operator, field);
    }
    const values = this.operandValues(operand, field);
    const ids: string[] = [];
    for (const value of values) ids.push(...(resolve(value) ?? []));
    const wanted = new Set(ids);
    const positive = operator === '=' || operator === 'in';
    return {
      test: (issue) => {
        const value = valueOf(issue);
        if (value === null) return false;
        return wanted.has(value) === positive;
      },
      candidates: positive && candidatesFor ? () => candidatesFor([...wanted]) : null,
    };
  }

  /** A field holding a list (labels, array property paths): a clause matches when any element does. */
  private multiValued(
    field: FieldRef,
    operator: Operator,
    operand: Operand,
    type: 'number' | 'string' | 'date',
    valuesOf: (issue: StoredIssue) => unknown[],
  ): Matcher {
    const typed = (issue: StoredIssue): (number | string)[] =>
      valuesOf(issue)
        .map((v) => asType(v, type))
        .filter((v): v is number | string => v !== null);
    if (operator === 'is' || operator === 'is not') {
      const wantEmpty = operator === 'is';
      return { test: (issue) => (typed(issue).length === 0) === wantEmpty, candidates: null };
    }
    if (operator === '~' || operator === '!~') {
      return this.fail(
        `The local Jira emulator does not support the '${operator}' (text search) operator on '${field.text}'.`,
      );
    }
    const isRange = operator === '>' || operator === '>=' || operator === '<' || operator === '<=';
    if (isRange && type === 'string') return this.operatorNotSupported(operator, field);
    const wanted: (number | string)[] = [];
    for (const text of this.operandValues(operand, field)) {
      const value = asType(type === 'date' ? text : coerceLiteral(text, type), type);
      if (value === null) {
        this.errors.push(
          type === 'number'
            ? `The value '${text}' is not a valid number for the field '${field.text}'.`
            : `Date value '${text}' for field '${field.text}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd'.`,
        );
        continue;
      }
      wanted.push(value);
    }
    const first = wanted[0];
    const test = (issue: StoredIssue): boolean => {
      const values = typed(issue);
      switch (operator) {
        case '=':
        case 'in':
          return values.some((v) => wanted.includes(v));
        case '!=':
        case 'not in':
          return values.length > 0 && !values.some((v) => wanted.includes(v));
        case '>':
          return first !== undefined && values.some((v) => v > first);
        case '>=':
          return first !== undefined && values.some((v) => v >= first);
        case '<':
          return first !== undefined && values.some((v) => v < first);
        case '<=':
          return first !== undefined && values.some((v) => v <= first);
        default:
          return false;
      }
    };
    return { test, candidates: null };
  }

  private propertyTerm(
    field: FieldRef,
    propertyKey: string,
    path: string,
    operator: Operator,
    operand: Operand,
  ): Matcher {
    const spec = this.ctx.indexedProperties.find((p) => p.propertyKey === propertyKey && p.path === path);
    if (!spec) {
      return this.fail(
        `Field '${field.text}' does not exist or you do not have permission to view it. (Only issue property paths indexed by a jira:entityProperty module in manifest.yml are searchable.)`,
      );
    }
    if (spec.type === 'text') {
      return this.fail(`The local Jira emulator does not support text search on '${field.text}'.`);
    }
    const type = spec.type === 'number' ? 'number' : spec.type === 'date' ? 'date' : 'string';
    const segments = path.split('.');
    const matcher = this.multiValued(field, operator, operand, type, (issue) =>
      valuesAtPath(issue.properties[propertyKey], segments),
    );
    // Every operator but IS EMPTY needs a value, so only issues holding the property can match.
    if (operator === 'is') return matcher;
    return { ...matcher, candidates: () => new Set(this.ctx.store.issueIdsWithProperty(propertyKey)) };
  }

  /**
   * A Forge custom field: number fields compare as numbers (`=`, `!=`, `>`, `>=`, `<`, `<=`, `IN`,
   * `IS EMPTY`), string fields exactly ("JQL offers autocomplete and exact comparison",
   * https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-custom-field/).
   */
  private appFieldTerm(field: FieldRef, appField: AppField, operator: Operator, operand: Operand): Matcher {
    if (appField.type !== 'number' && appField.type !== 'string') {
      return this.fail(
        `The local Jira emulator searches Forge number and string fields only; '${field.text}' is a ${appField.type} field.`,
      );
    }
    return this.multiValued(field, operator, operand, appField.type, (issue) => {
      const value = issue.extraFields?.[appField.id];
      if (value === undefined || value === null) return [];
      return Array.isArray(value) ? (value as unknown[]) : [value];
    });
  }

  private operandValues(operand: Operand, field: FieldRef): string[] {
    switch (operand.kind) {
      case 'value':
        return [operand.text];
      case 'list':
        return operand.items.flatMap((item) => this.operandValues(item, field));
      case 'function':
        return this.functionValues(operand.name, field);
      case 'empty':
        this.errors.push(`The local Jira emulator does not support EMPTY inside a list for '${field.text}'.`);
        return [];
    }
  }

  private functionValues(name: string, field: FieldRef): string[] {
    const lower = name.toLowerCase();
    const userFields = ['assignee', 'reporter', 'creator'];
    if (lower === 'currentuser' && userFields.includes(field.text.toLowerCase())) {
      return this.ctx.caller.kind === 'user' ? [this.ctx.caller.accountId] : [];
    }
    const known = [
      'currentuser',
      'membersof',
      'now',
      'startofday',
      'endofday',
      'issuehistory',
      'linkedissues',
      'opensprints',
    ];
    this.errors.push(
      known.includes(lower)
        ? `The local Jira emulator does not support the function '${name}()' for the field '${field.text}'.`
        : `Unable to find JQL function '${name}()'.`,
    );
    return [];
  }

  private projectIds(value: string): string[] | null {
    const project = this.ctx.store.resolveProject(value);
    if (!project || !this.ctx.permissions.canBrowse(this.ctx.caller, project.id)) {
      this.errors.push(`The value '${value}' does not exist for the field 'project'.`);
      return null;
    }
    return [project.id];
  }

  private issueTypeIds(value: string): string[] | null {
    const lower = value.toLowerCase();
    const ids = [...this.ctx.store.issueTypes.values()]
      .filter((t) => t.id === value || t.name.toLowerCase() === lower)
      .map((t) => t.id);
    if (ids.length === 0) this.errors.push(`The value '${value}' does not exist for the field 'issuetype'.`);
    return ids;
  }

  private statusIds(value: string): string[] | null {
    const lower = value.toLowerCase();
    const ids = [...this.ctx.store.statuses.values()]
      .filter((s) => s.id === value || s.name.toLowerCase() === lower)
      .map((s) => s.id);
    if (ids.length === 0) this.errors.push(`The value '${value}' does not exist for the field 'status'.`);
    return ids;
  }

  private categoryKeys(value: string): string[] | null {
    const lower = value.toLowerCase();
    const key = CATEGORY_BY_ID[value] ?? CATEGORY_BY_NAME[lower];
    if (key === undefined) {
      this.errors.push(`The value '${value}' does not exist for the field 'statusCategory'.`);
      return null;
    }
    return [key];
  }

  private accountIds(value: string): string[] | null {
    if (!this.ctx.store.user(value)) {
      this.errors.push(`The value '${value}' does not exist for the field 'assignee'.`);
      return null;
    }
    return [value];
  }

  /** Issue keys must exist and be visible (Jira's error); unknown numeric ids simply match nothing. */
  private issueIds(value: string, fieldName: string): string[] | null {
    const issue = this.ctx.store.resolveIssue(value);
    if (issue && this.ctx.permissions.canSeeIssue(this.ctx.caller, issue)) return [issue.id];
    if (/^\d+$/.test(value)) return [];
    this.errors.push(`An issue with key '${value.toUpperCase()}' does not exist for field '${fieldName}'.`);
    return null;
  }

  private sort(keys: SortKey[]): (a: StoredIssue, b: StoredIssue) => number {
    const comparators = keys.map((key) => {
      const direction = key.direction === 'DESC' ? -1 : 1;
      const by = this.sortValue(key);
      return (a: StoredIssue, b: StoredIssue): number => direction * compareValues(by(a), by(b));
    });
    // Without ORDER BY, Jira answers newest issue key first.
    if (comparators.length === 0) comparators.push((a, b) => -compareValues(keyOrder(a), keyOrder(b)));
    comparators.push((a, b) => Number(a.id) - Number(b.id));
    return (a, b) => {
      for (const comparator of comparators) {
        const result = comparator(a, b);
        if (result !== 0) return result;
      }
      return 0;
    };
  }

  private sortValue(key: SortKey): (issue: StoredIssue) => string | number | [string, number] {
    switch (key.field.toLowerCase()) {
      case 'key':
      case 'issuekey':
        return keyOrder;
      case 'id':
        return (issue) => Number(issue.id);
      case 'created':
        return (issue) => toEpochMillis(issue.created);
      case 'updated':
        return (issue) => toEpochMillis(issue.updated);
      default: {
        const appField = this.ctx.appFields?.byClauseName(key.field);
        // Empty values sort after every value, as Jira lists them last in ascending order.
        if (appField)
          return (issue) => {
            const value = issue.extraFields?.[appField.id];
            return typeof value === 'number' || typeof value === 'string'
              ? value
              : appField.type === 'number'
                ? Number.MAX_VALUE
                : '\uffff';
          };
        this.errors.push(
          `The local Jira emulator cannot sort by '${key.field}'; it supports ORDER BY key, id, created, updated and the app's custom fields.`,
        );
        return () => 0;
      }
    }
  }

  private operatorNotSupported(operator: Operator, field: FieldRef): Matcher {
    return this.fail(
      `The operator '${operator.toUpperCase()}' is not supported by the '${field.text}' field.`,
    );
  }

  private fail(message: string): Matcher {
    this.errors.push(message);
    return { test: () => false, candidates: null };
  }
}

function union(sets: ReadonlySet<string>[]): Set<string> {
  const all = new Set<string>();
  for (const set of sets) for (const id of set) all.add(id);
  return all;
}

function keyOrder(issue: StoredIssue): [string, number] {
  const dash = issue.key.lastIndexOf('-');
  return [issue.key.slice(0, dash), Number(issue.key.slice(dash + 1))];
}

function compareValues(a: string | number | [string, number], b: string | number | [string, number]): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
    return a[1] - b[1];
  }
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Jira writes offsets as `+0200`; `Date.parse` wants `+02:00`. */
export function toEpochMillis(timestamp: string): number {
  return Date.parse(timestamp.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

/** Every value at a dot path, flattening arrays on the way, as Jira indexes entity properties. */
export function valuesAtPath(root: unknown, segments: readonly string[]): unknown[] {
  let current: unknown[] = [root];
  for (const segment of segments) {
    const next: unknown[] = [];
    for (const value of current.flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]))) {
      if (value !== null && typeof value === 'object' && segment in value) {
        next.push((value as Record<string, unknown>)[segment]);
      }
    }
    current = next;
  }
  return current
    .flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]))
    .filter((v) => v !== null && v !== undefined);
}

function coerceLiteral(text: string, type: 'number' | 'string'): unknown {
  if (type === 'number') return text.trim() === '' ? null : Number(text);
  return text;
}

function asType(value: unknown, type: 'number' | 'string' | 'date'): number | string | null {
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : null;
  if (type === 'string') return typeof value === 'string' ? value : null;
  if (typeof value !== 'string') return null;
  const millis = toEpochMillis(value.replace(/\//g, '-').replace(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d)$/, '$1T$2'));
  return Number.isNaN(millis) ? null : millis;
}
