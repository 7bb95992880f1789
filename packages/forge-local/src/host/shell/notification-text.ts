/** The words of the notification bell and drawer, kept apart from the DOM so tests can read them. */

/** The bell's accessible name: what it is, and how many notifications are new. */
export function bellLabel(unseen: number): string {
  if (unseen <= 0) return 'Notifications';
  return `Notifications, ${String(unseen)} new`;
}

/** The badge on the bell: nothing when there is nothing new, `9+` beyond nine (as Jira's bell). */
export function badgeText(unseen: number): string {
  if (unseen <= 0) return '';
  return unseen > 9 ? '9+' : String(unseen);
}

/**
 * A Jira timestamp (`2026-12-06T09:30:00.000+0000`) as a short local date and time, or the text
 * as given when it is not one.
 */
export function notificationTime(created: string, locale = 'en'): string {
  const millis = Date.parse(created.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(millis)) return created;
  return new Date(millis).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
