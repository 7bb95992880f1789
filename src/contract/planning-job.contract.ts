import { z } from 'zod';
import type { ErrorCode } from './envelope';
import type { AppliedScenarioView, ScenarioView } from './planning.contract';
import type { RangesView } from './ranges.contract';

/**
 * Jobs of the app's queue consumer: work too large for one resolver call, run in bounded steps.
 * Value planning (issue #16) runs a scenario over a scope, or the application of a scenario; the
 * gadget (issue #17) the risk ranges of a scope larger than one call reads. The page polls the
 * job for its progress and, once it is done, its result. Only the job's owner reads it.
 */

/** A job's id: a UUID the server chose. */
export const planningJobIdSchema = z.uuid({ error: 'must be a job id' });

/** One job, or (no id) the caller's latest: what a reloaded page asks to find its job again. */
export const getPlanningJobInput = z.strictObject({ jobId: planningJobIdSchema.optional() });
export const cancelPlanningJobInput = z.strictObject({ jobId: planningJobIdSchema });

export type PlanningJobKind = 'scenario' | 'apply' | 'ranges';
export type PlanningJobState = 'running' | 'done' | 'failed' | 'cancelled';
/**
 * Where a job is: a scenario reads the scope's epics page by page, then their links, then
 * solves; an application checks every epic, writes in batches and adds its audit entry, or puts
 * back what it wrote after a failure; risk ranges read the epics, then simulate.
 */
export type PlanningJobPhase =
  | 'reading'
  | 'linking'
  | 'solving'
  | 'checking'
  | 'writing'
  | 'auditing'
  | 'rolling-back'
  | 'simulating'
  | 'finished';

export interface PlanningJobProgress {
  /** Units done in this phase (epics, or epic keys for links). */
  done: number;
  /** Units in this phase; null while unknown (a scope's size is known once its last page is read). */
  total: number | null;
  /** The phase in words, e.g. "Reading epics: 1,200 read". */
  label: string;
}

interface PlanningJobBase {
  id: string;
  state: PlanningJobState;
  phase: PlanningJobPhase;
  progress: PlanningJobProgress;
  createdAt: string;
  updatedAt: string;
  /** Why a failed or cancelled job stopped. */
  error?: { code: ErrorCode; message: string };
}

export type PlanningJobView =
  | (PlanningJobBase & { kind: 'scenario'; result?: ScenarioView })
  | (PlanningJobBase & { kind: 'apply'; result?: AppliedScenarioView })
  | (PlanningJobBase & { kind: 'ranges'; result?: RangesView });

/** What starting a scenario gave: the plan itself (a small scope), or the job computing it. */
export type ScenarioStart = { kind: 'result'; view: ScenarioView } | { kind: 'job'; job: PlanningJobView };

/** What starting an application gave: the epics written (a small one), or the job writing them. */
export type ApplyStart =
  { kind: 'result'; applied: AppliedScenarioView } | { kind: 'job'; job: PlanningJobView };
