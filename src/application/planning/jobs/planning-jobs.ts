import type {
  PlanningJobKind,
  PlanningJobPhase,
  PlanningJobView,
} from '../../../contract/planning-job.contract';
import type { AppliedScenarioView, ScenarioView } from '../../../contract/planning.contract';
import type { RangesView } from '../../../contract/ranges.contract';
import { AppError, notFound } from '../../app-error';
import { planningJobClaimKey } from '../../storage-keys';
import { stepBody, type PlanningJobContext, type PlanningJobStepBody } from './planning-job-context';
import {
  createJob,
  latestJobId,
  loadJob,
  readJobData,
  saveJob,
  writeJobData,
  type PlanningJobRecord,
} from './planning-job-store';

/**
 * A running job whose record has not moved for this long lost its step (Forge gave up retrying
 * it, or the push of the next one failed): reading it queues the step again. Longer than a
 * step may take (the consumer's 300 s) with Forge's retries.
 */
export const STALL_SECONDS = 15 * 60;
/** How many times a stalled job is queued again before it is given up as failed. */
export const MAX_RESUMES = 3;
/** A step's claim outlives the step (300 s at most), so a duplicate delivery finds it. */
const CLAIM_TTL_SECONDS = 600;

/** What one step did: where the job is now, and its result once finished. */
export interface StepResult {
  phase: PlanningJobPhase;
  done: number;
  total: number | null;
  cursor: Record<string, unknown>;
  result?: ScenarioView | AppliedScenarioView | RangesView;
  /** A step that ends the job otherwise than with a result. */
  state?: 'failed' | 'cancelled';
  error?: PlanningJobRecord['error'];
}

export type JobStep = (context: PlanningJobContext, job: PlanningJobRecord) => Promise<StepResult>;

function ownerOf(context: PlanningJobContext): string {
  if (context.accountId === undefined) throw new AppError('UNAUTHENTICATED', 'Log in to Jira to plan.');
  return context.accountId;
}

/** Records a new job of the caller and queues its first step; answers it as the page shows it. */
export async function startJob(
  context: PlanningJobContext,
  start: { kind: PlanningJobKind; input: unknown; phase: PlanningJobPhase; cursor: object; total?: number },
): Promise<PlanningJobView> {
  const at = context.clock.now().toISOString();
  const job: PlanningJobRecord = {
    id: globalThis.crypto.randomUUID(),
    kind: start.kind,
    owner: ownerOf(context),
    createdAt: at,
    updatedAt: at,
    state: 'running',
    phase: start.phase,
    done: 0,
    total: start.total ?? null,
    seq: 0,
    input: start.input,
    cursor: { ...start.cursor },
  };
  await createJob(context.store, job);
  await context.jobQueue.push([stepBody(job.id, job.seq)]);
  return viewOf(job);
}

const number = (value: number) => value.toLocaleString('en');

/** The job's progress in words, for the progress bar's label. */
export function progressLabel(job: Pick<PlanningJobRecord, 'state' | 'phase' | 'done' | 'total'>): string {
  if (job.state === 'cancelled') return 'Cancelled';
  if (job.state === 'failed') return 'Stopped';
  const of = job.total === null ? '' : ` of ${number(job.total)}`;
  switch (job.phase) {
    case 'reading':
      return `Reading epics: ${number(job.done)} read`;
    case 'linking':
      return `Reading dependencies: ${number(job.done)}${of} epics`;
    case 'solving':
      return 'Solving the plan';
    case 'checking':
      return 'Checking every epic';
    case 'writing':
      return `Recording decisions: ${number(job.done)}${of} epics`;
    case 'auditing':
      return 'Adding the audit entry';
    case 'rolling-back':
      return `Putting epics back: ${number(job.done)}${of}`;
    case 'simulating':
      return `Simulating the draws of ${number(job.total ?? job.done)} epics`;
    case 'finished':
      return 'Done';
  }
}

function viewOf(job: PlanningJobRecord, result?: unknown): PlanningJobView {
  const base = {
    id: job.id,
    state: job.state,
    phase: job.phase,
    progress: { done: job.done, total: job.total, label: progressLabel(job) },
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    ...(job.error === undefined ? {} : { error: job.error }),
  };
  switch (job.kind) {
    case 'scenario':
      return {
        ...base,
        kind: 'scenario',
        ...(result === undefined ? {} : { result: result as ScenarioView }),
      };
    case 'apply':
      return {
        ...base,
        kind: 'apply',
        ...(result === undefined ? {} : { result: result as AppliedScenarioView }),
      };
    case 'ranges':
      return { ...base, kind: 'ranges', ...(result === undefined ? {} : { result: result as RangesView }) };
  }
}

/** The jobs the planning page follows; each module reads only its own kinds. */
export const PLANNING_PAGE_JOBS: readonly PlanningJobKind[] = ['scenario', 'apply'];

/** The same answer for a job that does not exist and for someone else's: ids reveal nothing. */
const noSuchJob = (kinds: readonly PlanningJobKind[] = PLANNING_PAGE_JOBS) =>
  notFound(
    `This ${kinds.includes('ranges') ? 'risk ranges' : 'planning'} job does not exist, has expired, or is not yours.`,
  );

/**
 * A job of the caller, with its progress and, once done, its result; without an id, their latest
 * planning job (null when they have none), so that a reloaded page finds it again. Only the job's
 * owner may read it, and only a job of `kinds`. A running job that has stalled is queued again
 * from its last step.
 */
