import { z } from 'zod';
import { runScenarioInput, type ScenarioView } from './planning.contract';
import { accountIdSchema, instantSchema } from './benefit-profile.schema';
import { scenarioNameSchema } from './value-decision.schema';

/** The most scenarios a site keeps: listing them all stays one short storage read. */
export const MAX_SAVED_SCENARIOS = 200;

/** A saved scenario's id, as the app makes it (a UUID) and a storage key may hold. */
export const savedScenarioIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'must be the id of a saved scenario' });

/**
 * What a saved scenario holds: the optimiser's inputs only (scope, cap, pins, floors), never its
 * answer, so that whoever opens it gets it computed again from the epics they may browse today.
 */
export const scenarioInputsSchema = runScenarioInput.omit({ asOf: true });
export type ScenarioInputs = z.infer<typeof scenarioInputsSchema>;

export const saveScenarioInput = z.strictObject({
  name: scenarioNameSchema,
  inputs: scenarioInputsSchema,
});
export type SaveScenarioInput = z.infer<typeof saveScenarioInput>;

export const listScenariosInput = z.strictObject({});
export const openScenarioInput = z.strictObject({ id: savedScenarioIdSchema });
export const deleteScenarioInput = z.strictObject({ id: savedScenarioIdSchema });

/** A saved scenario as storage holds it (`savedScenarioKey`). */
export const storedScenarioSchema = z.strictObject({
  id: savedScenarioIdSchema,
  name: scenarioNameSchema,
  inputs: scenarioInputsSchema,
  savedBy: accountIdSchema,
  savedAt: instantSchema,
});
export type StoredScenario = z.infer<typeof storedScenarioSchema>;

/** A saved scenario as the list shows it: who saved it when, and whether the viewer may delete it. */
export interface SavedScenarioSummary {
  id: string;
  name: string;
  savedBy: string;
  savedAt: string;
  scope: ScenarioInputs['scope'];
  cap: ScenarioInputs['cap'];
  /** The author and Jira admins may delete a scenario. */
  canDelete: boolean;
}

/**
 * A saved scenario opened: its inputs, with only the pins on epics the viewer may browse, and the
 * scenario computed again as the viewer, so it shows only epics they may browse.
 */
export interface OpenedScenario {
  scenario: SavedScenarioSummary;
  inputs: ScenarioInputs;
  view: ScenarioView;
}
