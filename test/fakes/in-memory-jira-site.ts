import type {
  BlockLink,
  EpicIssue,
  EpicPage,
  IssueTypeSummary,
  JiraSite,
  PermissionChecker,
  RawValueProperty,
  StoredValueRecord,
  ValueSearchIndex,
} from '../../src/application/ports/jira-site';
import { encodeValueProperty, readValueProperty } from '../../src/adapters/jira/value-property-codec';
import { InMemoryGroups } from './in-memory-groups';

const NO_INDEX: ValueSearchIndex = {
  plannedBenefit: 0,
  realisedBenefit: 0,
  actualCost: 0,
  successProbability: 0,
  objectives: [],
  evidence: [],
};

export interface FakeUser {
  accountId: string;
  admin?: boolean;
  /** Projects the user may browse; undefined = all. */
  browse?: string[];
  /** Projects the user may edit in; undefined = all they browse. */
  edit?: string[];
}

/**
 * Jira for use-case tests: issues in a Map, per-user browse/edit rights, and a tiny query model
 * (the use cases build JQL; the fake answers `key in (…)`, `project in (…)`, `project = "X"` and everything else
 * with "all epics", which is what the tests need). The real JQL engine is tested with the
 * local runtime.
 */
export class InMemoryJira {
  readonly issues = new Map<string, EpicIssue>();
  readonly writes: { issueId: string; revision: number; index: ValueSearchIndex }[] = [];
  /** The site's groups (membership, search), for the verifier and approver roles. */
  readonly groups = new InMemoryGroups();
  /** Keys whose record Jira refuses as too large, to test that path. */
  readonly tooLarge = new Set<string>();
  /** Called before each property write; lets a test interleave a concurrent save. */
  beforeWrite: (() => Promise<void>) | undefined;
  /** Called after a property write landed; lets a test lose Jira's answer to a write that happened. */
  afterWrite: (() => Promise<void>) | undefined;
  /** Called before each raw property read (`readRawValue`). */
  beforeRawRead: (() => Promise<void>) | undefined;
  /** The site's issue types: a story, the epic level, a subtask and a level above epics. */
  readonly issueTypes: IssueTypeSummary[] = [
    { id: '10000', name: 'Story', hierarchyLevel: 0 },
    { id: '10001', name: 'Epic', hierarchyLevel: 1 },
    { id: '10002', name: 'Sub-task', hierarchyLevel: -1 },
    { id: '10003', name: 'Initiative', hierarchyLevel: 2 },
  ];
  /** The site's "Blocks" issue links. */
  readonly blockLinks: BlockLink[] = [];
  /** Account ids of the site's users; every user a site or permissions are made for is added. */
  readonly users = new Set<string>();

  addUser(accountId: string): void {
    this.users.add(accountId);
  }
  /** Called before a property is put back as it was read (`restoreRawValue`). */
  beforeRestore: (() => Promise<void>) | undefined;
  /** The property's JSON text by issue id, as Jira would hold it (encoded with the app's codec). */
  private readonly raw = new Map<string, string>();

  /** Stores a property as anyone with Edit could through Jira's REST API: any JSON at all. */
  setRawValue(key: string, json: string): void {
    const issue = this.issues.get(key);
    if (!issue) throw new Error(`no issue ${key}`);
    this.raw.set(issue.id, json);
    issue.stored = readValueProperty(JSON.parse(json));
  }

  /** The property's JSON text as Jira holds it, or undefined when the epic has none. */
  rawValueOf(key: string): string | undefined {
    const issue = this.issues.get(key);
    if (!issue || issue.stored.state === 'none') return undefined;
    return (
      this.raw.get(issue.id) ??
      (issue.stored.state === 'stored'
        ? JSON.stringify(encodeValueProperty({ ...issue.stored.record, index: NO_INDEX }))
        : JSON.stringify({ unreadable: issue.stored.reason }))
    );
  }

  private store(issue: EpicIssue, record: StoredValueRecord, index: ValueSearchIndex): void {
    issue.stored = { state: 'stored', record: structuredClone(record) };
    this.raw.set(issue.id, JSON.stringify(encodeValueProperty({ ...record, index })));
  }

  addEpic(epic: Partial<EpicIssue> & { key: string }): EpicIssue {
    const issue: EpicIssue = {
      id: String(10000 + this.issues.size),
      summary: `Epic ${epic.key}`,
      status: 'in_progress',
      projectKey: epic.key.split('-')[0] ?? 'PROJ',
      parentKey: null,
      issueTypeId: '10001',
      hierarchyLevel: 1,
      stored: { state: 'none' },
      ...epic,
    };
    this.issues.set(issue.key, issue);
    return issue;
  }

  /** `blocker` blocks `blocked`, as a Jira "Blocks" link. */
  addBlockLink(blocker: string, blocked: string): void {
    this.blockLinks.push({ blocker, blocked });
  }

  /** By key or by id, as Jira's `{issueIdOrKey}` paths. */
  private find(idOrKey: string): EpicIssue | undefined {
    return this.issues.get(idOrKey) ?? [...this.issues.values()].find((issue) => issue.id === idOrKey);
  }

  private mayBrowse(user: FakeUser, issue: EpicIssue): boolean {
    return user.browse === undefined || user.browse.includes(issue.projectKey);
  }

