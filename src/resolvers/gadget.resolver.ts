import { randomUUID } from 'node:crypto';
import Resolver from '@forge/resolver';
import { exportScope } from '../application/portfolio/export-scope';
import { exportPage } from '../application/portfolio/export-scope-page';
import type { GadgetContext } from '../application/portfolio/gadget-context';
import { getPortfolio } from '../application/portfolio/get-portfolio';
import { listEpics } from '../application/portfolio/list-epics';
import { getScopeRanges } from '../application/ranges/get-scope-ranges';
import {
  exportInput,
  exportPageInput,
  GADGET,
  listEpicsInput,
  livePageInput,
  portfolioInput,
} from '../contract/gadget.contract';
import { livePage } from '../application/rollup/live-page';
import { reviewsDue } from '../application/reviews/reviews-due';
import { jiraClient } from '../adapters/jira/jira-client';
import { jiraSiteInfo } from '../adapters/jira/jira-comments';
import { rangesInput } from '../contract/ranges.contract';
import { reviewsDueInput } from '../contract/review.contract';
import { asCaller } from './as-caller';
import { defineResolver, type TrustedCaller } from './define-resolver';

/**
 * Every Jira read is made as the viewer, so epics they may not browse are never found and never
 * reach a total; the roll-up store merges only the aggregates of the projects Jira says the viewer
 * may browse. The gadget's configuration comes from the browser and is only a request: it can
 * narrow the scope, never widen what the viewer may see.
 */
function gadgetContext(caller: TrustedCaller): GadgetContext {
  const { jira, store, clock, permissions } = asCaller(caller);
  return {
    jira,
    store,
    clock,
    viewer: { accountId: caller.accountId, browsableProjectKeys: () => permissions.browsableProjectKeys() },
  };
}

const resolver = new Resolver();

defineResolver(resolver, GADGET.getPortfolio, portfolioInput, (input, caller) =>
  getPortfolio(gadgetContext(caller), input),
);
defineResolver(resolver, GADGET.livePage, livePageInput, (input, caller) =>
  livePage({ ...gadgetContext(caller), accountId: caller.accountId, newId: randomUUID }, input),
);
defineResolver(resolver, GADGET.listEpics, listEpicsInput, (input, caller) =>
  listEpics(gadgetContext(caller), input),
);
defineResolver(resolver, GADGET.exportScope, exportInput, (input, caller) =>
  exportScope(gadgetContext(caller), input),
);
defineResolver(resolver, GADGET.exportPage, exportPageInput, (input, caller) =>
  exportPage(gadgetContext(caller), input),
);
defineResolver(resolver, GADGET.getRanges, rangesInput, (input, caller) =>
  getScopeRanges(gadgetContext(caller), input),
);
defineResolver(resolver, GADGET.getReviewsDue, reviewsDueInput, (input, caller) => {
  const { store, clock, viewer } = gadgetContext(caller);
  if (viewer === undefined) throw new Error('The gadget context names its viewer');
  return reviewsDue({ store, clock, viewer, siteInfo: jiraSiteInfo(jiraClient('app')) }, input);
});

export const gadgetResolver = resolver.getDefinitions();
