/**
 * Every key the app writes to its own storage, built in one place so that the shapes are tested
 * and prefix queries cannot drift from writes. Forge keys allow `[a-zA-Z0-9:._\s-#]`, at most
 * 500 characters; issue ids are digits and objective ids are validated to fit.
 */
export const SETTINGS_KEY = 'settings';

export const OBJECTIVE_PREFIX = 'objective:';
export const objectiveKey = ({ objectiveId }: { objectiveId: string }) => `${OBJECTIVE_PREFIX}${objectiveId}`;

/** Claimed once per (epic, revision): whoever claims revision n+1 first may write it. */
export const revisionClaimKey = ({ issueId, revision }: { issueId: string; revision: number }) =>
  `claim:${issueId}:${revision}`;

// Zero-padded so that the key order is the revision order.
export const EPIC_HISTORY_ROOT = 'history:epic:';
export const epicHistoryPrefix = ({ issueId }: { issueId: string }) => `${EPIC_HISTORY_ROOT}${issueId}:`;
export const epicHistoryKey = ({ issueId, revision }: { issueId: string; revision: number }) =>
  `${epicHistoryPrefix({ issueId })}${String(revision).padStart(9, '0')}`;

/**
 * An epic's earlier approved baselines, one key per version (zero-padded: key order is version
 * order). The current one travels in the value record; each re-baselining files the one it replaces.
 */
export const baselineHistoryPrefix = ({ issueId }: { issueId: string }) => `baseline:epic:${issueId}:`;
export const baselineHistoryKey = ({ issueId, version }: { issueId: string; version: number }) =>
  `${baselineHistoryPrefix({ issueId })}${String(version).padStart(6, '0')}`;

export const ADMIN_AUDIT_PREFIX = 'audit:admin:';
/** `at` is an ISO timestamp, which sorts by time; `id` keeps two changes in one millisecond apart. */
export const adminAuditKey = ({ at, id }: { at: string; id: string }) => `${ADMIN_AUDIT_PREFIX}${at}:${id}`;

/** Account ids the app holds, for Atlassian's personal data reporting. */
export const ACCOUNT_PREFIX = 'account:';
export const accountKey = ({ accountId }: { accountId: string }) => `${ACCOUNT_PREFIX}${accountId}`;

/*
 * The roll-up store (docs/rollup.md). Project keys are `[A-Z][A-Z0-9_]*` and issue ids digits, so
 * the `:` after a project key keeps `PAY` from matching `PAY2`'s keys in a prefix query.
 */
/** One epic's share of its project's aggregate. */
export const ROLLUP_EPIC_ROOT = 'rollup:epic:';
export const rollupEpicPrefix = ({ project }: { project: string }) => `${ROLLUP_EPIC_ROOT}${project}:`;
export const rollupEpicKey = ({ project, issueId }: { project: string; issueId: string }) =>
  `${rollupEpicPrefix({ project })}${issueId}`;
/** Which project an epic's contribution is filed under, to find it after a move or a deletion. */
export const rollupWhereKey = ({ issueId }: { issueId: string }) => `rollup:where:${issueId}`;
/** A project's aggregate: the merge of its epics' contributions. */
export const ROLLUP_PROJECT_PREFIX = 'rollup:project:';
export const rollupProjectKey = ({ project }: { project: string }) => `${ROLLUP_PROJECT_PREFIX}${project}`;
/** Held by whoever recomputes a project's aggregate; `dirty` tells the holder to go again. */
export const rollupClaimKey = ({ project }: { project: string }) => `rollup:claim:${project}`;
export const rollupDirtyKey = ({ project }: { project: string }) => `rollup:dirty:${project}`;
/** The projects a viewer may browse, cached briefly (one Jira call per viewer per minute). */
export const viewerProjectsKey = ({ accountId }: { accountId: string }) => `rollup:viewer:${accountId}`;
/** Ids of epics a reconcile run saw in a project, one key per step, when a project takes several steps. */
export const reconcileSeenPrefix = ({ runId, project }: { runId: string; project: string }) =>
  `rollup:seen:${runId}:${project}:`;
export const reconcileSeenKey = ({
  runId,
  project,
  step,
}: {
  runId: string;
  project: string;
  step: number;
}) => `${reconcileSeenPrefix({ runId, project })}${String(step).padStart(6, '0')}`;
/** A paged live computation (JQL scopes): its state, and its partial totals one key per group. */
export const liveSessionPrefix = ({ sessionId }: { sessionId: string }) => `rollup:live:${sessionId}:`;
export const liveStateKey = ({ sessionId }: { sessionId: string }) =>
  `${liveSessionPrefix({ sessionId })}state`;
