import { getEpicHistory } from '../../src/application/epic-value/get-epic-history';
import type { PanelContext } from '../../src/application/epic-value/panel-context';
import { saveEpicValue } from '../../src/application/epic-value/save-epic-value';
import type { EpicValueDocumentInput } from '../../src/contract/epic-value.schema';
import { DEFAULT_BENEFIT_RANGE_PCT, DEFAULT_COST_OVERRUN_PCT } from '../../src/domain/ranges/estimates';
import { InMemoryJira, type FakeUser } from '../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../fakes/in-memory-key-value-store';
import { InMemoryWorkQueue } from '../fakes/in-memory-work-queue';

const editor: FakeUser = { accountId: 'editor' };

const benefit = (id: string, amount: number) => ({
  id,
  kind: 'revenue' as const,
  title: `Benefit ${id}`,
  planned: [{ month: '2027-01', amount }],
  realised: [],
});

const ranged: EpicValueDocumentInput = {
  successProbability: 0.8,
  benefits: [benefit('b1', 1000), benefit('b2', 500)],
  costs: { planned: [{ month: '2026-12', amount: 300 }], actual: [] },
  ranges: {
    benefits: [
      { benefitId: 'b1', basis: 'percentOfPlan', low: 60, likely: 100, high: 120 },
      { benefitId: 'b2', basis: 'amount', low: 200, likely: 500, high: 600 },
    ],
    costOverrun: { low: -10, likely: 0, high: 40 },
  },
};

function site() {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  jira.addEpic({ key: 'PAY-1' });
  const context: PanelContext = {
    accountId: editor.accountId,
    jira: jira.siteFor(editor),
    permissions: jira.permissionsFor(editor),
    groups: jira.groups,
    store,
    clock: { now: () => new Date('2026-11-15T12:00:00Z') },
    sleep: () => Promise.resolve(),
    rollupQueue: new InMemoryWorkQueue(),
  };
  const save = (baseRevision: number, value: EpicValueDocumentInput) =>
    saveEpicValue(context, { issueKey: 'PAY-1', baseRevision, value });
  const history = () => getEpicHistory(context, { issueKey: 'PAY-1' });
  return { save, history };
}

describe('saveEpicValue and risk ranges', () => {
  it('keeps the stored ranges when a save carries none (the panel does not edit them)', async () => {
    const { save } = site();
    await save(0, ranged);
    const { ranges: _ranges, ...withoutRanges } = ranged;

    const view = await save(1, { ...withoutRanges, successProbability: 0.7 });

    expect(view.value.successProbability).toBe(0.7);
    expect(view.value.ranges).toEqual(ranged.ranges);
  });

  it('tells the panel what a blank range means: the simulation’s defaults by evidence grade', async () => {
    const { save } = site();

    const view = await save(0, ranged);

    expect(view.rangeDefaults).toEqual({
      benefit: DEFAULT_BENEFIT_RANGE_PCT,
      costOverrun: DEFAULT_COST_OVERRUN_PCT,
    });
  });

  it('drops the range of a removed benefit, and an amount range whose benefit has nothing planned any more', async () => {
    const { save } = site();
    await save(0, ranged);

    const view = await save(1, {
      successProbability: 0.8,
      benefits: [{ ...benefit('b2', 0), planned: [] }],
      costs: ranged.costs,
    });

    expect(view.value.ranges).toEqual({ benefits: [], costOverrun: { low: -10, likely: 0, high: 40 } });
  });

  it('takes the ranges a save carries, and removes them all for empty ones', async () => {
    const { save } = site();
    await save(0, ranged);
    const overrunOnly = { benefits: [], costOverrun: { low: 0, likely: 5, high: 10 } };

    expect((await save(1, { ...ranged, ranges: overrunOnly })).value.ranges).toEqual(overrunOnly);
    expect(
      (await save(2, { ...ranged, ranges: { benefits: [], costOverrun: null } })).value,
    ).not.toHaveProperty('ranges');
  });

  it('stores no ranges, as before ranges existed, when a save sends empty ones for an epic without', async () => {
    const { save, history } = site();
    const { ranges: _ranges, ...withoutRanges } = ranged;
    await save(0, withoutRanges);

    const view = await save(1, { ...withoutRanges, ranges: { benefits: [], costOverrun: null } });

    expect(view.value).not.toHaveProperty('ranges');
    expect((await history()).entries[0]?.changes).toEqual([]);
  });
});
