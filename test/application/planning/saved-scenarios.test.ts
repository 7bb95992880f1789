import { AppError } from '../../../src/application/app-error';
import { runScenario } from '../../../src/application/planning/run-scenario';
import {
  deleteScenario,
  listScenarios,
  openScenario,
  saveScenario,
} from '../../../src/application/planning/saved-scenarios';
import { SAVED_SCENARIO_PREFIX } from '../../../src/application/storage-keys';
import { saveScenarioInput, type SaveScenarioInput } from '../../../src/contract/saved-scenario.contract';
import { fieldErrorsOf } from '../../../src/resolvers/define-resolver';
import { InMemoryJira, type FakeUser } from '../../fakes/in-memory-jira-site';
import { InMemoryKeyValueStore } from '../../fakes/in-memory-key-value-store';
import { growRevenue, importAsAdmin } from '../../fixtures/admin-site';
import { inFlightEpic } from '../../fixtures/in-flight-epic';

const admin: FakeUser = { accountId: 'admin', admin: true };
/** A portfolio manager who may browse every project but is no Jira admin. */
const manager: FakeUser = { accountId: 'manager', browse: ['PAY', 'OPS'] };
const payTeam: FakeUser = { accountId: 'pay-team', browse: ['PAY'] };

const GROW = [{ id: 'OBJ-GROW', share: 1 }];

async function site() {
  const jira = new InMemoryJira();
  const store = new InMemoryKeyValueStore();
  for (const key of ['PAY-1', 'PAY-2', 'OPS-1']) jira.addEpic({ key });
  const clock = { now: () => new Date('2026-03-20T12:00:00Z') };
  await importAsAdmin(
    { jira, store, clock },
    {
      discountRate: 0.12,
      objectives: [growRevenue()],
      epics: [
        inFlightEpic('PAY-1', { benefit: 3000, objectives: GROW }),
        inFlightEpic('PAY-2', { benefit: 1500, objectives: GROW }),
        // Another project's epic: 70,000.00 to spend, 90,000.00 to bring.
        inFlightEpic('OPS-1', { cost: 70_000, benefit: 90_000, objectives: GROW }),
      ],
    },
  );
  let ids = 0;
  const contextFor = (user: FakeUser) => ({
    accountId: user.accountId,
    jira: jira.siteFor(user),
    permissions: jira.permissionsFor(user),
    store,
    clock,
    newId: () => `scenario-${String((ids += 1))}`,
  });
  return { jira, store, contextFor };
}

