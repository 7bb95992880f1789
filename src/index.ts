// Every export here is a `handler` named in manifest.yml; test/wiring checks the two agree.
export { panelResolver } from './resolvers/panel.resolver';
export { gadgetResolver } from './resolvers/gadget.resolver';
export { adminResolver } from './resolvers/admin.resolver';
export { planningResolver } from './resolvers/planning.resolver';
export { onIssueEvent } from './triggers/issue-event.trigger';
export { startReconcile, reconcileStep } from './triggers/reconcile.trigger';
export { reportPersonalDataWeekly } from './triggers/personal-data.trigger';
export { notifyBenefitReviews } from './triggers/review.trigger';
export { planningJobStep } from './triggers/planning-job.trigger';
export {
  agentPortfolioKpis,
  agentEpicsAttention,
  agentBudgetCut,
  agentEpicSummary,
} from './resolvers/agent.actions';
