import type { AppSettings } from '../../contract/site-config.schema';
import type { GroupMembership } from '../ports/group-directory';
import type { PermissionChecker } from '../ports/jira-site';

/** Who is asking, and how to find out what they may do. */
export interface RoleContext {
  accountId: string;
  permissions: Pick<PermissionChecker, 'isJiraAdmin'>;
  groups: GroupMembership;
}

/** What the caller may do beyond editing an epic (issue #15). */
export interface ValueRoles {
  /** May grade realised benefit `verified` (finance's verification). */
  canVerify: boolean;
  /** May approve an epic's plan as its baseline. */
  canApproveBaseline: boolean;
}

/**
 * Whether the caller holds the role the settings give to `groupId`: a member of that Jira group,
 * or, while no group is chosen (null), a Jira administrator (the app's admins, as on the admin
 * page). Once a group is chosen, being an administrator is not enough: the admin chose who.
 */
async function holds(
  context: RoleContext,
  groupId: string | null,
  isAdmin: () => Promise<boolean>,
): Promise<boolean> {
  return groupId === null ? isAdmin() : context.groups.isMember(context.accountId, groupId);
}

/** The caller's verifier and approver roles under `settings`, with at most one admin check. */
export async function valueRolesOf(context: RoleContext, settings: AppSettings): Promise<ValueRoles> {
  let admin: Promise<boolean> | undefined;
  const isAdmin = () => (admin ??= context.permissions.isJiraAdmin());
  const [canVerify, canApproveBaseline] = await Promise.all([
    holds(context, settings.verifierGroupId, isAdmin),
    holds(context, settings.approverGroupId, isAdmin),
  ]);
  return { canVerify, canApproveBaseline };
}

export function isVerifier(context: RoleContext, settings: AppSettings): Promise<boolean> {
  return holds(context, settings.verifierGroupId, () => context.permissions.isJiraAdmin());
}

export function isApprover(context: RoleContext, settings: AppSettings): Promise<boolean> {
  return holds(context, settings.approverGroupId, () => context.permissions.isJiraAdmin());
}

/** Who the role belongs to, for a refusal: "members of the verifier group" or "Jira administrators". */
export function roleHolders(groupId: string | null, role: 'verifier' | 'approver'): string {
  return groupId === null ? 'Jira administrators' : `members of the ${role} group chosen on the admin page`;
}
