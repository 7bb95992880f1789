import type {
  GroupDirectory,
  GroupMembership,
  JiraGroupRef,
} from '../../src/application/ports/group-directory';

/** Jira's groups for use-case tests: groups by id with their members; `asked` counts membership checks. */
export class InMemoryGroups implements GroupMembership, GroupDirectory {
  private readonly groups = new Map<string, { name: string; members: Set<string> }>();
  /** Every membership question, in order: tests check Jira is asked only when it must be. */
  readonly asked: { accountId: string; groupId: string }[] = [];

  add(group: JiraGroupRef & { members?: readonly string[] }): this {
    this.groups.set(group.groupId, { name: group.name, members: new Set(group.members ?? []) });
    return this;
  }

  join(groupId: string, accountId: string): void {
    const group = this.groups.get(groupId);
    if (!group) throw new Error(`no group ${groupId}`);
    group.members.add(accountId);
  }

  leave(groupId: string, accountId: string): void {
    this.groups.get(groupId)?.members.delete(accountId);
  }

  isMember(accountId: string, groupId: string): Promise<boolean> {
    this.asked.push({ accountId, groupId });
    return Promise.resolve(this.groups.get(groupId)?.members.has(accountId) ?? false);
  }

  findGroups(query: string, limit: number): Promise<{ groups: JiraGroupRef[]; total: number }> {
    const matches = [...this.groups.entries()]
      .filter(([, group]) => group.name.toLowerCase().includes(query.toLowerCase()))
      .map(([groupId, group]) => ({ groupId, name: group.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return Promise.resolve({ groups: matches.slice(0, limit), total: matches.length });
  }

  groupsByIds(groupIds: readonly string[]): Promise<JiraGroupRef[]> {
    return Promise.resolve(
      groupIds.flatMap((groupId) => {
        const group = this.groups.get(groupId);
        return group ? [{ groupId, name: group.name }] : [];
      }),
    );
  }
}