const wholeSite = (name: string, overrides: Partial<SaveScenarioInput['inputs']> = {}): SaveScenarioInput =>
  saveScenarioInput.parse({
    name,
    inputs: { scope: { kind: 'all' }, cap: { kind: 'percent-cut', percent: 30 }, ...overrides },
  });

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('saved scenarios', () => {
  it('saves only the inputs, with who saved them and when, and lists them newest first', async () => {
    const { store, contextFor } = await site();
    const context = contextFor(manager);

    await saveScenario(context, wholeSite('Cut 30%'));
    const later = { ...context, clock: { now: () => new Date('2026-03-21T08:00:00Z') } };
    await saveScenario(later, wholeSite('Keep PAY-1', { pins: [{ key: 'PAY-1', pin: 'continue' }] }));

    const listed = await listScenarios(contextFor(manager));
    expect(listed.map((scenario) => [scenario.name, scenario.savedBy, scenario.savedAt])).toEqual([
      ['Keep PAY-1', 'manager', '2026-03-21T08:00:00.000Z'],
      ['Cut 30%', 'manager', '2026-03-20T12:00:00.000Z'],
    ]);
    const stored = [...store.entries].filter(([key]) => key.startsWith(SAVED_SCENARIO_PREFIX));
    expect(stored.map(([, value]) => value)).toContainEqual({
      id: 'scenario-2',
      name: 'Keep PAY-1',
      inputs: {
        scope: { kind: 'all' },
        cap: { kind: 'percent-cut', percent: 30, perQuarter: false },
        pins: [{ key: 'PAY-1', pin: 'continue' }],
        floors: [],
      },
      savedBy: 'manager',
      savedAt: '2026-03-21T08:00:00.000Z',
    });
    // No figure of the answer is kept: opening computes it again.
    expect(JSON.stringify(stored)).not.toMatch(/npv|decision/i);
  });

  it('refuses a name already saved, whatever its case, naming the field', async () => {
    const { contextFor } = await site();
    await saveScenario(contextFor(manager), wholeSite('Q2 cut'));

    const refused = await failureOf(saveScenario(contextFor(admin), wholeSite('  q2 CUT ')));

    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.fields).toEqual([
      { path: 'name', message: 'is already the name of a saved scenario; choose another' },
    ]);
    expect(await listScenarios(contextFor(manager))).toHaveLength(1);
  });

  it('refuses an empty, too long or multi-line name, naming the field', () => {
    for (const name of ['   ', 'x'.repeat(121), 'two\nlines']) {
      const parsed = saveScenarioInput.safeParse({
        name,
        inputs: { scope: { kind: 'all' }, cap: { kind: 'percent-cut', percent: 10 } },
      });
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(fieldErrorsOf(parsed.error).map((field) => field.path)).toEqual(['name']);
    }
  });

  it('opens a scenario computed again as the viewer, exactly as running it would', async () => {
    const { contextFor } = await site();
    const saved = await saveScenario(contextFor(manager), wholeSite('Cut 30%'));

    const opened = await openScenario(contextFor(manager), { id: saved.id });

    expect(opened.view).toEqual(await runScenario(contextFor(manager), wholeSite('Cut 30%').inputs));
    expect(opened.scenario).toMatchObject({ name: 'Cut 30%', savedBy: 'manager', canDelete: true });
  });

  it("never shows a restricted viewer another project's epics or money, nor the author's pins on them", async () => {
    const { contextFor } = await site();
    const saved = await saveScenario(
      contextFor(manager),
      wholeSite('Everything', {
        pins: [
          { key: 'OPS-1', pin: 'continue' },
          { key: 'PAY-2', pin: 'stop' },
        ],
      }),
    );
    const asAuthor = await openScenario(contextFor(manager), { id: saved.id });
    expect(JSON.stringify(asAuthor)).toContain('OPS-1');

    const opened = await openScenario(contextFor(payTeam), { id: saved.id });

    if (opened.view.status !== 'planned') throw new Error(`expected a plan, got ${opened.view.status}`);
    expect(opened.view.epics).toBe(2);
    expect(opened.view.exact.decisions.map((decision) => decision.key)).toEqual(['PAY-1', 'PAY-2']);
    expect(opened.inputs.pins).toEqual([{ key: 'PAY-2', pin: 'stop' }]);
    expect(opened.view.warnings).toEqual([]);
    expect(JSON.stringify(opened)).not.toMatch(/OPS-1|70000|90000/);
    expect(opened.scenario.canDelete).toBe(false);
  });

  it('lets only the author or a Jira admin delete a scenario, and frees its name', async () => {
    const { contextFor } = await site();
    const first = await saveScenario(contextFor(manager), wholeSite('Mine'));
    const second = await saveScenario(contextFor(manager), wholeSite('Also mine'));

    const refused = await failureOf(deleteScenario(contextFor(payTeam), { id: first.id }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(
      (await listScenarios(contextFor(payTeam))).map((scenario) => [scenario.name, scenario.canDelete]),
    ).toEqual([
      ['Also mine', false],
      ['Mine', false],
    ]);
    expect((await listScenarios(contextFor(admin))).every((scenario) => scenario.canDelete)).toBe(true);

    await deleteScenario(contextFor(manager), { id: first.id });
    await deleteScenario(contextFor(admin), { id: second.id });

    expect(await listScenarios(contextFor(manager))).toEqual([]);
    await expect(saveScenario(contextFor(payTeam), wholeSite('mine'))).resolves.toMatchObject({
      name: 'mine',
    });
  });

  it('says a deleted scenario is no longer saved when it is opened or deleted again', async () => {
    const { contextFor } = await site();
    const saved = await saveScenario(contextFor(manager), wholeSite('Gone soon'));
    await deleteScenario(contextFor(manager), { id: saved.id });

    expect((await failureOf(openScenario(contextFor(manager), { id: saved.id }))).code).toBe('NOT_FOUND');
    expect((await failureOf(deleteScenario(contextFor(manager), { id: saved.id }))).code).toBe('NOT_FOUND');
  });
});
