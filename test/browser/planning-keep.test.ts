/**
 * The budget cut's Keep-probability column on the value planning page, through the real
 * resolvers on the demo site: an epic pinned to continue is kept in every draw (100%), the
 * column matches the resolver's answer, and the note names the seed and draws; wide in the
 * light theme and narrow in the dark one, with nothing clipped.
 * Screenshots: test-artifacts/browser/planning-keep-*.png.
 */
import { resolve } from 'node:path';
import { DEMO_ACCOUNT_IDS } from '../../local-site';
import type { Envelope } from '../../src/contract/envelope';
import type { RankingView, ScenarioView } from '../../src/contract/planning.contract';
import { artifactsDir, expectNoErrors, openShell, useBrowserHost } from './browser-host';
import { clippedText } from './panel-checks';

const timeout = 120_000;
const TABLE = 'Ranked by CD3, highest first';

describe('the budget cut’s keep-probability', () => {
  const env = useBrowserHost();
  const { admin } = DEMO_ACCOUNT_IDS;

  async function invoke<T>(functionKey: string, payload: unknown): Promise<T> {
    const envelope = (await env.site.invoke({
      moduleKey: 'value-planning',
      functionKey,
      payload,
      accountId: admin,
    })) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.data;
  }

  it.each([
    ['light', 1200],
    ['dark', 380],
  ] as const)(
    'shows each epic’s keep-probability beside its decision (%s, %i px)',
    async (theme, width) => {
      const { rows } = await invoke<RankingView>('planning/get-ranking', { scope: { kind: 'all' } });
      const pinned = rows[0]?.key ?? '?';
      const started = Date.now();
      const expected = await invoke<ScenarioView>('planning/run-scenario', {
        scope: { kind: 'all' },
        cap: { kind: 'percent-cut', percent: 25 },
        pins: [{ key: pinned, pin: 'continue' }],
      });
      const elapsed = Date.now() - started;
      if (expected.status !== 'planned' || expected.keep === undefined) throw new Error('expected a plan');
      // Far inside the 25 s resolver limit with the draws included.
      expect(elapsed).toBeLessThan(15_000);
      expect(expected.keep).toMatchObject({ draws: 200, reason: null });
      expect(expected.keep.byEpic[pinned]).toMatchObject({ keep: 1 });

      const shell = await openShell(env, '/issues', { accountId: admin, theme });
      await shell.page.setViewportSize({ width, height: 900 });
      await shell.page.getByRole('link', { name: 'Value planning' }).click();
      const frame = await shell.moduleFrame('#main');
      await frame.getByRole('table', { name: TABLE }).waitFor({ timeout: 60_000 });
      await frame.getByRole('combobox', { name: `Budget cut for ${pinned}` }).selectOption('continue');
      await frame.getByRole('textbox', { name: /Cut \(%\)/ }).fill('25');
      await frame.getByRole('button', { name: 'Run the cut' }).click();
      const decisions = frame.getByRole('table', { name: /Decisions per epic/ });
      await decisions.waitFor({ timeout: 60_000 });

      expect(await decisions.getByRole('columnheader', { name: /Keep-probability/ }).count()).toBe(1);
      expect(await decisions.locator('tbody tr', { hasText: pinned }).textContent()).toContain('100%');
      const note = frame.locator('.vl-keep-note');
      expect(await note.textContent()).toBe(
        `Keep-probability: the share of 200 draws (seed ${String(expected.keep.seed)}) in which the cut, planned again with each epic's benefits and costs drawn from its ranges, keeps the epic (continues or delays it).` +
          (expected.keep.drawsWithoutPlan === 0
            ? ''
            : ` ${String(expected.keep.drawsWithoutPlan)} draws in which no plan met every cap and floor are left out.`),
      );
      expect(await clippedText(frame)).toEqual([]);
      await decisions.scrollIntoViewIfNeeded();
      await shell.page.screenshot({
        path: resolve(artifactsDir, `planning-keep-${theme}-${String(width)}.png`),
      });
      await expectNoErrors(env, shell);
      await shell.page.context().close();
    },
    timeout,
  );
});
