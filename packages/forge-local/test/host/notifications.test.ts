/**
 * The notification bell's endpoints, for the signed-in (acting) user only, and the words the bell
 * and drawer show. The bell and drawer themselves are drawn in Chromium by the repository's
 * test/browser/notifications.test.ts.
 */
import type { NotificationFeed } from '../../src';
import { badgeText, bellLabel, notificationTime } from '../../src/host/shell/notification-text';
import { admin, portfolio, team } from './fake-site';
import { startTestHost, type TestHost } from './test-host';

describe('the notification endpoints', () => {
  let t: TestHost;
  const feedOf = async (accountId: string): Promise<NotificationFeed> => {
    const { status, json } = await t.request('GET', `/api/notifications?accountId=${accountId}`);
    expect(status).toBe(200);
    return json as NotificationFeed;
  };

  beforeEach(async () => {
    t = await startTestHost();
    t.site.addMention(team.accountId, {
      issueKey: 'PAY-1',
      commentId: '10000',
      actor: admin,
      excerpt: '@Tom Team: the review fell due.',
    });
    t.site.addMention(team.accountId, {
      issueKey: 'PAY-2',
      commentId: '10001',
      actor: portfolio,
      excerpt: '@Tom Team please look',
    });
    t.site.addMention(portfolio.accountId, {
      issueKey: 'OPS-1',
      commentId: '10002',
      actor: admin,
      excerpt: '@Pia Portfolio FYI',
    });
  });

  afterEach(async () => {
    await t.host.close();
  });

  it("returns the acting user's notifications only, newest first, with the count of unseen ones", async () => {
    const feed = await feedOf(team.accountId);
    expect(feed.unseen).toBe(2);
    expect(feed.notifications.map((n) => [n.id, n.actor.displayName, n.path])).toEqual([
      ['mention-10001', 'Pia Portfolio', '/browse/PAY-2?focusedCommentId=10001'],
      ['mention-10000', 'Ada Admin', '/browse/PAY-1?focusedCommentId=10000'],
    ]);
    expect((await feedOf(portfolio.accountId)).notifications.map((n) => n.id)).toEqual(['mention-10002']);
    expect(await feedOf(admin.accountId)).toEqual({ notifications: [], unseen: 0 });
  });

  it('clears the count when the user opens the drawer, and leaves other users alone', async () => {
    const seen = await t.request('POST', `/api/notifications/seen?accountId=${team.accountId}`);
    expect(seen.status).toBe(204);
    const feed = await feedOf(team.accountId);
    expect(feed.unseen).toBe(0);
    expect(feed.notifications.map((n) => n.read)).toEqual([false, false]);
    expect((await feedOf(portfolio.accountId)).unseen).toBe(1);
  });

  it('marks one notification read when the user opens it', async () => {
    const read = await t.request('POST', `/api/notifications/mention-10000/read?accountId=${team.accountId}`);
    expect(read.status).toBe(204);
    const feed = await feedOf(team.accountId);
    expect(feed.notifications.map((n) => [n.id, n.read])).toEqual([
      ['mention-10001', false],
      ['mention-10000', true],
    ]);
    expect(feed.unseen).toBe(1);
  });

  it("answers 404 for a notification the user does not have, even another user's", async () => {
    const other = await t.request(
      'POST',
      `/api/notifications/mention-10002/read?accountId=${team.accountId}`,
    );
    expect(other.status).toBe(404);
    expect(other.json).toMatchObject({ errorType: 'NOT_FOUND' });
    expect((await feedOf(portfolio.accountId)).notifications[0]?.read).toBe(false);
  });

  it('answers 400 without an accountId or for someone not on the site', async () => {
    expect((await t.request('GET', '/api/notifications')).status).toBe(400);
    expect((await t.request('GET', '/api/notifications?accountId=stranger')).status).toBe(400);
    expect((await t.request('POST', '/api/notifications/seen?accountId=stranger')).status).toBe(400);
  });

  it('serves the bell from the top bar of the shell', async () => {
    const main = await t.request('GET', '/shell/main.js');
    expect(main.text).toMatch(/from ["']\.\/notifications["']/);
    expect(main.text).toContain('notificationBell()');
    const bell = await t.request('GET', '/shell/notifications.js');
    expect(bell.status).toBe(200);
    expect(bell.text).toContain("'aria-controls': 'notification-panel'");
  });
});

describe('bellLabel', () => {
  it('names the bell, and says how many notifications are new when there are any', () => {
    expect(bellLabel(0)).toBe('Notifications');
    expect(bellLabel(1)).toBe('Notifications, 1 new');
    expect(bellLabel(12)).toBe('Notifications, 12 new');
  });
});

describe('badgeText', () => {
  it('shows nothing for nothing new, the count up to nine, then 9+', () => {
    expect([0, 1, 9, 10, 250].map(badgeText)).toEqual(['', '1', '9', '9+', '9+']);
  });
});

describe('notificationTime', () => {
  it("reads Jira's timestamp with its +0000 offset, and gives back text that is not a time as it is", () => {
    expect(notificationTime('2026-12-06T09:30:00.000+0000', 'en')).toMatch(/Dec 6, 2026/);
    expect(notificationTime('yesterday')).toBe('yesterday');
  });
});
