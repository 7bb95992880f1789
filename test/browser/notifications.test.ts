/**
 * The host's notification bell in Chromium (issue #15: the benefit owner hears of a due review
 * through Jira): a comment that mentions the signed-in user shows on the bell's count; the drawer
 * lists it for that user only, opens from the keyboard, clears the count, and leads to the comment,
 * marking the notification read. Screenshots of the bell, the open drawer and the comment it leads
 * to land in test-artifacts/browser/.
 */
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import {
  browserTimeout,
  expectNoErrors,
  openShell,
  postMention,
  useBrowserHost,
  waitForText,
} from './browser-host';

describe('the notification bell in Chromium', () => {
  const env = useBrowserHost();
  const { admin, team } = DEMO_ACCOUNT_IDS;

  /** The first epic the team member can browse: the owner must see the issue to be notified. */
  async function teamEpicKey(): Promise<string> {
    const response = await fetch(`${env.base}/api/epics?accountId=${encodeURIComponent(team)}`);
    const { epics } = (await response.json()) as { epics: { key: string }[] };
    const key = epics[0]?.key;
    if (key === undefined) throw new Error('The team member can browse no epic.');
    return key;
  }

  const mentionTeam = (issueKey: string, text: string) =>
    postMention(env, { author: admin, issueKey, mentioned: team, text });

  describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
    it(
      'counts the mention on the bell, lists it in the drawer and leads to the comment, marking it read',
      async () => {
        const key = await teamEpicKey();
        const commentId = await mentionTeam(key, `: the 3-month benefit review fell due (${theme}).`);
        const unseen = env.site.notifications.feed(team).unseen;
        expect(unseen).toBeGreaterThan(0);

        const shell = await openShell(env, '/issues', { accountId: team, theme });
        const { page } = shell;
        const bell = page.locator('#notification-bell');
        await waitForText(page.locator('.notification-badge'), String(unseen));
        expect(await bell.getAttribute('aria-label')).toBe(`Notifications, ${String(unseen)} new`);
        await shell.screenshot(`notification-bell-${theme}`);

        // Opened from the keyboard, as a disclosure.
        await bell.focus();
        await page.keyboard.press('Enter');
        const item = page.locator(`.notification[data-notification-id="mention-${commentId}"]`);
        await waitForText(item, `mentioned you on ${key}`);
        expect(await bell.getAttribute('aria-expanded')).toBe('true');
        expect(await item.getAttribute('class')).toContain('notification-unread');
        expect(await item.textContent()).toContain(`the 3-month benefit review fell due (${theme}).`);
        expect(await page.locator('.notification-badge').isHidden()).toBe(true);
        await page.waitForLoadState('networkidle');
        expect(env.site.notifications.feed(team).unseen).toBe(0);
        await shell.screenshot(`notifications-${theme}`);

        // On a phone-sized window the drawer stays on screen.
        await page.setViewportSize({ width: 380, height: 800 });
        const box = await page.locator('#notification-panel').boundingBox();
        expect(box?.x).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(380);
        await shell.screenshot(`notifications-narrow-${theme}`);
        await page.setViewportSize({ width: 1280, height: 800 });

        // Escape closes it and gives focus back to the bell.
        await page.keyboard.press('Escape');
        expect(await page.locator('#notification-panel').isHidden()).toBe(true);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('notification-bell');

        // Another user's bell does not show it.
        await page.locator('#user-switch').selectOption(admin);
        await bell.click();
        await page.waitForFunction(
          () =>
            !document.querySelector('.notification-panel [role="status"]')?.textContent.startsWith('Loading'),
        );
        expect(await page.locator('.notification-panel').isVisible()).toBe(true);
        expect(await item.count()).toBe(0);
        await page.keyboard.press('Escape');

        // Back as the owner: opening the notification shows the comment and marks it read.
        await page.locator('#user-switch').selectOption(team);
        await bell.click();
        await item.locator('a').click();
        await page.waitForURL(`**/browse/${key}?focusedCommentId=${commentId}`);
        const focused = page.locator('.comment-focused');
        await waitForText(focused, `the 3-month benefit review fell due (${theme}).`);
        expect(await focused.getAttribute('data-comment-id')).toBe(commentId);
        await page.waitForLoadState('networkidle');
        const opened = env.site.notifications.feed(team).notifications.find((n) => n.commentId === commentId);
        expect(opened?.read).toBe(true);
        await shell.screenshot(`notification-comment-${theme}`);
        await expectNoErrors(env, shell);
        await page.context().close();
      },
      browserTimeout,
    );
  });
});
