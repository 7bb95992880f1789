import Resolver from '@forge/resolver';
import { getRanking } from '../application/planning/get-ranking';
import { applyScenario } from '../application/planning/apply-scenario';
import { getFrontier } from '../application/planning/get-frontier';
import { listObjectives } from '../application/planning/list-objectives';
import { runScenario } from '../application/planning/run-scenario';
import {
  applyScenarioInput,
  frontierInput,
  listObjectivesInput,
  PLANNING,
  rankingInput,
  runScenarioInput,
} from '../contract/planning.contract';
import { asCaller, asViewer } from './as-caller';
import { defineResolver } from './define-resolver';

// The value planning page's own resolver function (its own trust zone, manifest.yml). Reads are
// made as the viewer (`asViewer`); the scope the page sends only narrows what they see.
const resolver = new Resolver();

defineResolver(resolver, PLANNING.getRanking, rankingInput, (input, caller) =>
  getRanking(asViewer(caller), input),
);
defineResolver(resolver, PLANNING.listObjectives, listObjectivesInput, (_input, caller) =>
  listObjectives(asViewer(caller)),
);

defineResolver(resolver, PLANNING.runScenario, runScenarioInput, (input, caller) =>
  runScenario(asViewer(caller), input),
);

// Applying writes as the caller: Jira's Edit permission applies on top of the use case's check.
defineResolver(resolver, PLANNING.applyScenario, applyScenarioInput, (input, caller) => {
  const { accountId, jira, permissions, store, clock, rollupQueue, epicFields } = asCaller(caller);
  return applyScenario({ accountId, jira, permissions, store, clock, rollupQueue, epicFields }, input);
});

defineResolver(resolver, PLANNING.getFrontier, frontierInput, (input, caller) =>
  getFrontier(asViewer(caller), input),
);

export const planningResolver = resolver.getDefinitions();
