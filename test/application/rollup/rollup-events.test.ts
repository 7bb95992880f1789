import fc from 'fast-check';
import { getPortfolio } from '../../../src/application/portfolio/get-portfolio';
import { onIssueChanged } from '../../../src/application/rollup/on-issue-changed';
import { SiteConfig } from '../../../src/application/site-config';
import type { GadgetContext } from '../../../src/application/portfolio/gadget-context';
import type { FakeUser } from '../../fakes/in-memory-jira-site';
import type { InMemoryJira } from '../../fakes/in-memory-jira-site';
import type { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import {
  ADMIN,
  AS_OF,
  aSite,
  CLOCK,
  figures,
  fromScratch,
  PROGRAMMES,
  PROJECTS,
  reconcileContext,
  valueArbitrary,
} from './rollup-support';
import { rollupEpicKey, rollupProjectKey } from '../../../src/application/storage-keys';

function gadget(jira: InMemoryJira, store: InMemoryKeyValueStore, user: FakeUser): GadgetContext {
  return {
    jira: jira.siteFor(user),
    store,
    clock: CLOCK,
    viewer: {
      accountId: user.accountId,
      browsableProjectKeys: () => jira.permissionsFor(user).browsableProjectKeys(),
    },
  };
}

const epicsArbitrary = fc.array(
  fc.record({
    project: fc.nat({ max: 2 }),
    programme: fc.nat({ max: 2 }),
    value: fc.option(valueArbitrary, { nil: null }),
  }),
  { minLength: 1, maxLength: 8 },
);

/** What people do in Jira between two dashboard loads; each raises an event for the issue. */
const operationArbitrary = fc.oneof(
  fc.record({ kind: fc.constant('save' as const), epic: fc.nat(), value: valueArbitrary }),
  fc.record({ kind: fc.constant('move' as const), epic: fc.nat(), project: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('reparent' as const), epic: fc.nat(), programme: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('delete' as const), epic: fc.nat() }),
);
type Operation = typeof operationArbitrary extends fc.Arbitrary<infer T> ? T : never;

function apply(jira: InMemoryJira, operation: Operation): string | null {
  const issues = [...jira.issues.values()];
  const issue = issues[operation.epic % Math.max(issues.length, 1)];
  if (issue === undefined) return null;
  switch (operation.kind) {
    case 'save': {
      const revision = issue.stored.state === 'stored' ? issue.stored.record.revision + 1 : 1;
      issue.stored = {
        state: 'stored',
        record: { revision, updatedAt: '', updatedBy: 'u', value: operation.value },
      };
      break;
    }
    case 'move':
      issue.projectKey = PROJECTS[operation.project] ?? 'ALPHA';
      break;
    case 'reparent':
      issue.parentKey = PROGRAMMES[operation.programme] ?? null;
      break;
    case 'delete':
      jira.issues.delete(issue.key);
      break;
  }
  return issue.id;
}

describe('roll-up store kept fresh by Jira events', () => {
  it('merges to exactly what the engine computes from the raw records, whatever the order and redelivery of events', async () => {
    await fc.assert(
      fc.asyncProperty(
        epicsArbitrary,
        fc.array(fc.tuple(operationArbitrary, fc.nat({ max: 3 })), { maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        async (epics, operations, dice) => {
          const { jira, store } = await aSite(epics);
          const context = { jira: jira.siteFor(ADMIN), store, clock: CLOCK };
          // Every epic's creation is an event too.
          const pending: string[] = [...jira.issues.values()].map((issue) => issue.id);
          const delivered: string[] = [];
          let roll = 0;
          const nextDie = () => dice[roll++ % dice.length] ?? 0;
          const deliver = async (count: number) => {
            for (let index = 0; index < count && pending.length > 0; index += 1) {
              const [issueId] = pending.splice(nextDie() % pending.length, 1);
              if (issueId === undefined) continue;
              await onIssueChanged(context, { issueId });
              delivered.push(issueId);
            }
          };
          for (const [operation, deliveries] of operations) {
            const issueId = apply(jira, operation);
            if (issueId !== null) pending.push(issueId);
            await deliver(deliveries);
            // Redelivery of an event handled before.
            const again = delivered[nextDie() % Math.max(delivered.length, 1)];
            if (again !== undefined) await onIssueChanged(context, { issueId: again });
          }
          await deliver(pending.length);

          const rolledUp = await getPortfolio(gadget(jira, store, ADMIN), {
            scope: { kind: 'all' },
            asOf: AS_OF,
          });

          expect(rolledUp.source).toBe('rollup');
          expect(figures(rolledUp)).toEqual(figures(await fromScratch(jira, store, ADMIN)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('brings the project up to date when an event refiles a contribution whose writer was cut off before the aggregate', async () => {
    const [first, second] = fc.sample(valueArbitrary, { seed: 42, numRuns: 2 });
    if (first === undefined || second === undefined) throw new Error('no sample values');
    const { jira, store } = await aSite([
      { project: 0, programme: 0, value: first },
      { project: 0, programme: 0, value: null },
    ]);
    const context = { jira: jira.siteFor(ADMIN), store, clock: CLOCK };
    for (const issue of jira.issues.values()) await onIssueChanged(context, { issueId: issue.id });
    const cutOff = [...jira.issues.values()][1];
    if (cutOff === undefined) throw new Error('no second epic');
    cutOff.stored = {
      state: 'stored',
      record: { revision: 1, updatedAt: '', updatedBy: 'u', value: second },
    };
    // The writer dies after filing the contribution, before it can claim the project.
    const setIfAbsent = store.setIfAbsent.bind(store);
    store.setIfAbsent = () => Promise.reject(new Error('the invocation was killed'));
    await expect(onIssueChanged(context, { issueId: cutOff.id })).rejects.toThrow('killed');
    store.setIfAbsent = setIfAbsent;

    expect(await onIssueChanged(context, { issueId: cutOff.id })).toBe('unchanged');

    const rolledUp = await getPortfolio(gadget(jira, store, ADMIN), { scope: { kind: 'all' }, asOf: AS_OF });
    expect(figures(rolledUp)).toEqual(figures(await fromScratch(jira, store, ADMIN)));
  });

  it('computes a project live while it still has contributions of an older version, and rolls it up again once reconciled', async () => {
    const [first, second] = fc.sample(valueArbitrary, { seed: 7, numRuns: 2 });
    if (first === undefined || second === undefined) throw new Error('no sample values');
    const { jira, store } = await aSite([
      { project: 0, programme: 0, value: { ...first, objectives: [{ id: 'OBJ-1', share: 0.5 }] } },
      { project: 0, programme: 1, value: second },
    ]);
    const context = { jira: jira.siteFor(ADMIN), store, clock: CLOCK };
    const [older, newer] = [...jira.issues.values()];
    if (older === undefined || newer === undefined) throw new Error('no epics');
    for (const issue of [older, newer]) await onIssueChanged(context, { issueId: issue.id });
    // What the previous version stored: schema 1, objective series without the risk-weighted plan.
    const key = rollupEpicKey({ project: older.projectKey, issueId: older.id });
    const stored = (await store.get(key)) as {
      totals: { byObjective: Record<string, Record<string, unknown>> };
    };
    for (const series of Object.values(stored.totals.byObjective))
      delete series['riskWeightedPlannedBenefit'];
    await store.set(key, { ...stored, schema: 1 });
    // A later save of the other epic recomputes the project's aggregate from what is on file.
    newer.stored = {
      state: 'stored',
      record: { revision: 2, updatedAt: '', updatedBy: 'u', value: { ...second, successProbability: 0.25 } },
    };
    await onIssueChanged(context, { issueId: newer.id });

    const whileOutdated = await getPortfolio(gadget(jira, store, ADMIN), {
      scope: { kind: 'all' },
      asOf: AS_OF,
    });
    expect(figures(whileOutdated)).toEqual(figures(await fromScratch(jira, store, ADMIN)));
    expect(await store.get(rollupProjectKey({ project: older.projectKey }))).toMatchObject({
      incomplete: true,
    });

    await reconcileContext(jira, store).runReconcile();
    const reconciled = await getPortfolio(gadget(jira, store, ADMIN), {
      scope: { kind: 'all' },
      asOf: AS_OF,
    });
    expect(await store.get(rollupProjectKey({ project: older.projectKey }))).not.toHaveProperty('incomplete');
    expect(figures(reconciled)).toEqual(figures(whileOutdated));
  });

  it("never shows a restricted viewer another project's money", async () => {
    await fc.assert(
      fc.asyncProperty(epicsArbitrary, fc.subarray<string>([...PROJECTS]), async (epics, browse) => {
        const { jira, store } = await aSite(epics);
        const context = { jira: jira.siteFor(ADMIN), store, clock: CLOCK };
        for (const issue of [...jira.issues.values()]) await onIssueChanged(context, { issueId: issue.id });
        const viewer: FakeUser = { accountId: 'viewer', browse };

        const view = await getPortfolio(gadget(jira, store, viewer), { scope: { kind: 'all' }, asOf: AS_OF });

        expect(Object.keys(view.byProject).every((project) => browse.includes(project))).toBe(true);
        expect(figures(view)).toEqual(figures(await fromScratch(jira, store, viewer)));
      }),
      { numRuns: 40 },
    );
  });

  it("still answers when the viewer's projects cannot be cached, and asks Jira again next time", async () => {
    const { jira, store } = await aSite([
      { project: 0, programme: 0, value: null },
      { project: 1, programme: 1, value: null },
    ]);
    const context = { jira: jira.siteFor(ADMIN), store, clock: CLOCK };
    for (const issue of [...jira.issues.values()]) await onIssueChanged(context, { issueId: issue.id });
    const set = store.set.bind(store);
    jest
      .spyOn(store, 'set')
      .mockImplementation((key, value) =>
        key.startsWith('rollup:viewer:') ? Promise.reject(new Error('storage is down')) : set(key, value),
      );
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    let lookups = 0;
    const viewer = {
      accountId: 'admin',
      browsableProjectKeys: () => {
        lookups += 1;
        return jira.permissionsFor(ADMIN).browsableProjectKeys();
      },
    };

    try {
      for (let load = 0; load < 2; load += 1) {
        const view = await getPortfolio(
          { jira: jira.siteFor(ADMIN), store, clock: CLOCK, viewer },
          { scope: { kind: 'all' }, asOf: AS_OF },
        );
        expect(figures(view)).toEqual(figures(await fromScratch(jira, store, ADMIN)));
      }
      expect(lookups).toBe(2);
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });

  it('ignores without reading Jira an event about an issue of a type the admin did not name as an epic type', async () => {
    const { jira, store } = await aSite([{ project: 0, programme: 0, value: null }]);
    const config = new SiteConfig(store);
    await config.saveSettings({ ...(await config.settings()), epicIssueTypeIds: ['10001'] });
    const story = jira.addEpic({ key: 'ALPHA-99', issueTypeId: '10002', hierarchyLevel: 0 });
    const site = jira.siteFor(ADMIN);
    const getIssue = jest.spyOn(site, 'getIssue');

    const outcome = await onIssueChanged(
      { jira: site, store, clock: CLOCK },
      { issueId: story.id, issueTypeId: '10002' },
    );

    expect(outcome).toBe('ignored');
    expect(getIssue).not.toHaveBeenCalled();
  });

  it("reads the issue when epics are Jira's hierarchy level 1, which Jira's events do not carry", async () => {
    const { jira, store } = await aSite([{ project: 0, programme: 0, value: null }]);
    const story = jira.addEpic({ key: 'ALPHA-99', issueTypeId: '10002', hierarchyLevel: 0 });
    const site = jira.siteFor(ADMIN);
    const getIssue = jest.spyOn(site, 'getIssue');

    const outcome = await onIssueChanged(
      { jira: site, store, clock: CLOCK },
      { issueId: story.id, issueTypeId: '10002' },
    );

    expect(outcome).not.toBe('written');
    expect(getIssue).toHaveBeenCalledTimes(1);
  });
});
