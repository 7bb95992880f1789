/**
 * What Jira does when a comment mentions people: each mentioned user gets an in-app notification
 * (the bell; Jira also emails, the emulator sends no mail). As in Jira Cloud:
 * - only users who can view the issue are notified ("In order to receive notifications from Jira
 *   work items, users must be able to view these items in Jira",
 *   https://support.atlassian.com/jira/kb/troubleshooting-why-an-internal-jira-user-did-not-receive-a-notification-in-jira-cloud/);
 * - the author is not notified of their own comment (the same page: users hear of their own
 *   changes only when they opt in, and the local site has no such setting);
 * - a mention is a direct notification, counted on the bell until the drawer is opened
 *   (https://support.atlassian.com/atlassian-cloud/kb/overview-of-in-app-notifications-in-atlassian-cloud-products/).
 * A user mentioned twice in one comment gets one notification; app users, deactivated users and
 * account ids that are nobody on the site get none.
 */
import type { JiraStore } from './jira-store';
import type { StoredComment, StoredIssue, StoredNotification } from './model';
import type { PermissionModel } from './permissions';

/** How long an excerpt may be, in characters, before it is cut with an ellipsis. */
export const EXCERPT_MAX_CHARS = 160;

interface AdfNode {
  type?: unknown;
  text?: unknown;
  attrs?: { id?: unknown; text?: unknown };
  content?: unknown;
}

function childrenOf(node: AdfNode): AdfNode[] {
  return Array.isArray(node.content)
    ? node.content.filter((child): child is AdfNode => typeof child === 'object' && child !== null)
    : [];
}

/** The account ids a document mentions, each once, in order of first mention. */
export function mentionedAccountIds(document: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: AdfNode): void => {
    if (node.type === 'mention' && typeof node.attrs?.id === 'string' && node.attrs.id !== '')
      found.add(node.attrs.id);
    for (const child of childrenOf(node)) walk(child);
  };
  if (typeof document === 'object' && document !== null) walk(document);
  return [...found];
}

/**
 * The document as one line of plain text: mentions as @ and the user's name (`nameOf`, else the
 * mention's own text), blocks and hard breaks as spaces, cut to `EXCERPT_MAX_CHARS` characters
 * (graphemes) with "…".
 */
export function commentExcerpt(document: unknown, nameOf: (accountId: string) => string | undefined): string {
  const parts: string[] = [];
  const walk = (node: AdfNode): void => {
    if (node.type === 'text' && typeof node.text === 'string') parts.push(node.text);
    else if (node.type === 'mention') {
      const id = typeof node.attrs?.id === 'string' ? node.attrs.id : '';
      const own = typeof node.attrs?.text === 'string' ? node.attrs.text.replace(/^@/, '') : undefined;
      parts.push(`@${nameOf(id) ?? own ?? 'Unknown user'}`);
    } else if (node.type === 'hardBreak') parts.push(' ');
    else {
      for (const child of childrenOf(node)) walk(child);
      // A paragraph, heading or list item ends a line of its own.
      if (node.type !== 'doc') parts.push(' ');
    }
  };
  if (typeof document === 'object' && document !== null) walk(document);
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  // Cut between characters as people see them, never inside an emoji or an accented letter.
  const characters = Array.from(
    new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text),
    (part) => part.segment,
  );
  if (characters.length <= EXCERPT_MAX_CHARS) return text;
  return `${characters
    .slice(0, EXCERPT_MAX_CHARS - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * Notifies the users `comment` mentions who may see `issue`, except its author; returns the
 * account ids notified. A comment already notified to a user is never notified to them twice.
 */
export function notifyMentions(
  store: JiraStore,
  permissions: PermissionModel,
  issue: StoredIssue,
  comment: StoredComment,
): string[] {
  const recipients = mentionedAccountIds(comment.body).filter((accountId) => {
    const user = store.user(accountId);
    return (
      user !== undefined &&
      user.accountType === 'atlassian' &&
      user.active &&
      accountId !== comment.authorId &&
      permissions.canSeeIssue({ kind: 'user', accountId }, issue)
    );
  });
  if (recipients.length === 0) return [];
  const excerpt = commentExcerpt(comment.body, (accountId) => store.user(accountId)?.displayName);
  const id = `mention-${comment.id}`;
  const notified: string[] = [];
  for (const recipientId of recipients) {
    const existing = store.notificationsOf(recipientId);
    if (existing.some((notification) => notification.id === id)) continue;
    const notification: StoredNotification = {
      id,
      kind: 'mention',
      recipientId,
      issueId: issue.id,
      issueKey: issue.key,
      issueSummary: issue.summary,
      commentId: comment.id,
      actorId: comment.authorId,
      created: comment.created,
      excerpt,
      seen: false,
      read: false,
    };
    store.putNotifications(recipientId, [...existing, notification]);
    notified.push(recipientId);
  }
  return notified;
}
