import { randomUUID } from 'node:crypto';
import Resolver from '@forge/resolver';
import { exportScope } from '../application/portfolio/export-scope';
import { exportPage } from '../application/portfolio/export-scope-page';
import { getPortfolio } from '../application/portfolio/get-portfolio';
import { listEpics } from '../application/portfolio/list-epics';
import { getScopeRanges } from '../application/ranges/get-scope-ranges';
import { findRangesJob, getRangesJob, startRangesJob } from '../application/ranges/ranges-job';
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
import { getRangesJobInput, rangesInput } from '../contract/ranges.contract';
import { reviewsDueInput } from '../contract/review.contract';
import { planningJobContext } from '../triggers/planning-job-wiring';
import { asViewer } from './as-caller';
import { defineResolver } from './define-resolver';

// The gadget's own resolver function. Its configuration comes from the browser and is only a
// request: it can narrow the scope, never widen what the viewer may see (`asViewer`).
const resolver = new Resolver();

defineResolver(resolver, GADGET.getPortfolio, portfolioInput, (input, caller) =>
  getPortfolio(asViewer(caller), input),
);
defineResolver(resolver, GADGET.livePage, livePageInput, (input, caller) =>
  livePage({ ...asViewer(caller), accountId: caller.accountId, newId: randomUUID }, input),
);
defineResolver(resolver, GADGET.listEpics, listEpicsInput, (input, caller) =>
  listEpics(asViewer(caller), input),
);
defineResolver(resolver, GADGET.exportScope, exportInput, (input, caller) =>
  exportScope(asViewer(caller), input),
);
defineResolver(resolver, GADGET.exportPage, exportPageInput, (input, caller) =>
  exportPage(asViewer(caller), input),
);
defineResolver(resolver, GADGET.getRanges, rangesInput, (input, caller) =>
  getScopeRanges(asViewer(caller), input),
);
// A scope larger than one call reads: its ranges as a job of the queue consumer, run as the caller.
defineResolver(resolver, GADGET.startRangesJob, rangesInput, (input, caller) =>
  startRangesJob(planningJobContext(caller.accountId), input),
);
defineResolver(resolver, GADGET.findRangesJob, rangesInput, (input, caller) =>
  findRangesJob(planningJobContext(caller.accountId), input),
);
defineResolver(resolver, GADGET.getRangesJob, getRangesJobInput, (input, caller) =>
  getRangesJob(planningJobContext(caller.accountId), input),
);
defineResolver(resolver, GADGET.getReviewsDue, reviewsDueInput, (input, caller) => {
  const { store, clock, viewer } = asViewer(caller);
  if (viewer === undefined) throw new Error('The gadget context names its viewer');
  return reviewsDue({ store, clock, viewer, siteInfo: jiraSiteInfo(jiraClient('app')) }, input);
});

export const gadgetResolver = resolver.getDefinitions();
