import type { LocalSiteRuntime } from '../../local-site';
import type { EpicList, PortfolioView } from '../../src/contract/gadget.contract';
import type { EpicValueView } from '../../src/contract/panel.contract';
import { ADMIN, call, openDemoSite, type Envelope } from './local-site';

/** Forge storage answering 429 and 5xx, injected by the local runtime with seeded dice. */
describe('resilience to Forge storage failures', () => {
  let site: LocalSiteRuntime;
  let epics: { id: string; key: string; project: string }[];

  beforeAll(async () => {
    site = await openDemoSite();
    const list = await call<EpicList>(site, ADMIN, 'gadget/list-epics', {
      scope: { kind: 'projects', projects: ['CHK'] },
    });
    epics = [];
    for (const row of (list.data?.epics ?? []).slice(0, 6)) {
      const view = await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: row.key });
      if (view.data) epics.push({ id: view.data.epic.id, key: row.key, project: row.project });
    }
    if (epics.length < 6) throw new Error('the demo site has too few readable CHK epics');
  });

  afterEach(() => {
    site.setFaults({});
  });

  afterAll(async () => {
    await site.close();
  });

  /** What a save may change: the property on the epic, its history and its roll-up contribution. */
  async function savedState(epic: { id: string; key: string; project: string }) {
    const property = await site.requestJira({
      accountId: ADMIN,
      method: 'GET',
      path: `/rest/api/3/issue/${epic.key}/properties/value-layer`,
    });
    const contribution = site.storage.get(`rollup:epic:${epic.project}:${epic.id}`) as
      { revision: number } | undefined;
    return {
      property: property.status === 200 ? (JSON.parse(property.body) as { value: unknown }).value : null,
      history: site.storage.keys(`history:epic:${epic.id}:`),
      rollupRevision: contribution?.revision ?? null,
    };
  }

  it('answers every save under storage 429s and 5xx truthfully: complete, nothing changed, or what was saved', async () => {
    const answers: Record<string, number> = {};
    for (let round = 0; round < 5; round++) {
      for (const epic of epics) {
        const loaded = await call<EpicValueView>(site, ADMIN, 'panel/get-value', { issueKey: epic.key });
        if (!loaded.data) throw new Error(`could not load ${epic.key}: ${JSON.stringify(loaded.error)}`);
        const before = await savedState(epic);
        site.setFaults({
          storage429Rate: 0.2,
          storage5xxRate: 0.2,
          seed: 100 + round * 10 + epics.indexOf(epic),
        });

        const answer: Envelope<EpicValueView> = await call<EpicValueView>(site, ADMIN, 'panel/save-value', {
          issueKey: epic.key,
          baseRevision: loaded.data.revision,
          value: { ...loaded.data.value, successProbability: (round + 1) / 100 },
        });
        site.setFaults({});
        const after = await savedState(epic);
        const outcome = answer.ok ? 'ok' : (answer.error?.code ?? 'none');
        answers[outcome] = (answers[outcome] ?? 0) + 1;

        if (answer.ok) {
          const revision = loaded.data.revision + 1;
          expect(answer.data?.revision).toBe(revision);
          expect((after.property as { revision: number }).revision).toBe(revision);
          expect(after.history).toHaveLength(before.history.length + 1);
          expect(after.history.at(-1)).toBe(`history:epic:${epic.id}:${String(revision).padStart(9, '0')}`);
          expect(after.rollupRevision).toBe(revision);
        } else if (answer.error?.code === 'SAVE_INCOMPLETE') {
          // Saved on the epic and in its history; the totals lag, and the answer says so.
          expect((after.property as { revision: number }).revision).toBe(loaded.data.revision + 1);
          expect(after.history).toHaveLength(before.history.length + 1);
          expect(answer.error.message).toMatch(/totals could not be brought up to date.*Reload/);
        } else {
          // Any other answer says (or implies) that nothing was changed: it must be true.
          expect({ code: answer.error?.code, ...after }).toEqual({ code: answer.error?.code, ...before });
        }
      }
    }
    // The storm must have hit some saves, and the retries must have carried most through.
    // The storm hit some saves (seeded: 24 complete, 3 without totals, 3 unchanged), and the
    // retries carried most of them through.
    expect(Object.keys(answers).length).toBeGreaterThan(1);
    expect(answers.ok ?? 0).toBeGreaterThan(15);
  }, 120_000);

  it('retries storage 429s and 5xx on a gadget load and returns the same figures as without faults', async () => {
    const scope = { kind: 'projects', projects: ['PAY', 'CHK'] };
    const calm = await call<PortfolioView>(site, ADMIN, 'gadget/get-portfolio', { scope });
    site.setFaults({ storage429Rate: 0.15, storage5xxRate: 0.15, seed: 21 });

    const stormy = await call<PortfolioView>(site, ADMIN, 'gadget/get-portfolio', { scope });

    expect(stormy.error).toBeUndefined();
    expect(stormy.data).toEqual(calm.data);
  }, 60_000);

  it('answers UPSTREAM naming Forge storage when storage keeps failing on a gadget load', async () => {
    site.setFaults({ storage5xxRate: 1, seed: 4 });

    const answer = await call<PortfolioView>(site, ADMIN, 'gadget/get-portfolio', {
      scope: { kind: 'projects', projects: ['PAY'] },
    });

    expect(answer.error?.code).toBe('UPSTREAM');
    expect(answer.error?.message).toMatch(/Forge storage/);
    expect(answer.error?.message).toMatch(/try again in a minute/i);
  }, 60_000);
});
