import { z } from 'zod';
import type { ApplyStart } from '../../../contract/planning-job.contract';
import {
  applyScenarioInput,
  type AppliedScenarioView,
  type ApplyScenarioInput,
} from '../../../contract/planning.contract';
import { AppError } from '../../app-error';
import { commitRevision, RevisionTakenError } from '../../epic-value/commit-revision';
import { currentValueOf, type CurrentValue } from '../../epic-value/load-epic';
import { monthOf } from '../../ports/clock';
import type { EpicIssue, RawValueProperty } from '../../ports/jira-site';
import { SiteConfig } from '../../site-config';
import { planningJobDataKey } from '../../storage-keys';
import {
  appendApplyAudit,
  applyScenario,
  keysText,
  planOf,
  putBack,
  readIssues,
  reasonOf,
  refileRestored,
  type ApplyScenarioContext,
} from '../apply-scenario';
import type { PlanningJobContext } from './planning-job-context';
import { JOB_TTL_SECONDS, readJobData, writeJobData, type PlanningJobRecord } from './planning-job-store';
import { startJob, type StepResult } from './planning-jobs';

/**
 * The most epics an application writes inline. Each epic takes a raw read and a write in Jira,
 * its claim and history entry in storage, its roll-up refresh and its Jira fields. Measured on
 * the local runtime with Forge-like latency (150 ms per Jira call, 30 ms per storage call;
 * 2-core machine, load average 12): 100 epics took 13.5 s, so 50 take about 7 s of the
 * resolver's 25 s, and the 1,000 an application may name would take over two minutes.
 */
export const APPLY_INLINE_EPICS = 50;
/** Epics one step of a job writes: about 13.5 s measured as above, far inside the consumer's 300 s. */
export const APPLY_EPICS_PER_STEP = 100;
/** Epics one step puts back after a failure. */
export const ROLLBACK_EPICS_PER_STEP = 100;
/** Epics written side by side, as inline. */
const WRITE_CONCURRENCY = 8;

const failureSchema = z.object({
  key: z.string(),
  reason: z.string(),
  code: z.enum(['CONFLICT', 'UPSTREAM', 'NOT_FOUND', 'CANCELLED']),
});
type Failure = z.infer<typeof failureSchema>;

const cursorSchema = z.object({
  /** The decisions' timestamp, fixed at the start so that a retried step writes the same decision. */
  at: z.string(),
  /** Index of the first decision not yet written. */
  next: z.number().int().nonnegative(),
  /** Epics written so far, in order (what a failure puts back). */
  written: z.array(z.object({ key: z.string(), id: z.string(), baseRevision: z.number().int() })),
  failure: failureSchema.optional(),
  /** Epics of `written` a rollback has handled; those it could not put back. */
  rolledBack: z.number().int().nonnegative().default(0),
  left: z.array(z.string()).default([]),
});
type ApplyCursor = z.infer<typeof cursorSchema>;

const rawName = (issueId: string) => `raw:${issueId}`;

function callerOf(context: PlanningJobContext): ApplyScenarioContext {
  if (context.accountId === undefined) throw new AppError('UNAUTHENTICATED', 'Log in to Jira to plan.');
  return {
    accountId: context.accountId,
    jira: context.jira,
    permissions: context.permissions,
    store: context.store,
    clock: context.clock,
    rollupQueue: context.rollupQueue,
    ...(context.epicFields === undefined ? {} : { epicFields: context.epicFields }),
  };
}

function countsOf(input: ApplyScenarioInput): AppliedScenarioView['counts'] {
  const counts: AppliedScenarioView['counts'] = {};
  for (const decision of input.decisions) counts[decision.choice] = (counts[decision.choice] ?? 0) + 1;
  return counts;
}

/**
 * Applies a scenario's decisions (issue #16) as the caller: at most `APPLY_INLINE_EPICS` epics
 * at once (`applyScenario`), more as a job of the queue consumer that writes them in bounded
 * batches, still all or nothing, with one audit entry.
 */
export async function startApply(
  context: PlanningJobContext,
  input: ApplyScenarioInput,
): Promise<ApplyStart> {
  if (input.decisions.length <= APPLY_INLINE_EPICS)
    return { kind: 'result', applied: await applyScenario(callerOf(context), input) };
  const cursor: ApplyCursor = {
    at: context.clock.now().toISOString(),
    next: 0,
    written: [],
    rolledBack: 0,
    left: [],
  };
  const job = await startJob(context, {
    kind: 'apply',
    input,
    phase: 'checking',
    cursor,
    total: input.decisions.length,
  });
  return { kind: 'job', job };
}