export async function getPlanningJob(
  context: PlanningJobContext,
  input: { jobId?: string | undefined },
  kinds: readonly PlanningJobKind[] = PLANNING_PAGE_JOBS,
): Promise<PlanningJobView | null> {
  const owner = ownerOf(context);
  const jobId = input.jobId ?? (await latestJobId(context.store, owner));
  if (jobId === null) return null;
  let job = await loadJob(context.store, jobId);
  if (job === null || job.owner !== owner || !kinds.includes(job.kind)) throw noSuchJob(kinds);
  if (job.state === 'running') job = await resumeIfStalled(context, job);
  const result = job.state === 'done' ? await readJobData(context.store, job.id, 'result') : undefined;
  if (job.state === 'done' && result === undefined)
    return viewOf({
      ...job,
      state: 'failed',
      error: {
        code: 'UPSTREAM',
        message: 'The job finished, but its result could not be read. Run it again.',
      },
    });
  return viewOf(job, result);
}

async function resumeIfStalled(
  context: PlanningJobContext,
  job: PlanningJobRecord,
): Promise<PlanningJobRecord> {
  const now = context.clock.now();
  if (now.getTime() - Date.parse(job.updatedAt) < STALL_SECONDS * 1000) return job;
  const resumes = typeof job.cursor.resumes === 'number' ? job.cursor.resumes : 0;
  const resumed: PlanningJobRecord =
    resumes >= MAX_RESUMES
      ? {
          ...job,
          state: 'failed',
          updatedAt: now.toISOString(),
          error: {
            code: 'UPSTREAM',
            message: `The job stopped making progress after being resumed ${String(MAX_RESUMES)} times. Run it again.`,
          },
        }
      : {
          ...job,
          seq: job.seq + 1,
          updatedAt: now.toISOString(),
          cursor: { ...job.cursor, resumes: resumes + 1 },
        };
  await saveJob(context.store, resumed);
  if (resumed.state === 'running') await context.jobQueue.push([stepBody(resumed.id, resumed.seq)]);
  return resumed;
}

/**
 * Asks a running job of the caller to stop: its next step does (a scenario at once; an
 * application puts back every epic it wrote first). Only the job's owner may.
 */
export async function cancelPlanningJob(
  context: PlanningJobContext,
  input: { jobId: string },
): Promise<PlanningJobView> {
  const job = await loadJob(context.store, input.jobId);
  if (job === null || job.owner !== ownerOf(context) || !PLANNING_PAGE_JOBS.includes(job.kind))
    throw noSuchJob();
  if (job.state !== 'running') return viewOf(job);
  const cancelled = { ...job, cancelRequested: true };
  await saveJob(context.store, cancelled);
  return viewOf(cancelled);
}

/**
 * Runs one step of a job, as the queue consumer delivers it. An event for another step than the
 * job's (a duplicate, or one a resumed job replaced) is ignored, as is a second delivery of the
 * same step while the first holds its claim. The step runs as the invocation's user, who must be
 * the job's owner: a step with no user or another one stops the job without touching Jira, rather
 * than read or write as anyone else. An expected failure (`AppError`) ends the job with its
 * message; any other error is thrown, so that Forge retries the event from the last saved step.
 */
export async function runPlanningJobStep(
  context: PlanningJobContext,
  body: PlanningJobStepBody['planningJob'],
  steps: Record<PlanningJobKind, JobStep>,
  deliveryId: string,
): Promise<void> {
  const job = await loadJob(context.store, body.jobId);
  if (job === null || job.state !== 'running' || job.seq !== body.seq) return;
  const now = () => context.clock.now().toISOString();
  if (context.accountId !== job.owner) {
    await saveJob(context.store, {
      ...job,
      state: 'failed',
      updatedAt: now(),
      error: {
        code: 'FORBIDDEN',
        message:
          'A step of this job ran without its owner’s Jira permissions, so it stopped rather than read or write as anyone else. Run it again.',
      },
    });
    return;
  }
  const claim = planningJobClaimKey({ jobId: job.id, seq: job.seq });
  const claimed = await context.store.setIfAbsent(claim, deliveryId, { ttlSeconds: CLAIM_TTL_SECONDS });
  // Forge redelivers a failed event with the same id: that retry may go on.
  if (!claimed && (await context.store.get(claim)) !== deliveryId) return;

  let outcome: StepResult;
  if (job.cancelRequested === true && job.kind !== 'apply') {
    outcome = { phase: job.phase, done: job.done, total: job.total, cursor: job.cursor, state: 'cancelled' };
  } else {
    try {
      outcome = await steps[job.kind](context, job);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome = {
        phase: job.phase,
        done: job.done,
        total: job.total,
        cursor: job.cursor,
        state: 'failed',
        error: { code: error.code, message: error.message },
      };
    }
  }
  if (outcome.result !== undefined) await writeJobData(context.store, job.id, 'result', outcome.result);
  // The owner may have cancelled, or a stalled job been resumed, while this step ran.
  const latest = await loadJob(context.store, job.id);
  if (latest === null || latest.seq !== job.seq || latest.state !== 'running') return;
  const state = outcome.state ?? (outcome.phase === 'finished' ? 'done' : 'running');
  const next: PlanningJobRecord = {
    ...latest,
    state,
    phase: outcome.phase,
    done: outcome.done,
    total: outcome.total,
    cursor: {
      ...outcome.cursor,
      ...(latest.cursor.resumes === undefined ? {} : { resumes: latest.cursor.resumes }),
    },
    seq: job.seq + 1,
    updatedAt: now(),
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
  };
  await saveJob(context.store, next);
  if (state === 'running') await context.jobQueue.push([stepBody(job.id, next.seq)]);
}
