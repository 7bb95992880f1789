/** A Jira group as the admin page names it: its id (stable, what settings store) and its name. */
export interface JiraGroupRef {
  groupId: string;
  name: string;
}

/** Whether someone belongs to a Jira group, asked as the app (the caller's own rights do not matter). */
export interface GroupMembership {
  isMember(accountId: string, groupId: string): Promise<boolean>;
}

/** Jira's groups as the invoking user may browse them (the admin page's group pickers). */
export interface GroupDirectory {
  /** Groups whose name contains `query` (any case), by name, at most `limit`; `total` counts every match. */
  findGroups(query: string, limit: number): Promise<{ groups: JiraGroupRef[]; total: number }>;
  /** The groups among `groupIds` that exist; an id of a deleted group is left out. */
  groupsByIds(groupIds: readonly string[]): Promise<JiraGroupRef[]>;
}
