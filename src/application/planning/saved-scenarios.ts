import {
  MAX_SAVED_SCENARIOS,
  storedScenarioSchema,
  type OpenedScenario,
  type SavedScenarioSummary,
  type SaveScenarioInput,
  type StoredScenario,
} from '../../contract/saved-scenario.contract';
import { badRequest, forbidden, notFound } from '../app-error';
import type { Clock } from '../ports/clock';
import type { PermissionChecker } from '../ports/jira-site';
import { queryAll, type KeyValueStore } from '../ports/key-value-store';
import type { GadgetContext } from '../portfolio/gadget-context';
import { SAVED_SCENARIO_PREFIX, savedScenarioKey, scenarioNameKey } from '../storage-keys';
import { runScenario } from './run-scenario';

/** Who saves, lists or deletes: the caller, the app's storage, and Jira's admin check. */
export interface SavedScenariosContext {
  accountId: string;
  store: KeyValueStore;
  clock: Clock;
  permissions: Pick<PermissionChecker, 'isJiraAdmin'>;
  newId(): string;
}

/** Jira Bulk-read size: pins are checked against what the viewer may browse 100 at a time. */
const BULK_READ_SIZE = 100;

/** Two names are the same when they differ only in case or Unicode form ("Q3 cut" = "q3 CUT"). */
async function nameHashOf(name: string): Promise<string> {
  const bytes = new TextEncoder().encode(name.normalize('NFC').toLocaleLowerCase('en'));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Every readable saved scenario; one that no longer parses is left out and logged, never fatal. */
async function storedScenarios(store: KeyValueStore): Promise<StoredScenario[]> {
  const entries = await queryAll(store, SAVED_SCENARIO_PREFIX);
  const scenarios: StoredScenario[] = [];
  for (const entry of entries) {
    const parsed = storedScenarioSchema.safeParse(entry.value);
    if (parsed.success) scenarios.push(parsed.data);
    else console.warn(`Saved scenario ${entry.key} cannot be read; it is left out.`);
  }
  return scenarios;
}

function summaryOf(scenario: StoredScenario, canDelete: boolean): SavedScenarioSummary {
  const { id, name, savedBy, savedAt, inputs } = scenario;
  return { id, name, savedBy, savedAt, scope: inputs.scope, cap: inputs.cap, canDelete };
}

/**
 * Saves a scenario's inputs under a name unique on the site (case-insensitive), with who saved it
 * and when. The name is claimed first (`setIfAbsent`), so two saves of one name at the same moment
 * cannot both succeed. Refuses naming the field: a taken name, or a site already at its limit.
 */
export async function saveScenario(
  context: SavedScenariosContext,
  input: SaveScenarioInput,
): Promise<SavedScenarioSummary> {
  const existing = await storedScenarios(context.store);
  if (existing.length >= MAX_SAVED_SCENARIOS)
    throw badRequest(`This site already keeps ${String(MAX_SAVED_SCENARIOS)} scenarios.`, [
      {
        path: 'name',
        message: `cannot be saved: delete a scenario first (at most ${String(MAX_SAVED_SCENARIOS)})`,
      },
    ]);
  const id = context.newId();
  const nameKey = scenarioNameKey({ nameHash: await nameHashOf(input.name) });
  const taken = { path: 'name', message: 'is already the name of a saved scenario; choose another' };
  if (!(await context.store.setIfAbsent(nameKey, { id })))
    throw badRequest('A scenario with this name is already saved.', [taken]);
  const scenario: StoredScenario = {
    id,
    name: input.name,
    inputs: input.inputs,
    savedBy: context.accountId,
    savedAt: context.clock.now().toISOString(),
  };
  try {
    await context.store.set(savedScenarioKey({ id }), scenario);
  } catch (error) {
    // The name is free again: nothing was saved under it.
    await context.store.delete(nameKey).catch(() => undefined);
    throw error;
  }
  return summaryOf(scenario, true);
}

/** The site's saved scenarios, newest first, each saying whether the caller may delete it. */
export async function listScenarios(
  context: Omit<SavedScenariosContext, 'newId'>,
): Promise<SavedScenarioSummary[]> {
  const scenarios = await storedScenarios(context.store);
  const admin = scenarios.some((scenario) => scenario.savedBy !== context.accountId)
    ? await context.permissions.isJiraAdmin()
    : false;
  return scenarios
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.name.localeCompare(b.name))
    .map((scenario) => summaryOf(scenario, admin || scenario.savedBy === context.accountId));
}

async function storedScenario(store: KeyValueStore, id: string): Promise<StoredScenario> {
  const parsed = storedScenarioSchema.safeParse(await store.get(savedScenarioKey({ id })));
  if (!parsed.success) throw notFound('This scenario is no longer saved: someone may have deleted it.');
  return parsed.data;
}

/**
 * Opens a saved scenario: computes it again as the viewer (`runScenario` reads Jira as them), so it
 * shows only epics they may browse today, whoever saved it. The inputs come back with only the
 * pins on epics the viewer may browse: another project's epic is not even named.
 */
export async function openScenario(
  context: GadgetContext & { accountId: string; permissions: Pick<PermissionChecker, 'isJiraAdmin'> },
  input: { id: string },
): Promise<OpenedScenario> {
  const scenario = await storedScenario(context.store, input.id);
  const pinKeys = scenario.inputs.pins.map((pin) => pin.key);
  const browsable = new Set<string>();
  for (let start = 0; start < pinKeys.length; start += BULK_READ_SIZE) {
    for (const issue of await context.jira.getIssues(pinKeys.slice(start, start + BULK_READ_SIZE)))
      browsable.add(issue.key);
  }
  // Pins on epics the viewer may not browse are dropped before the run, so no warning names them.
  const inputs = { ...scenario.inputs, pins: scenario.inputs.pins.filter((pin) => browsable.has(pin.key)) };
  const view = await runScenario(context, inputs);
  const canDelete = scenario.savedBy === context.accountId || (await context.permissions.isJiraAdmin());
  return {
    scenario: summaryOf(scenario, canDelete),
    inputs,
    view,
  };
}

/** Deletes a saved scenario and frees its name: only its author or a Jira admin may. */
export async function deleteScenario(
  context: Omit<SavedScenariosContext, 'newId' | 'clock'>,
  input: { id: string },
): Promise<{ id: string }> {
  const scenario = await storedScenario(context.store, input.id);
  if (scenario.savedBy !== context.accountId && !(await context.permissions.isJiraAdmin()))
    throw forbidden('Only the person who saved this scenario, or a Jira admin, may delete it.');
  await context.store.transact({
    delete: [
      savedScenarioKey({ id: scenario.id }),
      scenarioNameKey({ nameHash: await nameHashOf(scenario.name) }),
    ],
  });
  return { id: scenario.id };
}
