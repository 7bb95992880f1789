import Resolver from '@forge/resolver';
import type { GadgetContext } from '../application/portfolio/gadget-context';
import { getRanking } from '../application/planning/get-ranking';
import { applyScenario } from '../application/planning/apply-scenario';
import { listObjectives } from '../application/planning/list-objectives';
import { runScenario } from '../application/planning/run-scenario';
import {
  applyScenarioInput,
  listObjectivesInput,
  PLANNING,
  rankingInput,
  runScenarioInput,
} from '../contract/planning.contract';
import { asCaller } from './as-caller';
import { defineResolver, type TrustedCaller } from './define-resolver';

/**
 * The value planning page's own resolver function (its own trust zone, manifest.yml). As for the
 * gadget, every Jira read is made as the viewer, so an epic they may not browse is never found
 * and reaches no row and no total; the scope the page sends only narrows what they see.
 */
function planningContext(caller: TrustedCaller): GadgetContext {
  const { jira, store, clock, permissions } = asCaller(caller);
  return {
    jira,
    store,
    clock,
    viewer: { accountId: caller.accountId, browsableProjectKeys: () => permissions.browsableProjectKeys() },
  };
}

const resolver = new Resolver();

defineResolver(resolver, PLANNING.getRanking, rankingInput, (input, caller) =>
  getRanking(planningContext(caller), input),
);
defineResolver(resolver, PLANNING.listObjectives, listObjectivesInput, (_input, caller) =>
  listObjectives(planningContext(caller)),
);

defineResolver(resolver, PLANNING.runScenario, runScenarioInput, (input, caller) =>
  runScenario(planningContext(caller), input),
);

// Applying writes as the caller: Jira's Edit permission applies on top of the use case's check.
defineResolver(resolver, PLANNING.applyScenario, applyScenarioInput, (input, caller) => {
  const { accountId, jira, permissions, store, clock, rollupQueue, epicFields } = asCaller(caller);
  return applyScenario({ accountId, jira, permissions, store, clock, rollupQueue, epicFields }, input);
});

export const planningResolver = resolver.getDefinitions();
