import { runScenario } from '../../../src/application/planning/run-scenario';
import { runScenarioInput, type ScenarioView } from '../../../src/contract/planning.contract';
import { fieldErrorsOf } from '../../../src/resolvers/define-resolver';
import { admin, payScope, payTeam, site } from './planning-site';

function input(overrides: Record<string, unknown>) {
  return runScenarioInput.parse({ scope: payScope, cap: { kind: 'percent-cut', percent: 50 }, ...overrides });
}

function planned(view: ScenarioView) {
  if (view.status !== 'planned') throw new Error(`expected a plan, got ${JSON.stringify(view)}`);
  return view;
}

function infeasible(view: ScenarioView) {
  if (view.status !== 'infeasible') throw new Error(`expected conflicts, got ${view.status}`);
  return view;
}

describe('runScenario', () => {
  it('delays the epic that loses least per unit of cash freed, as worked out by hand', async () => {
    const { contextFor } = await site();

    const view = planned(await runScenario(contextFor(admin), input({})));

    expect(view.currentNpv).toBe(2901.68); // 1,950.79 + 480.35 + 470.54
    expect(
      view.exact.decisions.map((decision) => [decision.key, decision.choice, decision.delayMonths]),
    ).toEqual([
      ['PAY-1', 'continue', undefined],
      ['PAY-2', 'continue', undefined],
      ['PAY-3', 'delay', 12],
    ]);
    expect(view.exact.npvRetained).toBe(2848.72); // 1,950.79 + 480.35 + 417.58
    expect(view.exact.proven).toBe(true);
    expect(view.exact.periods).toEqual([
      { from: '2026-04', to: '2027-03', forecast: 4000, cap: 2000, planned: 2000, cashFreed: 2000 },
    ]);
    expect(view.exact.cashFreed).toBe(2000);
    expect(view.exact.decisions[2]?.why).toEqual({
      kind: 'ratio',
      text: expect.stringMatching(/^Loses 0\.03 of NPV per 1 of cash freed, against a cut-off of /) as string,
    });
    expect(view.greedy?.npvRetained).toBe(2848.72);
    expect(view.greedyGap).toBe(0);
  });

  it('names the revision of each epic’s value record it was computed from, for applying it', async () => {
    const { jira, contextFor } = await site();
    const revisionOf = (key: string) => {
      const stored = jira.issues.get(key)?.stored;
      return stored?.state === 'stored' ? stored.record.revision : 0;
    };

    const view = planned(await runScenario(contextFor(admin), input({})));

    expect(view.exact.decisions.map((decision) => [decision.key, decision.revision])).toEqual(
      ['PAY-1', 'PAY-2', 'PAY-3'].map((key) => [key, revisionOf(key)]),
    );
    expect(view.exact.decisions.every((decision) => decision.revision > 0)).toBe(true);
  });

  it('splits the value lost among the objectives by share, the unaligned rest apart', async () => {
    const { contextFor } = await site();

    const view = planned(await runScenario(contextFor(admin), input({})));

    // PAY-3 loses 52.96: half is Cut costs', half is aligned with no objective.
    expect(view.valueLostByObjective).toEqual([
      { objectiveId: 'OBJ-COST', name: 'Cut costs', valueLost: 26.48 },
      { objectiveId: null, name: 'No objective', valueLost: 26.48 },
    ]);
  });

  it('says a pinned epic is kept by its pin, and a cap per quarter frees cash in each quarter', async () => {
    const { contextFor } = await site();

    const view = planned(
      await runScenario(
        contextFor(admin),
        input({
          cap: { kind: 'amount', amount: 3000, perQuarter: true },
          pins: [{ key: 'PAY-3', pin: 'continue' }],
        }),
      ),
    );

    expect(view.exact.periods.map((period) => [period.from, period.to, period.cap])).toEqual([
      ['2026-04', '2026-06', 3000],
      ['2026-07', '2026-09', 3000],
      ['2026-10', '2026-12', 3000],
      ['2027-01', '2027-03', 3000],
    ]);
    const pay3 = view.exact.decisions.find((decision) => decision.key === 'PAY-3');
    expect(pay3).toMatchObject({ choice: 'continue', why: { kind: 'pin', text: 'Pinned: must continue.' } });
    // 4,000 in April–June over a cap of 3,000: PAY-2 moves out of the quarter at least cost.
    expect(view.exact.periods[0]?.planned).toBeLessThanOrEqual(3000);
    expect(view.exact.decisions.find((decision) => decision.key === 'PAY-2')?.choice).not.toBe('continue');
  });

  it('names the pins and the cap when the epics that must continue spend more than the cap', async () => {
    const { contextFor } = await site();

    const view = infeasible(
      await runScenario(
        contextFor(admin),
        input({
          cap: { kind: 'amount', amount: 1000 },
          pins: [
            { key: 'PAY-1', pin: 'continue' },
            { key: 'PAY-3', pin: 'continue' },
          ],
        }),
      ),
    );

    expect(view.conflicts).toEqual([
      {
        code: 'PINS_EXCEED_CAP',
        message: expect.stringContaining('spend more than the cap from 2026-04 to 2027-03') as string,
        constraints: expect.arrayContaining([
          'The cap from 2026-04 to 2027-03',
          'PAY-1 must continue',
          'PAY-3 must continue',
        ]) as string[],
      },
    ]);
  });

  it('names the pins and the link when a stopped epic blocks one that must continue', async () => {
    const { jira, contextFor } = await site();
    jira.addBlockLink('PAY-2', 'PAY-1');

    const view = infeasible(
      await runScenario(
        contextFor(admin),
        input({
          pins: [
            { key: 'PAY-2', pin: 'stop' },
            { key: 'PAY-1', pin: 'continue' },
          ],
        }),
      ),
    );

    expect(view.conflicts[0]?.code).toBe('PINS_AGAINST_DEPENDENCY');
    expect(view.conflicts[0]?.constraints).toEqual(
      expect.arrayContaining(['PAY-2 must stop', 'PAY-1 must continue', 'PAY-2 blocks PAY-1']),
    );
  });

  it('keeps a blocker going for the epic it blocks, and says so', async () => {
    const { jira, contextFor } = await site();
    jira.addBlockLink('PAY-3', 'PAY-1');

    const view = planned(
      await runScenario(
        contextFor(admin),
        input({ cap: { kind: 'amount', amount: 3000 }, pins: [{ key: 'PAY-1', pin: 'continue' }] }),
      ),
    );

    const pay3 = view.exact.decisions.find((decision) => decision.key === 'PAY-3');
    expect(pay3).toMatchObject({
      choice: 'continue',
      why: { kind: 'dependency', text: 'Blocks PAY-1, which continues.' },
    });
    // PAY-3 cannot move while PAY-1 must continue, so PAY-2 makes the cut.
    expect(view.exact.decisions.find((decision) => decision.key === 'PAY-2')?.choice).not.toBe('continue');
    expect(view.exact.periods[0]?.planned).toBeLessThanOrEqual(3000);
  });

  it('reports a cycle of links and still plans', async () => {
    const { jira, contextFor } = await site();
    jira.addBlockLink('PAY-1', 'PAY-2');
    jira.addBlockLink('PAY-2', 'PAY-1');

    const view = planned(await runScenario(contextFor(admin), input({})));

    expect(view.warnings).toEqual([
      expect.stringMatching(/block each other in a cycle: PAY-\d → PAY-\d → PAY-\d/),
    ]);
    const [pay1, pay2] = view.exact.decisions;
    expect(pay1?.choice).toBe(pay2?.choice);
  });

  it('refuses a cut of more than 100% and a negative cap, naming the field', () => {
    const over = runScenarioInput.safeParse({ scope: payScope, cap: { kind: 'percent-cut', percent: 120 } });
    const negative = runScenarioInput.safeParse({ scope: payScope, cap: { kind: 'amount', amount: -5 } });
    const badPin = runScenarioInput.safeParse({
      scope: payScope,
      cap: { kind: 'amount', amount: 5 },
      pins: [{ key: 'PAY-1', pin: 'maybe' }],
    });

    expect(over.success ? [] : fieldErrorsOf(over.error)).toEqual([
      { path: 'cap.percent', message: expect.stringContaining('100') as string },
    ]);
    expect(negative.success ? [] : fieldErrorsOf(negative.error)).toEqual([
      { path: 'cap.amount', message: expect.stringContaining('0') as string },
    ]);
    expect(badPin.success ? [] : fieldErrorsOf(badPin.error).map((field) => field.path)).toEqual([
      'pins[0].pin',
    ]);
  });

  it('refuses a floor on an objective the site does not have, naming the field', async () => {
    const { contextFor } = await site();

    await expect(
      runScenario(contextFor(admin), input({ floors: [{ objectiveId: 'OBJ-NONE', amount: 10 }] })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', fields: [{ path: 'floors[0].objectiveId' }] });
  });

  it('names the objective whose floor cannot be kept', async () => {
    const { contextFor } = await site();

    const view = infeasible(
      await runScenario(contextFor(admin), input({ floors: [{ objectiveId: 'OBJ-COST', amount: 5000 }] })),
    );

    expect(view.conflicts).toEqual([
      expect.objectContaining({ code: 'FLOOR_UNREACHABLE', constraints: ['The floor of Cut costs'] }),
    ]);
  });

  it("never lets a restricted viewer's scenario include or reveal another project's money", async () => {
    const { jira, contextFor } = await site();
    jira.addBlockLink('OPS-1', 'PAY-1');

    const view = planned(
      await runScenario(
        contextFor(payTeam),
        runScenarioInput.parse({
          scope: { kind: 'projects', projects: ['OPS', 'PAY'] },
          cap: { kind: 'percent-cut', percent: 50 },
          pins: [{ key: 'OPS-1', pin: 'stop' }],
        }),
      ),
    );

    expect(view.epics).toBe(3);
    expect(view.exact.decisions.map((decision) => decision.key)).toEqual(['PAY-1', 'PAY-2', 'PAY-3']);
    expect(view.currentNpv).toBe(2901.68);
    expect(view.exact.periods[0]?.forecast).toBe(4000);
    const text = JSON.stringify(view);
    expect(text).not.toMatch(/70000|90000|OPS-1 blocks/);
    expect(view.warnings).toEqual([
      'OPS-1 is not an in-flight epic of this scope that you may browse, so its pin is left out.',
    ]);
  });
});