  private mayEdit(user: FakeUser, issue: EpicIssue): boolean {
    return this.mayBrowse(user, issue) && (user.edit === undefined || user.edit.includes(issue.projectKey));
  }

  siteFor(user: FakeUser): JiraSite {
    this.users.add(user.accountId);
    return {
      getIssue: (issueKey) => {
        const issue = this.find(issueKey);
        return Promise.resolve(issue && this.mayBrowse(user, issue) ? structuredClone(issue) : null);
      },
      getIssues: (issueKeys) =>
        Promise.resolve(
          issueKeys.flatMap((key) => {
            const issue = this.find(key);
            return issue && this.mayBrowse(user, issue) ? [structuredClone(issue)] : [];
          }),
        ),
      blockLinks: (issueKeys) => {
        const browsable = (key: string) => {
          const issue = this.find(key);
          return issue !== undefined && this.mayBrowse(user, issue);
        };
        const asked = new Set(issueKeys.filter(browsable));
        return Promise.resolve(
          this.blockLinks
            .filter(
              (link) =>
                (asked.has(link.blocker) || asked.has(link.blocked)) &&
                browsable(link.blocker) &&
                browsable(link.blocked),
            )
            .map((link) => ({ ...link })),
        );
      },
      searchEpics: ({ jql, pageToken, pageSize = 100 }): Promise<EpicPage> => {
        const keys = /key in \(([^)]*)\)/
          .exec(jql)?.[1]
          ?.split(',')
          .map((key) => key.trim());
        const projectMatch = /project (?:in \(([^)]*)\)|= ("[^"]*"))/.exec(jql);
        const projects = (projectMatch?.[1] ?? projectMatch?.[2])
          ?.split(',')
          .map((key) => key.trim().replace(/^"|"$/g, ''));
        const all = [...this.issues.values()].filter(
          (issue) =>
            issue.hierarchyLevel === 1 &&
            this.mayBrowse(user, issue) &&
            (keys === undefined || keys.includes(issue.key)) &&
            (projects === undefined || projects.includes(issue.projectKey)),
        );
        const start = Number(pageToken ?? '0');
        const next = start + pageSize;
        return Promise.resolve({
          epics: all.slice(start, next).map((issue) => structuredClone(issue)),
          ...(next < all.length ? { nextPageToken: String(next) } : {}),
        });
      },
      writeValue: async (issueId, record, index) => {
        await this.beforeWrite?.();
        const issue = [...this.issues.values()].find((candidate) => candidate.id === issueId);
        if (!issue || !this.mayBrowse(user, issue)) return 'not_found';
        if (!this.mayEdit(user, issue)) return 'forbidden';
        if (this.tooLarge.has(issue.key)) return { tooLarge: 40_000, limit: 32_768 };
        this.store(issue, record, index);
        this.writes.push({ issueId, revision: record.revision, index });
        await this.afterWrite?.();
        return 'written';
      },
      deleteValue: (issueId) => {
        const issue = [...this.issues.values()].find((candidate) => candidate.id === issueId);
        if (issue) issue.stored = { state: 'none' };
        this.raw.delete(issueId);
        return Promise.resolve();
      },
      readRawValue: async (issueId): Promise<RawValueProperty> => {
        await this.beforeRawRead?.();
        const issue = this.find(issueId);
        const json = issue && this.mayBrowse(user, issue) ? this.rawValueOf(issue.key) : undefined;
        return json === undefined ? { state: 'absent' } : { state: 'present', json };
      },
      restoreRawValue: async (issueId, raw) => {
        await this.beforeRestore?.();
        const issue = this.find(issueId);
        if (!issue || !this.mayBrowse(user, issue)) return 'not_found';
        if (!this.mayEdit(user, issue)) return 'forbidden';
        if (raw.state === 'absent') {
          issue.stored = { state: 'none' };
          this.raw.delete(issueId);
        } else {
          this.raw.set(issueId, raw.json);
          issue.stored = readValueProperty(JSON.parse(raw.json));
        }
        return 'written';
      },
      epicIssueTypeIds: () =>
        Promise.resolve(this.issueTypes.filter((type) => type.hierarchyLevel === 1).map((type) => type.id)),
      issueTypes: () => Promise.resolve(structuredClone(this.issueTypes)),
      existingAccountIds: (accountIds) =>
        Promise.resolve(new Set(accountIds.filter((accountId) => this.users.has(accountId)))),
    };
  }

  permissionsFor(user: FakeUser): PermissionChecker {
    this.users.add(user.accountId);
    return {
      isJiraAdmin: () => Promise.resolve(user.admin === true),
      editableIssueIds: (issueIds) =>
        Promise.resolve(
          new Set(
            [...this.issues.values()]
              .filter((issue) => issueIds.includes(issue.id) && this.mayEdit(user, issue))
              .map((issue) => issue.id),
          ),
        ),
      canEditIssue: (issueId) => {
        const issue = [...this.issues.values()].find((candidate) => candidate.id === issueId);
        return Promise.resolve(issue !== undefined && this.mayEdit(user, issue));
      },
      browsableProjectKeys: () =>
        Promise.resolve(
          [...new Set([...this.issues.values()].map((issue) => issue.projectKey))].filter(
            (key) => user.browse === undefined || user.browse.includes(key),
          ),
        ),
    };
  }
}