export const liveGroupPrefix = ({ sessionId, kind }: { sessionId: string; kind: 'project' | 'programme' }) =>
  `${liveSessionPrefix({ sessionId })}${kind}:`;
export const liveGroupKey = ({
  sessionId,
  kind,
  group,
}: {
  sessionId: string;
  kind: 'project' | 'programme';
  group: string;
}) => `${liveGroupPrefix({ sessionId, kind })}${group}`;

/*
 * A staged import (a file uploaded in parts, then applied in bounded steps): its parts, its state
 * (status and cursor), and what each epic it wrote held before, to put back on a failure.
 */
export const importPrefix = ({ importId }: { importId: string }) => `import:${importId}:`;
export const importStateKey = ({ importId }: { importId: string }) => `${importPrefix({ importId })}state`;
/** Held while one step of the import runs, so that a retried call cannot run a step twice at once. */
export const importLockKey = ({ importId }: { importId: string }) => `${importPrefix({ importId })}lock`;
export const importChunkKey = ({ importId, part }: { importId: string; part: number }) =>
  `${importPrefix({ importId })}chunk:${String(part).padStart(4, '0')}`;
export const importBeforeKey = ({ importId, issueId }: { importId: string; issueId: string }) =>
  `${importPrefix({ importId })}before:${issueId}`;

/*
 * Benefit reviews (issue #15). One writer per key, so that the scheduled notifier and an owner
 * closing a review never overwrite each other: the schedule is written once, the notice only by
 * the notifier, the closure only by whoever closes. `review:open:` keys sort by due date, so the
 * reviews that fell due are the first page of a prefix query.
 */
export const reviewScheduleKey = ({ issueId }: { issueId: string }) => `review:epic:${issueId}`;
export const REVIEW_OPEN_PREFIX = 'review:open:';
export const reviewOpenKey = ({
  dueDate,
  issueId,
  offsetMonths,
}: {
  dueDate: string;
  issueId: string;
  offsetMonths: number;
}) => `${REVIEW_OPEN_PREFIX}${dueDate}:${issueId}:${String(offsetMonths).padStart(3, '0')}`;
export const reviewNoticeKey = ({ issueId, offsetMonths }: { issueId: string; offsetMonths: number }) =>
  `review:notice:${issueId}:${String(offsetMonths).padStart(3, '0')}`;
export const reviewClosedKey = ({ issueId, offsetMonths }: { issueId: string; offsetMonths: number }) =>
  `review:closed:${issueId}:${String(offsetMonths).padStart(3, '0')}`;
/** Held while one notifier run handles a review, so that a redelivered run cannot send it twice at once. */
export const reviewClaimKey = ({ issueId, offsetMonths }: { issueId: string; offsetMonths: number }) =>
  `review:claim:${issueId}:${String(offsetMonths).padStart(3, '0')}`;

/*
 * Value planning jobs (issue #16): a scenario or an application too large for one resolver call,
 * run by the queue consumer in bounded steps. The job's record (owner, input, phase, cursor,
 * progress), each owner's latest job, one claim per step, and the job's data in chunks: the
 * epics read per page, their keys and links, each epic's property before the application wrote
 * it, and the result.
 */
export const planningJobPrefix = ({ jobId }: { jobId: string }) => `planning:job:${jobId}:`;
export const planningJobKey = ({ jobId }: { jobId: string }) => `${planningJobPrefix({ jobId })}record`;
export const planningLatestJobKey = ({ accountId }: { accountId: string }) => `planning:latest:${accountId}`;
export const planningJobClaimKey = ({ jobId, seq }: { jobId: string; seq: number }) =>
  `${planningJobPrefix({ jobId })}claim:${String(seq).padStart(6, '0')}`;
export const planningJobDataKey = ({ jobId, name }: { jobId: string; name: string }) =>
  `${planningJobPrefix({ jobId })}data:${name}`;

/**
 * The gadget's risk-ranges jobs (issue #17) run as planning jobs do (kind `ranges`); each user's
 * latest job per request (a hash of the request and its as-of month) is kept for an hour, so that
 * asking again finds it.
 */
export const rangesJobKey = ({ accountId, requestId }: { accountId: string; requestId: string }) =>
  `ranges:job:${accountId}:${requestId}`;

/**
 * Saved value planning scenarios (issue #16): one key per scenario, and one per name (its
 * lower-cased SHA-256, as a name may hold any character) claimed first, so two saves cannot take
 * the same name. Deleting removes both at once.
 */
export const SAVED_SCENARIO_PREFIX = 'planning:scenario:';
export const savedScenarioKey = ({ id }: { id: string }) => `${SAVED_SCENARIO_PREFIX}${id}`;
export const scenarioNameKey = ({ nameHash }: { nameHash: string }) => `planning:scenario-name:${nameHash}`;
