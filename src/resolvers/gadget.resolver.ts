import Resolver from '@forge/resolver';
import { jiraClient } from '../adapters/jira/jira-client';
import { jiraSite } from '../adapters/jira/jira-site.adapter';
import { forgeKeyValueStore } from '../adapters/storage/forge-key-value-store';
import { exportScope } from '../application/portfolio/export-scope';
import type { GadgetContext } from '../application/portfolio/gadget-context';
import { getPortfolio } from '../application/portfolio/get-portfolio';
import { listEpics } from '../application/portfolio/list-epics';
import { exportInput, GADGET, listEpicsInput, portfolioInput } from '../contract/gadget.contract';
import { systemClock } from '../platform/system-clock';
import { defineResolver } from './define-resolver';

/**
 * Every Jira read is made as the viewer, so epics they may not browse are never found and never
 * reach a total. The gadget's configuration comes from the browser and is only a request: it
 * can narrow the scope, never widen what the viewer may see.
 */
function gadgetContext(): GadgetContext {
  return { jira: jiraSite(jiraClient('user')), store: forgeKeyValueStore, clock: systemClock };
}

const resolver = new Resolver();

defineResolver(resolver, GADGET.getPortfolio, portfolioInput, (input) =>
  getPortfolio(gadgetContext(), input),
);
defineResolver(resolver, GADGET.listEpics, listEpicsInput, (input) => listEpics(gadgetContext(), input));
defineResolver(resolver, GADGET.exportScope, exportInput, (input) => exportScope(gadgetContext(), input));

export const gadgetResolver = resolver.getDefinitions();
