/**
 * Amount inputs in the epic value panel, from its real static build in the local Jira host, in
 * both themes at 380 and 1,200 px: on a EUR site "$500", "500 USD" and "12abc" are refused with a
 * message beside the field and, on Save, in the error summary under the field's name, and nothing
 * is saved; "€500" (the site currency's own symbol) is accepted and saved as 500.
 */
import type { Frame, Locator } from 'playwright-core';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import { openShell, useBrowserHost } from './browser-host';
import { CHK_EPICS_JQL, epicKeys, unwrap } from './site-calls';

const timeout = 120_000;
const widths = [380, 1200] as const;
const themes = ['light', 'dark'] as const;
const cases = themes.flatMap((theme) => widths.map((width) => [theme, width] as const));

/** The text of everything that describes `input` (its hint and its error), as a screen reader hears it. */
function descriptionOf(input: Locator): Promise<string> {
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );
}

describe('amount inputs in the epic value panel', () => {
  const env = useBrowserHost();
  const { team } = DEMO_ACCOUNT_IDS;

  const call = (functionKey: string, payload: unknown) =>
    env.site.invoke({ moduleKey: 'value-panel', functionKey, payload, accountId: team });
  const valueOf = (issueKey: string) => unwrap<EpicValueView>(call('panel/get-value', { issueKey }));

  /** A CHK epic (one per test) with one benefit planned for March 2026. */
  async function epicWithOneMonth(index: number): Promise<string> {
    const keys = await epicKeys(env, CHK_EPICS_JQL, team);
    const key = keys[index];
    if (key === undefined) throw new Error('The demo data has too few CHK epics.');
    const current = await valueOf(key);
    expect(current.currency).toBe('EUR');
    await unwrap(
      call('panel/save-value', {
        issueKey: key,
        baseRevision: current.revision,
        value: {
          ...current.value,
          benefits: [
            {
              id: 'one-month',
              kind: 'revenue',
              title: 'Checkout uplift',
              planned: [{ month: '2026-03', amount: 100 }],
              realised: [],
            },
          ],
        },
      }),
    );
    return key;
  }

  async function refuses(panel: Frame, amount: Locator, typed: string, message: RegExp): Promise<void> {
    await amount.fill(typed);
    await amount.press('Tab');
    await panel.getByText(message).first().waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(amount)).toMatch(message);

    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    const summary = panel.getByRole('alert').filter({ hasText: 'Fix 1 problem before saving' });
    await summary.waitFor();
    // The summary names the field: the benefit, its series and month, and what is wrong there.
    expect(await summary.getByRole('listitem').textContent()).toMatch(
      new RegExp(`^“Checkout uplift”, planned Mar 2026: amount – ${message.source}`),
    );
  }

  it.each(cases)(
    'refuses another currency and trailing letters, naming the field, and accepts € (%s, %i px)',
    async (theme, width) => {
      const key = await epicWithOneMonth(cases.findIndex(([t, w]) => t === theme && w === width));
      const before = await valueOf(key);
      const shell = await openShell(env, `/browse/${key}`, { accountId: team, theme });
      await shell.page.setViewportSize({ width, height: 900 });
      const panel = await shell.moduleFrame('.app-panel');
      await panel.getByRole('button', { name: 'Checkout uplift' }).click();
      const amount = panel.getByRole('textbox', { name: 'Planned benefit: amount for Mar 2026' });

      await refuses(panel, amount, '$500', /"\$500" is in another currency: enter the amount in EUR/);
      await refuses(panel, amount, '500 USD', /"500 USD" is in another currency: enter the amount in EUR/);
      await refuses(panel, amount, '12abc', /Enter a number, such as 1,250\.50\./);
      expect(await amount.inputValue()).toBe('12abc');
      // Nothing was saved by any of the refused attempts.
      expect((await valueOf(key)).revision).toBe(before.revision);

      await amount.fill('€500');
      await amount.press('Tab');
      expect(await amount.inputValue()).toBe('500.00');
      expect(await amount.getAttribute('aria-invalid')).toBeNull();
      await panel.getByRole('button', { name: 'Save', exact: true }).click();
      await panel.getByText('Saved. The summary now includes your changes.').waitFor();
      const after = await valueOf(key);
      expect(after.revision).toBe(before.revision + 1);
      expect(after.value.benefits[0]?.planned).toEqual([{ month: '2026-03', amount: 500 }]);
      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    timeout,
  );
});
