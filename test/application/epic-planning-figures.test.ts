import type { PanelContext } from '../../src/application/epic-value/panel-context';
import { getEpicValue } from '../../src/application/epic-value/get-epic-value';
import { saveEpicValue } from '../../src/application/epic-value/save-epic-value';
import { SiteConfig } from '../../src/application/site-config';
import type { EpicValueDocumentInput } from '../../src/contract/epic-value.schema';
import { InMemoryJira, type FakeUser } from '../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../fakes/in-memory-key-value-store';
import { InMemoryWorkQueue } from '../fakes/in-memory-work-queue';

const editor: FakeUser = { accountId: 'editor' };
const at = (month: string, amount: number) => ({ month, amount });

/** The worked example of docs/kpis.md ("Value planning"), as of 2026-03 at 12% a year. */
const workedExample = (successProbability: number): EpicValueDocumentInput => ({
  successProbability,
  benefits: [
    {
      id: 'b1',
      kind: 'revenue',
      title: 'Sales',
      planned: [at('2026-05', 1000), at('2026-06', 1000)],
      realised: [],
    },
  ],
  costs: { planned: [at('2026-04', 1000), at('2026-05', 200)], actual: [at('2026-03', 2000)] },
});

async function site(status: 'in_progress' | 'done' = 'in_progress') {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  const config = new SiteConfig(store);
  await config.saveSettings({ ...(await config.settings()), currency: 'EUR', discountRate: 0.12 });
  jira.addEpic({ key: 'PAY-1', status });
  const context: PanelContext = {
    accountId: editor.accountId,
    jira: jira.siteFor(editor),
    permissions: jira.permissionsFor(editor),
    groups: jira.groups,
    store,
    clock: { now: () => new Date('2026-03-20T12:00:00Z') },
    sleep: () => Promise.resolve(),
    rollupQueue: new InMemoryWorkQueue(),
  };
  return {
    jira,
    save: (value: EpicValueDocumentInput) =>
      saveEpicValue(context, { issueKey: 'PAY-1', baseRevision: 0, value }),
    get: () => getEpicValue(context, { issueKey: 'PAY-1' }),
  };
}

describe('the panel’s planning figures', () => {
  it('returns the epic’s cost of delay, CD3 and stop/continue signal as the planning page works them out', async () => {
    const { save, get } = await site();
    await save(workedExample(0.8));

    const view = await get();

    expect(view.planning).toEqual({
      remainingNpv: 374.55,
      remainingCost: 1200,
      remainingBenefit: 1600,
      costOfDelay: 3.71,
      remainingMonths: 2,
      cd3: 1.855,
      signal: { verdict: 'worth_finishing', margin: 400 },
    });
  });

  it('flags an epic not worth finishing, at p = 0.5', async () => {
    const { save } = await site();

    const view = await save(workedExample(0.5));

    expect(view.planning?.signal).toEqual({ verdict: 'not_worth_finishing', margin: -200 });
  });

  it('has none for a Done epic: nothing of it is still to decide', async () => {
    const { save } = await site('done');

    const view = await save(workedExample(0.8));

    expect(view.planning).toBeNull();
  });

  it('stores the cost of delay in the search index, for the JQL alias valueCostOfDelay', async () => {
    const { save, jira } = await site();
    await save(workedExample(0.8));

    expect(jira.writes.at(-1)?.index).toMatchObject({ costOfDelay: 3.71 });
  });
});
