import type { PanelContext } from '../../src/application/epic-value/panel-context';
import { saveEpicValue } from '../../src/application/epic-value/save-epic-value';
import type { EpicValueDocumentInput } from '../../src/contract/epic-value.schema';
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
  return { save };
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

  it('takes the ranges a save carries, also empty ones', async () => {
    const { save } = site();
    await save(0, ranged);

    const view = await save(1, { ...ranged, ranges: { benefits: [], costOverrun: null } });

    expect(view.value.ranges).toEqual({ benefits: [], costOverrun: null });
  });
});