/** Whether the epic already holds this job's decision: written by an attempt of a step that then failed. */
function holdsDecision(
  current: CurrentValue,
  job: PlanningJobRecord,
  input: ApplyScenarioInput,
  at: string,
): boolean {
  const decision = current.value.decision;
  return decision?.scenario === input.scenario && decision.at === at && decision.by === job.owner;
}

/**
 * One bounded step of an application: check every epic (nothing written yet), or write one
 * batch, or add the audit entry, or put one batch back after a failure or a cancel. Every epic's
 * property is stored before it is written, so a rollback in a later step puts it back byte for
 * byte, as the inline application does.
 */
export async function applyStep(context: PlanningJobContext, job: PlanningJobRecord): Promise<StepResult> {
  const input = applyScenarioInput.parse(job.input);
  const cursor = cursorSchema.parse(job.cursor);
  const caller = callerOf(context);
  const settings = await new SiteConfig(context.store).settings();
  const total = input.decisions.length;
  const rollBackFrom = (failure: Failure, written = cursor.written): StepResult => ({
    phase: 'rolling-back',
    done: 0,
    total: written.length,
    cursor: { ...cursor, written, failure },
  });

  if (job.phase === 'checking') {
    if (job.cancelRequested === true)
      return {
        phase: 'checking',
        done: 0,
        total,
        cursor,
        state: 'cancelled',
        error: {
          code: 'CONFLICT',
          message: `You cancelled applying “${input.scenario}” before any epic was written.`,
        },
      };
    // Throws naming every epic at fault (not found, not an epic, not editable, changed): nothing is written.
    await planOf(caller, input, settings);
    return { phase: 'writing', done: 0, total, cursor };
  }

  if (job.phase === 'writing') {
    if (job.cancelRequested === true)
      return rollBackFrom({ key: 'the job', reason: 'you cancelled it.', code: 'CANCELLED' });
    const batch = input.decisions.slice(cursor.next, cursor.next + APPLY_EPICS_PER_STEP);
    const issues = await readIssues(
      caller,
      batch.map((decision) => decision.issueKey),
    );
    const written = [...cursor.written];
    let failure: Failure | null = null;
    const toWrite: { issue: EpicIssue; current: CurrentValue; choice: (typeof batch)[number]['choice'] }[] =
      [];
    for (const decision of batch) {
      const issue = issues.get(decision.issueKey);
      if (issue === undefined) {
        failure ??= {
          key: decision.issueKey,
          reason: 'it was not found, or you may no longer see it.',
          code: 'NOT_FOUND',
        };
        continue;
      }
      let current: CurrentValue;
      try {
        current = currentValueOf(issue, settings.currency);
      } catch (error) {
        failure ??= { key: issue.key, reason: reasonOf(error), code: 'UPSTREAM' };
        continue;
      }
      const already =
        current.revision === decision.baseRevision + 1 && holdsDecision(current, job, input, cursor.at);
      if (already) {
        if (!written.some((epic) => epic.id === issue.id))
          written.push({ key: issue.key, id: issue.id, baseRevision: decision.baseRevision });
      } else if (current.revision !== decision.baseRevision) {
        failure ??= {
          key: issue.key,
          reason: 'it changed since the scenario was computed.',
          code: 'CONFLICT',
        };
      } else {
        toWrite.push({ issue, current, choice: decision.choice });
      }
    }
    const now = new Date(cursor.at);
    for (let start = 0; start < toWrite.length && failure === null; start += WRITE_CONCURRENCY) {
      await Promise.all(
        toWrite.slice(start, start + WRITE_CONCURRENCY).map(async ({ issue, current, choice }) => {
          let raw: RawValueProperty;
          try {
            raw = await context.jira.readRawValue(issue.id);
            // Stored before the write: a rollback in a later step needs it.
            await writeJobData(context.store, job.id, rawName(issue.id), raw);
          } catch {
            failure ??= { key: issue.key, reason: 'its value property could not be read.', code: 'UPSTREAM' };
            return;
          }
          const epic = { key: issue.key, id: issue.id, baseRevision: current.revision };
          try {
            await commitRevision(caller, {
              issue,
              current,
              value: {
                ...current.value,
                decision: { choice, scenario: input.scenario, by: caller.accountId, at: cursor.at },
              },
              settings,
              now,
              asOf: monthOf(context.clock.now()),
            });
            written.push(epic);
          } catch (error) {
            // Written, but its roll-up lagged (or the outcome is unknown): put it back with the rest.
            if (error instanceof AppError && error.code === 'SAVE_INCOMPLETE') written.push(epic);
            failure ??=
              error instanceof RevisionTakenError
                ? { key: issue.key, reason: 'someone saved it at the same moment.', code: 'CONFLICT' }
                : { key: issue.key, reason: reasonOf(error), code: 'UPSTREAM' };
          }
        }),
      );
    }
    if (failure !== null) return rollBackFrom(failure, written);
    const next = cursor.next + batch.length;
    return next >= total
      ? { phase: 'auditing', done: total, total, cursor: { ...cursor, next, written } }
      : { phase: 'writing', done: next, total, cursor: { ...cursor, next, written } };
  }

  if (job.phase === 'auditing') {
    // Claimed first, so that a retried step does not add the entry twice.
    const claim = planningJobDataKey({ jobId: job.id, name: 'audited' });
    if (await context.store.setIfAbsent(claim, true, { ttlSeconds: JOB_TTL_SECONDS })) {
      try {
        await appendApplyAudit(caller, input.scenario, total, countsOf(input), new Date(cursor.at));
      } catch (error) {
        await context.store.delete(claim);
        return rollBackFrom({ key: 'the audit log', reason: reasonOf(error), code: 'UPSTREAM' });
      }
    }
    const revisions = new Map(cursor.written.map((epic) => [epic.key, epic.baseRevision + 1]));
    const result: AppliedScenarioView = {
      scenario: input.scenario,
      appliedAt: cursor.at,
      appliedBy: job.owner,
      epics: input.decisions.map((decision) => ({
        issueKey: decision.issueKey,
        choice: decision.choice,
        revision: revisions.get(decision.issueKey) ?? decision.baseRevision + 1,
      })),
      counts: countsOf(input),
    };
    return { phase: 'finished', done: total, total, cursor, result };
  }

  // Rolling back: newest first, a batch per step, each epic from the property stored before its write.
  const failure = cursor.failure ?? {
    key: 'the job',
    reason: 'an unexpected error occurred.',
    code: 'UPSTREAM',
  };
  const pending = [...cursor.written]
    .reverse()
    .slice(cursor.rolledBack, cursor.rolledBack + ROLLBACK_EPICS_PER_STEP);
  const now = context.clock.now();
  const left = [...cursor.left];
  for (const epic of pending) {
    const raw = (await readJobData(context.store, job.id, rawName(epic.id))) as RawValueProperty | undefined;
    const back =
      raw !== undefined &&
      (await putBack(
        caller,
        { issue: { id: epic.id, key: epic.key }, current: { revision: epic.baseRevision }, raw },
        now,
      ));
    if (!back) left.push(epic.key);
  }
  await refileRestored(
    caller,
    pending.map((epic) => epic.key).filter((key) => !left.includes(key)),
    settings,
    now,
  );
  const rolledBack = cursor.rolledBack + pending.length;
  const progressed: ApplyCursor = { ...cursor, rolledBack, left };
  if (rolledBack < cursor.written.length)
    return { phase: 'rolling-back', done: rolledBack, total: cursor.written.length, cursor: progressed };
  const finished = {
    phase: 'finished' as const,
    done: rolledBack,
    total: cursor.written.length,
    cursor: progressed,
  };
  if (left.length > 0)
    return {
      ...finished,
      state: 'failed',
      error: {
        code: 'SAVE_INCOMPLETE',
        message: `Scenario “${input.scenario}” could not be applied to ${failure.key}: ${failure.reason} The epics already written were put back except ${keysText(left)}, which still record its decision (someone saved them since, or Jira refused). Reload to see what is stored.`,
      },
    };
  if (failure.code === 'CANCELLED')
    return {
      ...finished,
      state: 'cancelled',
      error: {
        code: 'CONFLICT',
        message: `You cancelled applying “${input.scenario}”. Nothing was applied; every epic is as it was.`,
      },
    };
  return {
    ...finished,
    state: 'failed',
    error: {
      code: failure.code,
      message: `Scenario “${input.scenario}” could not be applied to ${failure.key}: ${failure.reason} Nothing was applied; every epic is as it was.`,
    },
  };
}
