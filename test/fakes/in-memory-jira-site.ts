import type {
  EpicIssue,
  EpicPage,
  IssueTypeSummary,
  JiraSite,
  PermissionChecker,
  ValueSearchIndex,
} from '../../src/application/ports/jira-site';

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
  /** Keys whose record Jira refuses as too large, to test that path. */
  readonly tooLarge = new Set<string>();
  /** Called before each property write; lets a test interleave a concurrent save. */
  beforeWrite: (() => Promise<void>) | undefined;
  /** The site's issue types: a story, the epic level, a subtask and a level above epics. */
  readonly issueTypes: IssueTypeSummary[] = [
    { id: '10000', name: 'Story', hierarchyLevel: 0 },
    { id: '10001', name: 'Epic', hierarchyLevel: 1 },
    { id: '10002', name: 'Sub-task', hierarchyLevel: -1 },
    { id: '10003', name: 'Initiative', hierarchyLevel: 2 },
  ];
  /** Account ids of the site's users; every user a site or permissions are made for is added. */
  readonly users = new Set<string>();

  addUser(accountId: string): void {
    this.users.add(accountId);
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
        issue.stored = { state: 'stored', record: structuredClone(record) };
        this.writes.push({ issueId, revision: record.revision, index });
        return 'written';
      },
      deleteValue: (issueId) => {
        const issue = [...this.issues.values()].find((candidate) => candidate.id === issueId);
        if (issue) issue.stored = { state: 'none' };
        return Promise.resolve();
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
