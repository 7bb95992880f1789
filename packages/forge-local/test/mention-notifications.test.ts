/**
 * A comment that mentions people notifies them in Jira's bell, as Jira Cloud does: only users who
 * can view the issue, never the author, once per comment
 * (https://support.atlassian.com/jira/kb/troubleshooting-why-an-internal-jira-user-did-not-receive-a-notification-in-jira-cloud/);
 * the bell counts what the drawer has not shown yet
 * (https://support.atlassian.com/atlassian-cloud/kb/overview-of-in-app-notifications-in-atlassian-cloud-products/).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSE_ONLY, person, type LocalSiteRuntime, type SiteSeed } from '../src';
import { commentExcerpt, EXCERPT_MAX_CHARS, mentionedAccountIds } from '../src/jira/mention-notifications';
import { FIXTURE_COLLEAGUES } from './fixtures/fixture-seed';
import { ADMIN, appJira, bodyOf, fixtureSeed, openFixtureSite, PORTFOLIO, rest, TEAM } from './site-fixtures';

const mention = (id: string, text?: string) => ({
  type: 'mention',
  attrs: { id, ...(text === undefined ? {} : { text }) },
});
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const text = (value: string) => ({ type: 'text', text: value });

async function comment(
  site: LocalSiteRuntime,
  accountId: string,
  issueKey: string,
  body: unknown,
): Promise<string> {
  const answer = await rest(site, accountId, 'POST', `/rest/api/3/issue/${issueKey}/comment`, { body });
  expect(answer.status).toBe(201);
  return bodyOf<{ id: string }>(answer).id;
}

describe('mention notifications', () => {
  let site: LocalSiteRuntime;

  beforeEach(async () => {
    site = await openFixtureSite();
  });

  afterEach(async () => {
    await site.close();
  });

  it('notifies each mentioned user who can browse the issue once, not the author nor those who cannot', async () => {
    const colleague = FIXTURE_COLLEAGUES[0]?.accountId ?? '';
    const commentId = await comment(
      site,
      ADMIN,
      'PAY-1',
      doc(
        paragraph(mention(PORTFOLIO), text(' and '), mention(TEAM), text(': the review is due.')),
        paragraph(
          mention(PORTFOLIO),
          text(' again, '),
          mention(ADMIN),
          mention(colleague),
          mention('nobody'),
        ),
      ),
    );

    const portfolio = site.notifications.feed(PORTFOLIO);
    expect(portfolio.unseen).toBe(1);
    expect(portfolio.notifications).toEqual([
      {
        id: `mention-${commentId}`,
        kind: 'mention',
        issue: { id: expect.any(String) as string, key: 'PAY-1', summary: expect.any(String) as string },
        commentId,
        actor: { accountId: ADMIN, displayName: 'Ada Marsh' },
        created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as string,
        excerpt:
          '@Priya Nair and @Sam Moreno: the review is due. @Priya Nair again, @Ada Marsh@Mia Chen@Unknown user',
        seen: false,
        read: false,
        path: `/browse/PAY-1?focusedCommentId=${commentId}`,
      },
    ]);
    // Sam sees Checkout only; Ada wrote it; "nobody" is no one on the site. The colleague, who
    // never signs in but browses every project, is notified like anyone else.
    expect(site.notifications.feed(TEAM)).toEqual({ notifications: [], unseen: 0 });
    expect(site.notifications.feed(ADMIN)).toEqual({ notifications: [], unseen: 0 });
    expect(site.notifications.feed('nobody')).toEqual({ notifications: [], unseen: 0 });
    expect(site.notifications.feed(colleague).notifications.map((n) => n.id)).toEqual([
      `mention-${commentId}`,
    ]);
  });

  it('notifies the user a comment by the app mentions, naming the app as who mentioned them', async () => {
    const answer = await appJira(site, {
      as: 'app',
      method: 'POST',
      path: '/rest/api/3/issue/CHK-1/comment',
      body: { body: doc(paragraph(mention(TEAM), text(': the 3-month benefit review fell due.'))) },
    });
    expect(answer.status).toBe(201);

    const [notification, ...rest] = site.notifications.feed(TEAM).notifications;
    expect(rest).toEqual([]);
    expect(notification).toMatchObject({
      issue: { key: 'CHK-1' },
      commentId: answer.body.id,
      excerpt: '@Sam Moreno: the 3-month benefit review fell due.',
    });
    expect(notification?.actor.accountId).not.toBe(TEAM);
    expect(notification?.actor.displayName).not.toBe(notification?.actor.accountId);
  });

  it('notifies nobody for a comment without mentions, or one that was refused', async () => {
    await comment(site, ADMIN, 'CHK-1', doc(paragraph(text('No one is mentioned here.'))));
    const refused = await rest(site, TEAM, 'POST', '/rest/api/3/issue/PAY-1/comment', {
      body: doc(paragraph(mention(PORTFOLIO), text(' hidden'))),
    });
    expect(refused.status).toBe(404);
    for (const accountId of [ADMIN, PORTFOLIO, TEAM])
      expect(site.notifications.feed(accountId).notifications).toEqual([]);
  });

  it('lists newest first; opening the drawer clears the count, opening one marks it read', async () => {
    const first = await comment(site, ADMIN, 'CHK-1', doc(paragraph(mention(TEAM), text(' first'))));
    const second = await comment(site, PORTFOLIO, 'CHK-2', doc(paragraph(mention(TEAM), text(' second'))));
    expect(site.notifications.feed(TEAM).notifications.map((n) => n.commentId)).toEqual([second, first]);
    expect(site.notifications.feed(TEAM).unseen).toBe(2);

    site.notifications.markAllSeen(TEAM);
    const seen = site.notifications.feed(TEAM);
    expect(seen.unseen).toBe(0);
    expect(seen.notifications.map((n) => [n.seen, n.read])).toEqual([
      [true, false],
      [true, false],
    ]);

    expect(site.notifications.markRead(TEAM, `mention-${first}`)).toBe(true);
    expect(site.notifications.feed(TEAM).notifications.map((n) => n.read)).toEqual([false, true]);
    expect(site.notifications.markRead(TEAM, 'mention-404')).toBe(false);
    // Someone else's notification is not theirs to read.
    expect(site.notifications.markRead(PORTFOLIO, `mention-${second}`)).toBe(false);
    expect(site.notifications.feed(TEAM).notifications[0]?.read).toBe(false);

    const third = await comment(site, ADMIN, 'CHK-1', doc(paragraph(mention(TEAM), text(' third'))));
    expect(site.notifications.feed(TEAM).unseen).toBe(1);
    site.notifications.markRead(TEAM, `mention-${third}`);
    expect(site.notifications.feed(TEAM).unseen).toBe(0);
  });

  it("follows the issue's key after a move and keeps the notification after the issue is deleted", async () => {
    const moved = await comment(site, ADMIN, 'PAY-2', doc(paragraph(mention(PORTFOLIO), text(' moved'))));
    const newKey = site.jiraUi.moveIssue(ADMIN, 'PAY-2', 'CRM');
    const deleted = await comment(site, ADMIN, 'PAY-3', doc(paragraph(mention(PORTFOLIO), text(' gone'))));
    site.jiraUi.deleteIssue(ADMIN, 'PAY-3');
    expect(newKey).toMatch(/^CRM-\d+$/);
    expect(
      site.notifications.feed(PORTFOLIO).notifications.map((n) => [n.commentId, n.issue.key, n.path]),
    ).toEqual([
      [deleted, 'PAY-3', `/browse/PAY-3?focusedCommentId=${deleted}`],
      [moved, newKey, `/browse/${newKey}?focusedCommentId=${moved}`],
    ]);
  });
});

describe('mention notifications for a deactivated user', () => {
  it('notifies no deactivated user, even one who may still browse the issue', async () => {
    const gone = '5c0ffee0a1b2c3d4e5f60799';
    const base = fixtureSeed();
    const seed: SiteSeed = {
      ...base,
      seedJira(store) {
        const seeded = base.seedJira(store);
        store.users.put(gone, { ...person(gone, 'Former Colleague'), active: false });
        store.grants.put(gone, { accountId: gone, global: [], projects: { '*': [...BROWSE_ONLY] } });
        return seeded;
      },
    };
    const site = await openFixtureSite({ seed });
    try {
      await comment(site, ADMIN, 'CHK-1', doc(paragraph(mention(gone), text(' and '), mention(TEAM))));
      expect(site.notifications.feed(gone).notifications).toEqual([]);
      expect(site.notifications.feed(TEAM).notifications).toHaveLength(1);
    } finally {
      await site.close();
    }
  });
});

describe('mention notifications on disk', () => {
  it('survive closing and reopening the site, seen and read state included', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'forge-local-notifications-'));
    try {
      const site = await openFixtureSite({ dataDir });
      const first = await comment(site, ADMIN, 'CHK-1', doc(paragraph(mention(TEAM), text(' one'))));
      site.notifications.markRead(TEAM, `mention-${first}`);
      await comment(site, ADMIN, 'CHK-1', doc(paragraph(mention(TEAM), text(' two'))));
      const before = site.notifications.feed(TEAM);
      await site.close();

      const reopened = await openFixtureSite({ dataDir });
      try {
        expect(reopened.notifications.feed(TEAM)).toEqual(before);
        expect(before.unseen).toBe(1);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('mentionedAccountIds', () => {
  it('returns each mentioned account id once, in order, from nested content, ignoring malformed nodes', () => {
    expect(
      mentionedAccountIds(
        doc(
          { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(mention('b'))] }] },
          paragraph(mention('a'), mention('b'), { type: 'mention', attrs: { id: 7 } }, mention(''), null),
        ),
      ),
    ).toEqual(['b', 'a']);
    expect(mentionedAccountIds('not a document')).toEqual([]);
  });
});

describe('commentExcerpt', () => {
  it("uses the mention's own text when the user is unknown, and separates blocks and hard breaks", () => {
    expect(
      commentExcerpt(
        doc(
          paragraph(mention('x', '@Former Colleague'), text(' one'), { type: 'hardBreak' }, text('two')),
          paragraph(text('three')),
        ),
        () => undefined,
      ),
    ).toBe('@Former Colleague one two three');
  });

  it(`cuts a long comment to ${String(EXCERPT_MAX_CHARS)} characters ending in an ellipsis`, () => {
    const excerpt = commentExcerpt(doc(paragraph(text('word '.repeat(100)))), () => undefined);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
    expect(excerpt.endsWith('word…')).toBe(true);
    expect(excerpt.startsWith('word word')).toBe(true);
  });

  it('never cuts inside a character made of several code points', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const excerpt = commentExcerpt(
      doc(paragraph(text(family.repeat(EXCERPT_MAX_CHARS + 5)))),
      () => undefined,
    );
    expect(excerpt).toBe(`${family.repeat(EXCERPT_MAX_CHARS - 1)}…`);
  });
});
