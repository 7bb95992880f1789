import { randomUUID } from 'node:crypto';
import Resolver from '@forge/resolver';
import { getRanking } from '../application/planning/get-ranking';
import { getFrontier } from '../application/planning/get-frontier';
import { listObjectives } from '../application/planning/list-objectives';
import { runScenario } from '../application/planning/run-scenario';
import {
  deleteScenario,
  listScenarios,
  openScenario,
  saveScenario,
} from '../application/planning/saved-scenarios';
import {
  deleteScenarioInput,
  listScenariosInput,
  openScenarioInput,
  saveScenarioInput,
} from '../contract/saved-scenario.contract';
import {
  applyScenarioInput,
  frontierInput,
  listObjectivesInput,
  PLANNING,
  rankingInput,
  runScenarioInput,
} from '../contract/planning.contract';
import { startApply } from '../application/planning/jobs/apply-job';
import { cancelPlanningJob, getPlanningJob } from '../application/planning/jobs/planning-jobs';
import { startScenario } from '../application/planning/jobs/scenario-job';
import { cancelPlanningJobInput, getPlanningJobInput } from '../contract/planning-job.contract';
import { planningJobContext } from '../triggers/planning-job-wiring';
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

// Jobs (issue #16, planning-job.contract.ts): a scope or an application too large for one call runs
// in the queue consumer as the same user; only its owner reads or cancels it. Applying writes as
// the caller (inline, or the job as its owner): Jira's Edit permission applies on top of the use
// case's check.
defineResolver(resolver, PLANNING.startScenario, runScenarioInput, (input, caller) =>
  startScenario(planningJobContext(caller.accountId), input),
);
defineResolver(resolver, PLANNING.startApply, applyScenarioInput, (input, caller) =>
  startApply(planningJobContext(caller.accountId), input),
);
defineResolver(resolver, PLANNING.getJob, getPlanningJobInput, (input, caller) =>
  getPlanningJob(planningJobContext(caller.accountId), input),
);
defineResolver(resolver, PLANNING.cancelJob, cancelPlanningJobInput, (input, caller) =>
  cancelPlanningJob(planningJobContext(caller.accountId), input),
);

// Saved scenarios keep inputs only; opening one computes it again as the viewer (asViewer), and
// only its author or a Jira admin may delete it (checked in the use case).
defineResolver(resolver, PLANNING.saveScenario, saveScenarioInput, (input, caller) =>
  saveScenario({ ...asCaller(caller), newId: randomUUID }, input),
);
defineResolver(resolver, PLANNING.listScenarios, listScenariosInput, (_input, caller) =>
  listScenarios(asCaller(caller)),
);
defineResolver(resolver, PLANNING.openScenario, openScenarioInput, (input, caller) =>
  openScenario(
    { ...asViewer(caller), accountId: caller.accountId, permissions: asCaller(caller).permissions },
    input,
  ),
);
defineResolver(resolver, PLANNING.deleteScenario, deleteScenarioInput, (input, caller) =>
  deleteScenario(asCaller(caller), input),
);
defineResolver(resolver, PLANNING.getFrontier, frontierInput, (input, caller) =>
  getFrontier(asViewer(caller), input),
);

export const planningResolver = resolver.getDefinitions();
