import type { Scope } from '../../../../src/contract/gadget.contract';
import type {
  FrontierView,
  ObjectiveChoice,
  RankingView,
  ScenarioView,
} from '../../../../src/contract/planning.contract';
import { PLANNING } from '../../../../src/contract/resolver-keys';
import type {
  OpenedScenario,
  SavedScenarioSummary,
  SaveScenarioInput,
} from '../../../../src/contract/saved-scenario.contract';
import { callResolver } from '../../shared/resolver-client';
import { programmes, projects, type ScopeOption } from '../gadget/data/jira-scope-lists';
import type { ScopeChoices } from '../gadget/edit/scope-section';

/** A budget cut as the page sends it (the resolver's `runScenarioInput`). */
export interface RunScenarioRequest {
  scope: Scope;
  cap:
    | { kind: 'amount'; amount: number; perQuarter: boolean }
    | { kind: 'percent-cut'; percent: number; perQuarter: boolean };
  pins: { key: string; pin: 'continue' | 'stop' }[];
  floors: { objectiveId: string; amount: number }[];
}

export function getRanking(request: { scope: Scope }) {
  return callResolver<RankingView>(PLANNING.getRanking, request);
}

/** The site's objectives as the scope picker lists them (the page's own resolver names them). */
async function objectives(): Promise<ScopeOption[]> {
  const answer = await callResolver<ObjectiveChoice[]>(PLANNING.listObjectives);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data.map(({ id, name, status }) => ({
    value: id,
    label: status === 'archived' ? `${name} (archived)` : name,
  }));
}

/** Projects and programmes from Jira as the viewer (what they may browse), objectives from the app. */
export const planningScopeChoices: ScopeChoices = { projects, programmes, objectives };

export function runScenario(request: RunScenarioRequest) {
  return callResolver<ScenarioView>(PLANNING.runScenario, request);
}

/** Saves the scenario's inputs under a name unique on the site (`BAD_REQUEST` on `name` when taken). */
export function saveScenario(request: SaveScenarioInput) {
  return callResolver<SavedScenarioSummary>(PLANNING.saveScenario, request);
}

export function listScenarios() {
  return callResolver<SavedScenarioSummary[]>(PLANNING.listScenarios, {});
}

/** A saved scenario computed again as the viewer: only the epics they may browse. */
export function openScenario(id: string) {
  return callResolver<OpenedScenario>(PLANNING.openScenario, { id });
}

export function deleteScenario(id: string) {
  return callResolver<{ id: string }>(PLANNING.deleteScenario, { id });
}

/** The efficient frontier as the page asks for it (the resolver's `frontierInput`). */
export interface FrontierRequest {
  scope: Scope;
  perQuarter: boolean;
  pins: { key: string; pin: 'continue' | 'stop' }[];
  floors: { objectiveId: string; amount: number }[];
}

/** NPV retained at cuts of 0–50% under the budget cut's pins, floors and links (issue #16, point 5). */
export function getFrontier(request: FrontierRequest) {
  return callResolver<FrontierView>(PLANNING.getFrontier, request);
}
