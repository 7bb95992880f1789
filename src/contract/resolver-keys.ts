/**
 * Every resolver key, per module (each module calls only its own resolver function). Kept free of
 * zod so that a Custom UI can import the keys without bundling the schemas.
 */

/** Resolver keys of the epic panel's resolver function (`panel-resolver`). */
export const PANEL = {
  getValue: 'panel/get-value',
  saveValue: 'panel/save-value',
  getHistory: 'panel/get-history',
  /** Approvers only: freezes the epic's plan as its approved baseline (issue #15). */
  approveBaseline: 'panel/approve-baseline',
  /** The epic's earlier approved baselines, newest first (issue #15). */
  getBaselines: 'panel/get-baselines',
  /** The epic's benefit reviews (issue #15). */
  getReviews: 'panel/get-reviews',
  /** Records measured actuals as realised entries (the panel's save rules) and closes one review. */
  closeReview: 'panel/close-review',
} as const;

/** Resolver keys of the dashboard gadget's resolver function (`gadget-resolver`). */
export const GADGET = {
  getPortfolio: 'gadget/get-portfolio',
  listEpics: 'gadget/list-epics',
  exportScope: 'gadget/export',
  /** One part of the export, for scopes of any size: call with each `nextCursor` until it is null. */
  exportPage: 'gadget/export-page',
  /** One bounded page of a live computation (JQL and objective scopes of any size); see `LivePage`. */
  livePage: 'gadget/live-page',
  /** Benefit reviews due and overdue in a scope, counts and the list behind them (issue #15). */
  getReviewsDue: 'gadget/get-reviews',
  /** Risk ranges (issue #17): seeded P10 / P50 / P90 of a scope, with its fan chart (ranges.contract.ts). */
  getRanges: 'gadget/get-ranges',
  /**
   * The risk ranges of a scope larger than one call reads, as a job of the queue consumer: starts
   * one (or answers the caller's running or recent one for the same request), finds it, follows it.
   */
  startRangesJob: 'gadget/start-ranges-job',
  findRangesJob: 'gadget/find-ranges-job',
  getRangesJob: 'gadget/get-ranges-job',
} as const;

/** Resolver keys of the admin page's resolver function (`admin-resolver`). Admins only. */
export const ADMIN = {
  getSettings: 'admin/get-settings',
  saveSettings: 'admin/save-settings',
  listObjectives: 'admin/list-objectives',
  createObjective: 'admin/create-objective',
  updateObjective: 'admin/update-objective',
  setObjectiveStatus: 'admin/set-objective-status',
  deleteObjective: 'admin/delete-objective',
  /** One part of a file uploaded in parts (each call stays far under the bridge's 500 KB). */
  stageImport: 'admin/import-stage',
  previewImport: 'admin/import-preview',
  applyImport: 'admin/import-apply',
  exportBackup: 'admin/export-backup',
  /** One part of the backup, for sites of any size: call with each `nextCursor` until it is null. */
  exportBackupPage: 'admin/export-backup-page',
  getAuditLog: 'admin/get-audit-log',
  /** Jira groups by name, for the verifier and approver pickers. */
  findGroups: 'admin/find-groups',
} as const;

/** Resolver keys of the value planning page's resolver function (`planning-resolver`), issue #16. */
export const PLANNING = {
  /** The in-flight epics of a scope ranked by CD3, with the stop/continue signal. */
  getRanking: 'planning/get-ranking',
  /** The site's objectives by id and name, for the scope picker. */
  listObjectives: 'planning/list-objectives',
  /** The budget-cut optimiser over the scope: decisions per epic, or the conflicts that block any plan. */
  runScenario: 'planning/run-scenario',
  /** Records a scenario's decision on each of its epics, all or nothing; never transitions them. */
  /** A scenario inline when the scope is small, else a job run by the queue consumer (planning-job.contract.ts). */
  startScenario: 'planning/start-scenario',
  /** An application inline when it is small, else a job writing in bounded batches, still all or nothing. */
  startApply: 'planning/start-apply',
  /** A job's progress and, once done, its result; no id: the caller's latest job. Owner only. */
  getJob: 'planning/get-job',
  /** Stops a running job after its current step (an application puts back what it wrote). Owner only. */
  cancelJob: 'planning/cancel-job',
  /** Saves a scenario's inputs (scope, cap, pins, floors) under a name unique on the site. */
  saveScenario: 'planning/save-scenario',
  /** The site's saved scenarios, newest first, with who saved each and when. */
  listScenarios: 'planning/list-scenarios',
  /** A saved scenario computed again as the viewer: only epics they may browse. */
  openScenario: 'planning/open-scenario',
  /** Deletes a saved scenario: its author or a Jira admin only. */
  deleteScenario: 'planning/delete-scenario',
  /** NPV retained at cuts of 0–50% (the efficient frontier), each point proven, its gap, or not solved in time. */
  getFrontier: 'planning/get-frontier',
} as const;
