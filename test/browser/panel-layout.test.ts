/**
 * The epic value panel's layout and keyboard use, from its real static build in the local Jira
 * host, in both themes at 380 and 1,200 px, with every card and the chart's table open: no text is
 * clipped and the frame never scrolls sideways, every money figure keeps its currency, every
 * control is reached by Tab and shows a focus ring, and Escape closes a series tool.
 * Screenshots of the whole panel land in test-artifacts/browser/panel-layout-*.png.
 */
import type { Frame } from 'playwright-core';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import { openShell, useBrowserHost } from './browser-host';
import { CHK_EPICS_JQL, epicKeys, unwrap } from './site-calls';
import { clippedText, screenshotPanel } from './panel-checks';

const timeout = 120_000;
const widths = [380, 1200] as const;
const themes = ['light', 'dark'] as const;
const cases = themes.flatMap((theme) => widths.map((width) => [theme, width] as const));
/** Large amounts, so that figures are as wide as a real portfolio's. */
const BIG = 1_234_567.89;
const HALF = 617_283.94;

/** Money figures that lost their currency: table cells, metrics, series totals and chart ticks. */
function figuresWithoutUnit(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const texts = [
      ...[...document.querySelectorAll('.chart-numbers td')].map((cell) => cell.textContent),
      ...[...document.querySelectorAll('.series-total')].map((total) => total.textContent),
      ...[...document.querySelectorAll('.card-meta')].map((meta) => meta.textContent),
      ...[...document.querySelectorAll('svg .tick')]
        .map((tick) => tick.textContent)
        .filter((text) => /\d/.test(text) && !/^[A-Z][a-z]{2} \d{4}$/.test(text)),
      ...['Realised benefit', 'Planned benefit', 'NPV', 'Cost'].map((label) => {
        const term = [...document.querySelectorAll('dt')].find((dt) => dt.textContent === label);
        return term?.nextElementSibling?.querySelector('.metric-value')?.textContent ?? `${label}: missing`;
      }),
    ];
    return texts.filter((text) => text !== '—' && !text.includes('€'));
  });
}

describe('the epic value panel’s layout and keyboard use', () => {
  const env = useBrowserHost();
  const { admin, team } = DEMO_ACCOUNT_IDS;

  /** A CHK epic (one per test) with a benefit, realised amounts and costs, all large. */
  async function fullEpic(index: number): Promise<string> {
    const keys = await epicKeys(env, CHK_EPICS_JQL, team);
    const key = keys[index + 4];
    if (key === undefined) throw new Error('The demo data has too few CHK epics.');
    const call = (functionKey: string, payload: unknown) =>
      // Saved by the Jira admin: only a verifier may grade realised benefit verified (issue #15).
      env.site.invoke({ moduleKey: 'value-panel', functionKey, payload, accountId: admin });
    const current = await unwrap<EpicValueView>(call('panel/get-value', { issueKey: key }));
    const months = (year: number) =>
      Array.from({ length: 12 }, (_, month) => `${String(year)}-${String(month + 1).padStart(2, '0')}`);
    await unwrap(
      call('panel/save-value', {
        issueKey: key,
        baseRevision: current.revision,
        value: {
          ...current.value,
          benefits: [
            {
              id: 'wide-figures',
              kind: 'revenue',
              title: 'Marketplace commission on partner-led checkout conversions',
              planned: months(2026).map((month) => ({ month, amount: BIG })),
              realised: months(2026)
                .slice(0, 6)
                .map((month) => ({ month, amount: BIG, evidence: 'verified' })),
            },
          ],
          costs: {
            planned: months(2026).map((month) => ({ month, amount: HALF })),
            actual: months(2026)
              .slice(0, 6)
              .map((month) => ({ month, amount: HALF })),
          },
        },
      }),
    );
    return key;
  }

  it.each(cases)(
    'fits every figure with its currency, and is usable by keyboard alone (%s, %i px)',
    async (theme, width) => {
      const key = await fullEpic(cases.findIndex(([t, w]) => t === theme && w === width));
      const shell = await openShell(env, `/browse/${key}`, { accountId: team, theme });
      await shell.page.setViewportSize({ width, height: 900 });
      const panel = await shell.moduleFrame('.app-panel');
      await panel
        .getByRole('button', { name: 'Marketplace commission on partner-led checkout conversions' })
        .click();
      const closedCards = panel.locator('.card-toggle[aria-expanded="false"]');
      while ((await closedCards.count()) > 0) await closedCards.first().click();
      await panel.getByRole('button', { name: 'Show the numbers as a table' }).click();
      await panel.getByRole('table', { name: 'Planned and realised benefit by month' }).waitFor();
      expect(await panel.locator('html').getAttribute('data-color-mode')).toBe(theme);

      await screenshotPanel(shell, width, `panel-layout-${theme}-${String(width)}`);
      expect(await clippedText(panel)).toEqual([]);
      expect(await figuresWithoutUnit(panel)).toEqual([]);
      // The month stays in view while the table's amounts scroll sideways.
      expect(
        await panel
          .getByRole('rowheader')
          .first()
          .evaluate((cell) => getComputedStyle(cell).position),
      ).toBe('sticky');

      // Tab from the first tab to the end: every control is reached, each with a visible ring.
      const controls = await panel.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement>(
            'button:not([disabled]):not([tabindex="-1"]), input, select, textarea, [tabindex="0"]',
          ),
        ]
          .filter((element) => element.offsetParent !== null && !element.closest('[hidden]'))
          .filter((element) => element.getAttribute('role') !== 'tab' || element.tabIndex === 0)
          .map((element, index) => {
            element.dataset['tabOrder'] = String(index);
            return String(index);
          }),
      );
      // Into the frame from its start, by keyboard, so that focus rings show as they do for the user.
      await panel.getByRole('tab', { name: 'Value' }).focus();
      await panel.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
      });
      await panel.page().keyboard.press('Shift+Tab');
      await panel.page().keyboard.press('Tab');
      const reached = new Set<string>();
      const withoutRing: string[] = [];
      for (let step = 0; step < controls.length + 5; step += 1) {
        const focused = await panel.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (element === null || element === document.body) return null;
          const style = getComputedStyle(element);
          const ring =
            (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) ||
            style.boxShadow !== 'none';
          return {
            order: element.dataset['tabOrder'] ?? null,
            ring,
            name: `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.textContent.slice(0, 30)}`,
          };
        });
        if (focused === null) break;
        if (focused.order !== null) reached.add(focused.order);
        if (!focused.ring) withoutRing.push(focused.name);
        await panel.page().keyboard.press('Tab');
      }
      expect(controls.filter((order) => !reached.has(order))).toEqual([]);
      expect(withoutRing).toEqual([]);

      // Escape closes a series tool and puts the focus back on the button that opened it.
      const planned = panel.getByRole('group', { name: 'Planned benefit', exact: true });
      const spread = planned.getByRole('button', { name: 'Spread a total…' });
      await spread.click();
      await planned.getByRole('textbox', { name: 'Total (EUR)' }).focus();
      await panel.page().keyboard.press('Escape');
      expect(await spread.getAttribute('aria-expanded')).toBe('false');
      expect(
        await spread.evaluate(
          (button) =>
            new Promise<boolean>((done) => {
              setTimeout(() => {
                done(document.activeElement === button);
              }, 50);
            }),
        ),
      ).toBe(true);

      expect(shell.errors).toEqual([]);
      await shell.page.context().close();
    },
    timeout,
  );
});
