/**
 * Jira's notification bell in the top bar, for the signed-in user: a count of what is new, and a
 * drawer listing their notifications (someone mentioned them in a comment), newest first, each
 * linking to the comment. As in Atlassian Cloud, opening the drawer clears the count and opening a
 * notification marks it read
 * (https://support.atlassian.com/atlassian-cloud/kb/overview-of-in-app-notifications-in-atlassian-cloud-products/).
 * The drawer is a disclosure: the bell toggles it, Escape or a click outside closes it and focus
 * returns to the bell.
 */
import type { SiteNotification } from '../../site-api';
import { api } from './api';
import { describeError, h, svg } from './dom';
import { badgeText, bellLabel, notificationTime } from './notification-text';
import { onNavigation } from './router';
import { onSessionChange, session } from './session';

const bellIcon =
  '<svg viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M12 3a6 6 0 0 0-6 6v3.6l-1.7 2.9A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm0 19a3 3 0 0 0 2.8-2H9.2a3 3 0 0 0 2.8 2Z"/></svg>';

/** How often the bell asks for news while the page is open (a scheduled trigger may mention you). */
const refreshMs = 30_000;

export function notificationBell(): HTMLElement {
  const badge = h('span', { class: 'notification-badge', 'aria-hidden': 'true', hidden: true });
  const bell = h(
    'button',
    {
      type: 'button',
      id: 'notification-bell',
      class: 'icon-button notification-bell',
      'aria-expanded': 'false',
      'aria-controls': 'notification-panel',
      'aria-label': bellLabel(0),
    },
    svg(bellIcon),
    badge,
  );
  const status = h('p', { class: 'inline-message', role: 'status' });
  const list = h('ol', { class: 'notification-list', 'aria-labelledby': 'notification-title' });
  const panel = h(
    'section',
    {
      id: 'notification-panel',
      class: 'notification-panel',
      'aria-labelledby': 'notification-title',
      hidden: true,
    },
    h('h2', { id: 'notification-title', class: 'notification-title' }, 'Notifications'),
    status,
    list,
  );
  const root = h('div', { class: 'notifications' }, bell, panel);

  // Each read answers only if no later one of its kind started (a user switch, a second open).
  let countReads = 0;
  let drawerReads = 0;

  function showCount(unseen: number): void {
    badge.textContent = badgeText(unseen);
    badge.hidden = unseen <= 0;
    bell.setAttribute('aria-label', bellLabel(unseen));
  }

  async function refreshCount(): Promise<void> {
    const read = ++countReads;
    try {
      const feed = await api.notifications(session().user.accountId);
      if (read === countReads && panel.hidden) showCount(feed.unseen);
    } catch {
      // The count waits for the next refresh; the drawer says what went wrong when opened.
    }
  }

  function item(notification: SiteNotification): HTMLElement {
    const link = h(
      'a',
      { class: 'notification-link', href: notification.path },
      h(
        'span',
        { class: 'notification-headline' },
        h('strong', {}, notification.actor.displayName),
        ' mentioned you on ',
        h('span', { class: 'notification-issue' }, `${notification.issue.key} ${notification.issue.summary}`),
      ),
      h('span', { class: 'notification-excerpt' }, notification.excerpt),
      h(
        'time',
        { class: 'notification-time', datetime: notification.created },
        notificationTime(notification.created),
      ),
      notification.read ? null : h('span', { class: 'visually-hidden' }, ' (unread)'),
    );
    const row = h(
      'li',
      {
        class: notification.read ? 'notification' : 'notification notification-unread',
        'data-notification-id': notification.id,
      },
      link,
    );
    link.addEventListener('click', () => {
      // The shell's router follows the link; the read mark goes out on the way.
      row.classList.remove('notification-unread');
      close(false);
      void api.markNotificationRead(session().user.accountId, notification.id).catch(() => undefined);
    });
    return row;
  }

  async function fill(): Promise<void> {
    const read = ++drawerReads;
    const { user } = session();
    status.hidden = false;
    status.textContent = 'Loading notifications…';
    list.replaceChildren();
    try {
      const feed = await api.notifications(user.accountId);
      if (read !== drawerReads) return;
      list.append(...feed.notifications.map(item));
      status.textContent = feed.notifications.length === 0 ? `${user.displayName} has no notifications.` : '';
      status.hidden = feed.notifications.length > 0;
      showCount(0);
      if (feed.unseen > 0) await api.markNotificationsSeen(user.accountId);
    } catch (error) {
      if (read !== drawerReads) return;
      status.hidden = false;
      status.textContent = `Notifications could not be read: ${describeError(error)}`;
    }
  }

  function open(): void {
    countReads++; // a count asked for before opening is out of date once the drawer is seen
    panel.hidden = false;
    bell.setAttribute('aria-expanded', 'true');
    void fill();
  }

  function close(returnFocus: boolean): void {
    if (panel.hidden) return;
    panel.hidden = true;
    bell.setAttribute('aria-expanded', 'false');
    if (returnFocus) bell.focus();
  }

  bell.addEventListener('click', () => {
    if (panel.hidden) open();
    else close(false);
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      event.preventDefault();
      close(true);
    }
  });
  document.addEventListener('click', (event) => {
    if (event.target instanceof Node && !root.contains(event.target)) close(false);
  });

  onNavigation(() => void refreshCount());
  onSessionChange((_now, changed) => {
    if (changed !== 'user') return;
    close(false);
    void refreshCount();
  });
  window.addEventListener('focus', () => void refreshCount());
  window.setInterval(() => {
    if (document.visibilityState === 'visible' && panel.hidden) void refreshCount();
  }, refreshMs);
  void refreshCount();
  return root;
}
