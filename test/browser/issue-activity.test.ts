/**
 * The host's issue view shows the issue's comments under Activity, newest first, with mentions as
 * @ and the user's name: where a benefit owner sees the app's review notice (issue #15).
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

describe('the issue view Activity in Chromium', () => {
  const env = useBrowserHost();
  const { admin, team } = DEMO_ACCOUNT_IDS;

  it(
    'shows a comment that mentions a user as @ and their display name',
    async () => {
      const teamName = env.userWithRole('team').displayName;
      const shell = await openShell(env, '/issues', { accountId: admin });
      const key =
        (await shell.page.locator('.issue-table tbody tr .issue-key a').first().textContent()) ?? '';
      await postMention(env, {
        author: admin,
        issueKey: key,
        mentioned: team,
        text: ': the 3-month benefit review fell due.',
      });

      await shell.page.goto(`${env.base}/browse/${key}`);
      const activity = shell.page.locator('.issue-activity');
      await waitForText(activity, 'the 3-month benefit review fell due.');
      expect(await activity.locator('.comment').count()).toBe(1);
      expect(await activity.locator('.comment-mention').textContent()).toBe(`@${teamName}`);
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    browserTimeout,
  );
});
