/**
 * The users' in-app notifications as Jira's notification drawer shows them: newest first, a count
 * of those not yet seen (cleared by opening the drawer) and a read state per notification (set by
 * opening it), as https://support.atlassian.com/atlassian-cloud/kb/overview-of-in-app-notifications-in-atlassian-cloud-products/
 * describes. Each links to Jira's comment permalink, `/browse/KEY?focusedCommentId=ID`.
 */
import type { NotificationFeed, SiteNotification, SiteNotifications } from '../site-api';
import type { JiraStore } from './jira-store';
import type { StoredNotification } from './model';

export class JiraNotifications implements SiteNotifications {
  constructor(private readonly store: JiraStore) {}

  feed(accountId: string): NotificationFeed {
    const stored = this.store.notificationsOf(accountId);
    return {
      notifications: [...stored].reverse().map((notification) => this.present(notification)),
      unseen: stored.filter((notification) => !notification.seen).length,
    };
  }

  markAllSeen(accountId: string): void {
    const stored = this.store.notificationsOf(accountId);
    if (stored.every((notification) => notification.seen)) return;
    this.store.putNotifications(
      accountId,
      stored.map((notification) => ({ ...notification, seen: true })),
    );
  }

  markRead(accountId: string, notificationId: string): boolean {
    const stored = this.store.notificationsOf(accountId);
    const target = stored.find((notification) => notification.id === notificationId);
    if (!target) return false;
    if (target.read && target.seen) return true;
    this.store.putNotifications(
      accountId,
      stored.map((notification) =>
        notification.id === notificationId ? { ...notification, seen: true, read: true } : notification,
      ),
    );
    return true;
  }

  private present(notification: StoredNotification): SiteNotification {
    const issue = this.store.issue(notification.issueId);
    const key = issue?.key ?? notification.issueKey;
    return {
      id: notification.id,
      kind: notification.kind,
      issue: { id: notification.issueId, key, summary: issue?.summary ?? notification.issueSummary },
      commentId: notification.commentId,
      actor: {
        accountId: notification.actorId,
        displayName: this.store.user(notification.actorId)?.displayName ?? notification.actorId,
      },
      created: notification.created,
      excerpt: notification.excerpt,
      seen: notification.seen,
      read: notification.read,
      path: `/browse/${encodeURIComponent(key)}?focusedCommentId=${encodeURIComponent(notification.commentId)}`,
    };
  }
}
