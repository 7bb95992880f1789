import fc from 'fast-check';
import { getPortfolio } from '../../../src/application/portfolio/get-portfolio';
import { rollupProjectKey } from '../../../src/application/storage-keys';
import {
  ADMIN,
  AS_OF,
  aSite,
  CLOCK,
  figures,
  fromScratch,
  reconcileContext,
  valueArbitrary,
} from './rollup-support';
import type { InMemoryJira } from '../../fakes/in-memory-jira-site';
import type { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';

const viewOf = (jira: InMemoryJira, store: InMemoryKeyValueStore) =>
  getPortfolio(
    {
      jira: jira.siteFor(ADMIN),
      store,
      clock: CLOCK,
      viewer: {
        accountId: 'admin',
        browsableProjectKeys: () => jira.permissionsFor(ADMIN).browsableProjectKeys(),
      },
    },
    { scope: { kind: 'all' }, asOf: AS_OF },
  );

describe('reconcile', () => {
  it('builds every aggregate from the records in Jira, in bounded steps', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            project: fc.nat({ max: 2 }),
            programme: fc.nat({ max: 2 }),
            value: fc.option(valueArbitrary, { nil: null }),
          }),
          {
            minLength: 1,
            maxLength: 10,
          },
        ),
        async (epics) => {
          const { jira, store } = await aSite(epics);

          await reconcileContext(jira, store).runReconcile();

          expect(figures(await viewOf(jira, store))).toEqual(figures(await fromScratch(jira, store, ADMIN)));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('repairs a corrupted aggregate and forgets epics deleted without an event', async () => {
    const { jira, store } = await aSite([
      { project: 0, programme: 0, value: null },
      { project: 0, programme: 1, value: null },
      { project: 1, programme: 2, value: null },
    ]);
    const reconcile = reconcileContext(jira, store);
    await reconcile.runReconcile();
    const aggregate = store.entries.get(rollupProjectKey({ project: 'ALPHA' })) as { epicCount: number };
    store.entries.set(rollupProjectKey({ project: 'ALPHA' }), {
      ...aggregate,
      epicCount: 999,
      totals: 'garbage',
    });
    jira.issues.delete('BETA-3');

    await reconcile.runReconcile();

    expect(figures(await viewOf(jira, store))).toEqual(figures(await fromScratch(jira, store, ADMIN)));
    expect((await viewOf(jira, store)).portfolio.epics).toBe(2);
  });
});
